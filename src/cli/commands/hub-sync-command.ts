import type { Core } from '../../core/core';
import type { Lang } from '../../shared/i18n/messages';
import { call } from '../contract-call';
import type { Output } from '../output';
import { hubText } from './hub-messages';

/**
 * `loket sync [--db DB]`: one round with the facility hub now (push, pull, a record-number block)
 * and then the list-edition step (upload what the hub lacks, install what it has newer), awaited:
 * an IT officer's way to bring a counter up to date, or a script's after `loket import`.
 */
export async function syncCommand(core: Core, out: Output, lang: Lang): Promise<number> {
  await core.hubReady;
  const round = await call(core, 'syncNow', {});
  if (out.json) {
    out.data(round);
    return 0;
  }
  out.line(hubText(lang, 'sync/done', { pushed: round.pushed, pulled: round.pulled, deferred: round.deferred }));
  const editions = round.editions;
  if (editions?.code) out.line(hubText(lang, 'sync/editions-failed', { code: editions.code }));
  else if (editions) out.line(hubText(lang, 'sync/editions', { uploaded: editions.uploaded, installed: editions.installed, refused: editions.refused }));
  return 0;
}
