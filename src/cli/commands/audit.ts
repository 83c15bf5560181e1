import type { Core } from '../../core/core';
import type { Lang } from '../../shared/i18n/messages';
import { call } from '../contract-call';
import { cliText, type CliKey } from '../messages';
import type { Output } from '../output';
import { UsageError } from '../usage-error';

/**
 * `loket audit verify`: checks the audit trail's hash chain and the heads the hub acknowledged.
 * JSON: `{ ok, entries, firstBroken, reason, head, hubHead }`. Exit 1 on a broken trail, so a
 * scheduled task (or a script) notices.
 */
export async function auditCommand(core: Core, args: readonly string[], out: Output, lang: Lang): Promise<number> {
  const [sub, extra] = args;
  if (sub !== 'verify') throw new UsageError('usage/audit-subcommand', { value: sub ?? '' }, 'audit');
  if (extra !== undefined) throw new UsageError('usage/unexpected-argument', { value: extra }, 'audit');
  const result = await call(core, 'verifyAudit', {});
  if (out.json) out.data(result);
  else if (result.ok) out.line(cliText(lang, 'audit/ok', { entries: result.entries, hub: result.hubHead ? cliText(lang, 'audit/ok-hub', { seq: result.hubHead.seq }) : '' }));
  else out.error(cliText(lang, 'audit/broken', { entries: result.entries, seq: result.firstBroken ?? 0, reason: cliText(lang, `audit/reason-${result.reason ?? 'hash'}` as CliKey) }));
  return result.ok ? 0 : 1;
}
