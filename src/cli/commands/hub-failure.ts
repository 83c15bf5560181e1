import { HubRefused, HubUnreachable } from '../../core/sync/hub-transport';
import { CLOCK_DIFFERS, WRONG_CERTIFICATE } from '../../core/sync/pinned-transport';
import { HubError } from '../../hub/http/route';
import { formatMessage, type Lang } from '../../shared/i18n/messages';
import type { Output } from '../output';
import { usage } from '../usage';
import { HubCliFailure, hubText, HubUsageError, refusalText } from './hub-messages';

/**
 * How `loket hub` and `loket enroll` end on an error: a usage mistake with the usage (exit 2),
 * anything else worded (exit 1), as `{ ok: false, error: { code, message } }` too with --json.
 */
export function reportHubFailure(error: unknown, command: 'hub' | 'enroll', out: Output, lang: Lang): number {
  if (error instanceof HubUsageError) {
    out.error(`${hubText(lang, error.key, error.params)}\n\n${usage(lang, command)}`);
    return 2;
  }
  let code: string;
  let message: string;
  if (error instanceof HubCliFailure) {
    code = error.key;
    message = hubText(lang, error.key, error.params);
  } else if (error instanceof HubRefused || error instanceof HubError) {
    code = error.code;
    message = hubText(lang, 'fail/refused', { reason: refusalText(lang, error.code, error.params) });
  } else if (error instanceof HubUnreachable && error.detail.startsWith(CLOCK_DIFFERS)) {
    // Not the network: the clock (said so, never "check the firewall").
    code = 'hub/clock-differs';
    message = formatMessage(lang, 'hub/clock-differs', { detail: error.detail.slice(CLOCK_DIFFERS.length + 2) });
  } else if (error instanceof HubUnreachable) {
    const wrong = error.detail.startsWith(WRONG_CERTIFICATE);
    code = wrong ? 'hub/certificate-mismatch' : 'hub/unreachable';
    message = wrong ? hubText(lang, 'fail/wrong-certificate') : hubText(lang, 'fail/unreachable', { detail: error.detail });
  } else {
    throw error; // the CLI's own handling of the unexpected
  }
  if (out.json) out.data({ ok: false, error: { code, message } });
  out.error(message);
  return 1;
}
