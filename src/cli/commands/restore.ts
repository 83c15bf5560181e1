import { resolve } from 'node:path';
import { restoreDatabase, type RestoreReport } from '../../core/store/database-restore';
import { restoreView } from '../../core/store/restore-view';
import type { AsideHolds, RestoreView } from '../../shared/database-restore';
import type { Lang } from '../../shared/i18n/messages';
import { cliActor } from '../cli-actor';
import { cliText } from '../messages';
import type { Output } from '../output';

/**
 * `loket restore --from FILE [--key-file RECOVERY_KEY] [--force]`: a backup put back as the database, with
 * no core running (store/database-restore.ts does the work and refuses in the core's words; this
 * says what was done). Nothing is deleted: the replaced files are moved into a dated folder.
 */
export function restoreCommand(args: { from: string; keyFile: string | undefined; dbPath: string; force: boolean }, out: Output, lang: Lang): number {
  const report = restoreDatabase({ dbPath: resolve(args.dbPath), from: resolve(args.from), force: args.force, actor: cliActor().username, ...(args.keyFile ? { keyFile: resolve(args.keyFile) } : {}) });
  if (out.json) {
    out.data(report);
    return 0;
  }
  for (const line of reportLines(report, lang)) out.line(line);
  return 0;
}

/** A moment as the PC's clock shows it, to the minute: what the person restoring compares with their memory. */
const localTime = (iso: string): string => {
  const d = new Date(iso);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
};

export function reportLines(report: RestoreReport, lang: Lang): string[] {
  const view = restoreView(report);
  const lines = [cliText(lang, 'restore/done', { from: report.from, path: report.dbPath })];
  lines.push(
    cliText(lang, 'restore/when', {
      time: localTime(view.backupFileTime),
      last: view.lastRegistration ? localTime(view.lastRegistration) : cliText(lang, 'restore/no-registration'),
    }),
  );
  lines.push(cliText(lang, 'restore/counts', { patients: view.patients, visits: view.visits }));
  if (view.lists.length === 0) lines.push(cliText(lang, 'restore/no-lists'));
  for (const list of view.lists) {
    lines.push(cliText(lang, 'restore/list', { ...list, previous: list.state === 'previous' ? cliText(lang, 'restore/list-previous') : '' }));
  }
  if (view.keyFile && report.keySource !== 'none') lines.push(cliText(lang, 'restore/key', { keyFile: view.keyFile, source: cliText(lang, `restore/key-${report.keySource}`) }));
  lines.push(view.aside ? cliText(lang, 'restore/aside', { folder: view.aside }) : cliText(lang, 'restore/nothing-aside'));
  if (view.aside && view.asideHolds) lines.push(asideHolds(view.asideHolds, view.aside, lang));
  if (view.recorded !== null) lines.push(cliText(lang, 'restore/recorded', { seq: view.recorded }));
  lines.push(...hubLines(view, lang));
  lines.push(cliText(lang, 'restore/next'));
  return lines;
}

/**
 * What the moved-aside database holds that the restored one lacks: said before anyone thinks of
 * deleting the folder, which is then the only copy of it.
 */
function asideHolds(holds: AsideHolds, folder: string, lang: Lang): string {
  switch (holds.kind) {
    case 'unknown':
      return cliText(lang, 'restore/aside-unknown', { folder });
    case 'other-trail':
      return cliText(lang, 'restore/aside-other-trail', { folder, seq: holds.seq, registrations: holds.registrations });
    case 'nothing-later':
      return cliText(lang, 'restore/aside-nothing-later', { folder });
    case 'later':
      return cliText(lang, 'restore/aside-holds', { folder, registrations: holds.registrations, last: holds.last ? localTime(holds.last) : '–', entries: holds.entries, seq: holds.seq });
  }
}

/** What the restore means for the counter's place at the facility hub (docs/encryption.md, "Restoring"). */
function hubLines(view: RestoreView, lang: Lang): string[] {
  const lines: string[] = [];
  if (view.unsentAside && view.aside) lines.push(cliText(lang, 'restore/unsent-aside', { ...view.unsentAside, folder: view.aside }));
  if (view.numbersCarried) lines.push(cliText(lang, 'restore/numbers-carried'));
  if (view.hubNote) lines.push(cliText(lang, `restore/${view.hubNote}`));
  return lines;
}
