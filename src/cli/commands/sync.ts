import type { Core } from '../../core/core';
import { clockDifferenceText } from '../../shared/hub-clock';
import type { Lang } from '../../shared/i18n/messages';
import { call, ContractCallError } from '../contract-call';
import type { ContractError } from '../../shared/contract';
import { formatContractError } from '../../shared/i18n/format-error';
import { cliText } from '../messages';
import type { Output } from '../output';
import { hubText, type HubCliKey } from './hub-messages';
import { editionStoreOf } from '../../core/store/edition-store';
import type { EditionRoundSummary } from '../../shared/hub-link';

/** `loket sync`: one round with the hub now and the list-edition step, and what they moved (JSON: the round as the contract gives it). */
export async function syncCommand(core: Core, out: Output, lang: Lang): Promise<number> {
  await core.hubReady;
  // The round, then the list-edition step (upload what the hub lacks, install what it has newer), awaited.
  const round = await call(core, 'syncNow', {});
  if (out.json) {
    out.data(round);
    return 0;
  }
  if (round.resent !== undefined) out.line(hubText(lang, 'sync/resent', { count: round.resent }));
  const deferred = round.deferred > 0 ? cliText(lang, 'sync/deferred', { count: round.deferred }) : '';
  out.line(cliText(lang, 'sync/done', { pushed: round.pushed + round.duplicates, pulled: round.pulled, deferred }));
  if (round.conflicts > 0) out.line(hubText(lang, 'sync/same-number', { count: round.conflicts }));
  if (round.stuck > 0) out.line(hubText(lang, 'sync/stuck', { count: round.stuck }));
  if (round.setAside) {
    const count = round.setAside.reduce((sum, r) => sum + r.count, 0);
    out.line(hubText(lang, 'sync/rejected', { count, reasons: round.setAside.map((r) => `${r.reason} ${r.count}`).join(', ') }));
  }
  for (const refused of round.accountsRefused ?? []) out.error(hubText(lang, `sync/account-refused-${refused.problem}`, { username: refused.username, secret: hubText(lang, `sync/secret-${refused.secret}`) }));
  if (round.clockMinutes !== undefined && round.clockMinutes !== null) out.error(clockDifferenceText(lang, round.clockMinutes));
  const editions = round.editions;
  if (editions?.code) out.line(hubText(lang, 'sync/editions-failed', { code: editions.code }));
  else if (editions) out.line(hubText(lang, 'sync/editions', { uploaded: editions.uploaded, installed: editions.installed, refused: editions.refused }));
  for (const line of editionListLines(editions, lang, editionStoreOf(core.db).dir ?? '')) out.line(line);
  return 0;
}

/** A line for each list the edition step healed or left as it was, with what the IT officer may do. */
function editionListLines(editions: EditionRoundSummary | undefined, lang: Lang, folder: string): string[] {
  if (!editions) return [];
  const healed = (editions.healed ?? []).map(({ list, setAside }) => hubText(lang, 'sync/edition-healed', { list, file: setAside, folder }));
  const skipped = (editions.skipped ?? []).map(({ list, code }) => {
    const key = SKIPPED[code];
    return key ? hubText(lang, key, { list }) : hubText(lang, 'sync/editions-failed', { code: `${list}: ${code}` });
  });
  return [...healed, ...skipped];
}

const SKIPPED: Record<string, HubCliKey | undefined> = {
  'edition/local-unreadable': 'sync/edition-local-unreadable',
  'edition/upload-failed': 'sync/edition-upload-failed',
  'edition/install-failed': 'sync/edition-install-failed',
};

/** How a round went: 'refused' when the hub answered but turned this counter away (revoked, unknown): nothing goes until IT acts. */
export type RoundOutcome = { hub: 'synced' | 'offline' | 'not-enrolled' } | { hub: 'refused'; error: ContractError };

/**
 * For commands that act as the counter does (daftar, antrean): when this counter is enrolled, one
 * round first (the hub's numbers and the other counters' patients) and, after a change, one more
 * to hand it over. The hub being out of reach never stops the command: the counter works alone.
 * A hub that refuses the counter is not "out of reach": its changes wait for IT, not for the network.
 */
export async function roundIfEnrolled(core: Core): Promise<RoundOutcome> {
  const link = await call(core, 'hubLink', {});
  if (link.state === 'none') return { hub: 'not-enrolled' };
  try {
    await call(core, 'syncNow', {});
    return { hub: 'synced' };
  } catch (error) {
    if (error instanceof ContractCallError && error.error.code.startsWith('hub/') && error.error.code !== 'hub/unreachable') return { hub: 'refused', error: error.error };
    return { hub: 'offline' };
  }
}

/** What the clerk at the command line is told after a round that did not reach the hub; nothing when it did. */
export function roundWarning(outcome: RoundOutcome, lang: Lang): string | null {
  if (outcome.hub === 'offline') return cliText(lang, 'sync/offline');
  if (outcome.hub === 'refused') return cliText(lang, 'sync/refused', { reason: formatContractError(lang, outcome.error) });
  return null;
}
