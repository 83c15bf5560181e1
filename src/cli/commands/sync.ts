import type { Core } from '../../core/core';
import { clockDifferenceText } from '../../shared/hub-clock';
import type { Lang } from '../../shared/i18n/messages';
import { call } from '../contract-call';
import { cliText } from '../messages';
import type { Output } from '../output';
import { hubText } from './hub-messages';

/** `loket sync`: one round with the hub now and the list-edition step, and what they moved (JSON: the round as the contract gives it). */
export async function syncCommand(core: Core, out: Output, lang: Lang): Promise<number> {
  await core.hubReady;
  // The round, then the list-edition step (upload what the hub lacks, install what it has newer), awaited.
  const round = await call(core, 'syncNow', {});
  if (out.json) {
    out.data(round);
    return 0;
  }
  const deferred = round.deferred > 0 ? cliText(lang, 'sync/deferred', { count: round.deferred }) : '';
  out.line(cliText(lang, 'sync/done', { pushed: round.pushed + round.duplicates, pulled: round.pulled, deferred }));
  if (round.clockMinutes !== undefined && round.clockMinutes !== null) out.error(clockDifferenceText(lang, round.clockMinutes));
  const editions = round.editions;
  if (editions?.code) out.line(hubText(lang, 'sync/editions-failed', { code: editions.code }));
  else if (editions) out.line(hubText(lang, 'sync/editions', { uploaded: editions.uploaded, installed: editions.installed, refused: editions.refused }));
  return 0;
}

/**
 * For commands that act as the counter does (daftar, antrean): when this counter is enrolled, one
 * round first (the hub's numbers and the other counters' patients) and, after a change, one more
 * to hand it over. The hub being out of reach never stops the command: the counter works alone.
 */
export async function roundIfEnrolled(core: Core): Promise<'synced' | 'offline' | 'not-enrolled'> {
  const link = await call(core, 'hubLink', {});
  if (link.state === 'none') return 'not-enrolled';
  try {
    await call(core, 'syncNow', {});
    return 'synced';
  } catch {
    return 'offline';
  }
}
