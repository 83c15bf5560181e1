import type { Core } from '../../core/core';
import type { Lang } from '../../shared/i18n/messages';
import { call } from '../contract-call';
import { cliText } from '../messages';
import type { Output } from '../output';

/** `loket sync`: one round with the hub now, and what it moved (JSON: the round as the contract gives it). */
export async function syncCommand(core: Core, out: Output, lang: Lang): Promise<number> {
  const round = await call(core, 'syncNow', {});
  if (out.json) out.data(round);
  else {
    const deferred = round.deferred > 0 ? cliText(lang, 'sync/deferred', { count: round.deferred }) : '';
    out.line(cliText(lang, 'sync/done', { pushed: round.pushed + round.duplicates, pulled: round.pulled, deferred }));
  }
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
