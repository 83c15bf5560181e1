// A BPJS failure in words a clerk or an IT officer can act on, in the UI language.
import type { BpjsFailure, BpjsServiceName } from '../../shared/bpjs';
import { formatMessage, type Lang } from '../../shared/i18n/messages';

export const SERVICE_LABEL: Record<BpjsServiceName, string> = { vclaim: 'BPJS VClaim', pcare: 'BPJS PCare' };

export interface FailureContext {
  service: BpjsServiceName;
  timeoutSeconds: number;
  timeZone: string;
}

export function failureText(lang: Lang, reason: BpjsFailure, detail: string, ctx: FailureContext): string {
  switch (reason) {
    case 'offline':
      return formatMessage(lang, 'bpjs/offline', { detail: shorten(detail) });
    case 'timeout':
      return formatMessage(lang, 'bpjs/timeout', { seconds: ctx.timeoutSeconds });
    case 'credentials':
      return formatMessage(lang, 'bpjs/credentials', { pcare: ctx.service === 'pcare' ? (lang === 'id' ? ', pengguna dan kata sandi PCare' : ', PCare username and password') : '' });
    case 'clock':
      return formatMessage(lang, 'bpjs/clock');
    case 'service-down':
      return formatMessage(lang, 'bpjs/service-down', { detail: shorten(detail) });
    case 'bad-response':
      return formatMessage(lang, 'bpjs/bad-response', { detail: shorten(detail) });
    case 'breaker-open': {
      const until = /until (\S+)/.exec(detail)?.[1];
      const time = until ? clock(new Date(until), ctx.timeZone) : '?';
      return formatMessage(lang, 'bpjs/breaker-open', { time });
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
