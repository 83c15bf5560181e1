// A BPJS failure as a message a clerk or an IT officer can act on: a catalog code with its
// parameters; each caller words it in its own language (formatCoreMessage).
import type { BpjsFailure, BpjsServiceName } from '../../shared/bpjs';
import type { CoreMessage } from '../../shared/i18n/messages';

export const SERVICE_LABEL: Record<BpjsServiceName, string> = { vclaim: 'BPJS VClaim', pcare: 'BPJS PCare' };

export interface FailureContext {
  service: BpjsServiceName;
  timeoutSeconds: number;
  timeZone: string;
}

export function failureMessage(reason: BpjsFailure, detail: string, ctx: FailureContext): CoreMessage {
  switch (reason) {
    case 'offline':
      return { code: 'bpjs/offline', params: { detail: shorten(detail) } };
    case 'timeout':
      return { code: 'bpjs/timeout', params: { seconds: ctx.timeoutSeconds } };
    case 'credentials':
      // PCare also signs with a username and password: name them too.
      return { code: ctx.service === 'pcare' ? 'bpjs/credentials-pcare' : 'bpjs/credentials' };
    case 'clock':
      return { code: 'bpjs/clock' };
    case 'service-down':
      return { code: 'bpjs/service-down', params: { detail: shorten(detail) } };
    case 'bad-response':
      return { code: 'bpjs/bad-response', params: { detail: shorten(detail) } };
    case 'breaker-open': {
      const until = /until (\S+)/.exec(detail)?.[1];
      // The facility's wall clock: the same digits in either language.
      return { code: 'bpjs/breaker-open', params: { time: until ? clock(new Date(until), ctx.timeZone) : '?' } };
    }
  }
}

function shorten(detail: string): string {
  return detail.length > 90 ? detail.slice(0, 87) + '...' : detail;
}

/** "10:42" in the facility's zone. */
export function clock(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
}
