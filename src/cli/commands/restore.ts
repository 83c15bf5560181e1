import { resolve } from 'node:path';
import { restoreDatabase, type RestoreReport } from '../../core/store/database-restore';
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
  const lines = [cliText(lang, 'restore/done', { from: report.from, path: report.dbPath })];
  lines.push(
    cliText(lang, 'restore/when', {
      time: localTime(report.backupFileTime),
      last: report.lastRegistration ? localTime(report.lastRegistration) : cliText(lang, 'restore/no-registration'),
    }),
  );
  lines.push(cliText(lang, 'restore/counts', { patients: report.patients, visits: report.visits }));
  if (report.lists.length === 0) lines.push(cliText(lang, 'restore/no-lists'));
  for (const list of report.lists) {
    lines.push(cliText(lang, 'restore/list', { ...list, previous: list.state === 'previous' ? cliText(lang, 'restore/list-previous') : '' }));
  }
  if (report.keySource !== 'none') lines.push(cliText(lang, 'restore/key', { keyFile: `${report.dbPath}.key`, source: cliText(lang, `restore/key-${report.keySource}`) }));
  lines.push(report.aside ? cliText(lang, 'restore/aside', { folder: report.aside }) : cliText(lang, 'restore/nothing-aside'));
  if (report.aside) lines.push(asideHolds(report, report.aside, lang));
  if (report.recorded !== null) lines.push(cliText(lang, 'restore/recorded', { seq: report.recorded }));
  lines.push(...hubLines(report, lang));
  lines.push(cliText(lang, 'restore/next'));
  return lines;
}

/**
 * What the moved-aside database holds that the restored one lacks: said before anyone thinks of
 * deleting the folder, which is then the only copy of it.
 */
function asideHolds(report: RestoreReport, folder: string, lang: Lang): string {
  const { replaced } = report;
  if (replaced.state !== 'read') return cliText(lang, 'restore/aside-unknown', { folder });
  const { beyond } = replaced;
  if (beyond.auditEntries === null) return cliText(lang, 'restore/aside-other-trail', { folder, seq: beyond.auditHead?.seq ?? 0, registrations: beyond.registrations });
  if (beyond.auditEntries === 0 && beyond.registrations === 0) return cliText(lang, 'restore/aside-nothing-later', { folder });
  return cliText(lang, 'restore/aside-holds', {
    folder,
    registrations: beyond.registrations,
    last: beyond.lastRegistration ? localTime(beyond.lastRegistration) : '–',
    entries: beyond.auditEntries,
    seq: beyond.auditHead?.seq ?? 0,
  });
}

/** What the restore means for the counter's place at the facility hub (docs/encryption.md, "Restoring"). */
function hubLines(report: RestoreReport, lang: Lang): string[] {
  const { replaced } = report;
  const lines: string[] = [];
  if (replaced.state === 'read' && replaced.unsent > 0 && report.aside) {
    lines.push(cliText(lang, 'restore/unsent-aside', { changes: replaced.unsent, registrations: replaced.unsentRegistrations, folder: report.aside }));
  }
  if (replaced.state === 'read' && replaced.numbersCarried) lines.push(cliText(lang, 'restore/numbers-carried'));
  // No database read (a broken disk, a new PC): what it had given is unknown, and whether it was enrolled.
  if (report.enrolled) {
    lines.push(cliText(lang, replaced.state === 'read' ? 'restore/enrolled-sync' : 'restore/enrolled-unknown-numbers'));
  } else if (replaced.state !== 'read') {
    lines.push(cliText(lang, 'restore/not-enrolled-unknown'));
  } else if (replaced.enrolled) {
    lines.push(cliText(lang, 'restore/not-enrolled-forced'));
  }
  return lines;
}
