import type { Core } from '../../core/core';
import { listsDirOf } from '../../core/store/edition-store';
import type { Lang } from '../../shared/i18n/messages';
import type { ListSummary } from '../../shared/lists';
import { cliText } from '../messages';
import type { Output } from '../output';
import { call } from '../contract-call';

/**
 * The current lists. A list whose current edition cannot be read is shown as such, with what to
 * do, and the command exits 1: a monitoring script must not take it for a healthy list.
 */
export async function listsCommand(core: Core, out: Output, lang: Lang, dbPath: string): Promise<number> {
  const lists = await call(core, 'listLists', { wholeFiles: true });
  const unreadable = lists.filter((l) => l.unreadable);
  if (out.json) out.data(lists);
  else {
    // An enrolled counter takes its lists from the hub: importing here is not the way.
    if (lists.length === 0) out.line(cliText(lang, (await call(core, 'hubLink', {})).state === 'none' ? 'lists/none' : 'lists/none-enrolled'));
    const members = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB');
    for (const l of lists) {
      const stale = l.stale ? cliText(lang, 'lists/stale', { days: l.ageDays }) : '';
      out.line(cliText(lang, 'lists/line', { name: l.name, kind: l.kind, edition: l.edition, asOf: l.asOf, members: members.format(l.members), stale }));
      if (l.aheadOfClock) out.line(cliText(lang, 'lists/ahead-of-clock', { asOf: l.asOf }));
      for (const line of unreadableLines(l, lang, listsDirOf(dbPath))) out.line(line);
    }
  }
  if (unreadable.length === 0) return 0;
  out.error(cliText(lang, 'lists/unreadable-error', { count: unreadable.length }));
  return 1;
}

/**
 * What is wrong with a list's file and what the IT officer can do, with the whole folder path (the
 * command line knows it). At an enrolled counter whose edition the hub holds: sync (the source
 * file was imported at another counter, so "import it again" would point to a file not here).
 */
function unreadableLines(l: ListSummary, lang: Lang, folder: string): string[] {
  if (!l.unreadable) return [];
  const { reason, file, previousReadable } = l.unreadable;
  const lines = [
    cliText(lang, reason === 'missing' ? 'lists/unreadable-missing' : 'lists/unreadable-damaged', { file, folder }),
    l.unreadable.fromHub ? cliText(lang, 'lists/unreadable-fix-hub') : cliText(lang, 'lists/unreadable-fix', { source: l.sourceFile, folder }),
  ];
  if (previousReadable && l.previousEdition !== null) lines.push(cliText(lang, 'lists/unreadable-rollback', { edition: l.previousEdition, name: l.name }));
  return lines;
}
