import { basename } from 'node:path';
import type { AsideHolds, RestoreHubNote, RestoreView } from '../../shared/database-restore';
import { keyFilePathOf } from './database-key';
import type { RestoreReport } from './database-restore';

/**
 * What a restore's report means for the person who ran it, decided once: `loket restore` words
 * it in the terminal, the app in Settings → Keamanan data (docs/encryption.md, "Restoring").
 */
export function restoreView(report: RestoreReport): RestoreView {
  const { replaced } = report;
  return {
    backup: basename(report.from),
    backupFileTime: report.backupFileTime,
    lastRegistration: report.lastRegistration,
    patients: report.patients,
    visits: report.visits,
    lists: report.lists.map((list) => ({ ...list })),
    keyFile: report.keySource === 'none' ? null : keyFilePathOf(report.dbPath),
    keySealed: false, // the app's main process may seal it afterwards (CoreHostOptions.afterRestore)
    aside: report.aside,
    asideHolds: report.aside ? asideHolds(report) : null,
    unsentAside: replaced.state === 'read' && replaced.unsent > 0 && report.aside ? { changes: replaced.unsent, registrations: replaced.unsentRegistrations } : null,
    numbersCarried: replaced.state === 'read' && replaced.numbersCarried,
    hubNote: hubNote(report),
    recorded: report.recorded,
  };
}

/**
 * What the moved-aside database holds that the restored one lacks: said before anyone thinks of
 * deleting the folder, which is then the only copy of it.
 */
function asideHolds(report: RestoreReport): AsideHolds {
  const { replaced } = report;
  if (replaced.state !== 'read') return { kind: 'unknown' };
  const { beyond } = replaced;
  if (beyond.auditEntries === null) return { kind: 'other-trail', seq: beyond.auditHead?.seq ?? 0, registrations: beyond.registrations };
  if (beyond.auditEntries === 0 && beyond.registrations === 0) return { kind: 'nothing-later' };
  return { kind: 'later', registrations: beyond.registrations, last: beyond.lastRegistration, entries: beyond.auditEntries, seq: beyond.auditHead?.seq ?? 0 };
}

/** What the restore means for the counter's place at the facility hub. */
function hubNote(report: RestoreReport): RestoreHubNote | null {
  const { replaced } = report;
  // No database read (a broken disk, a new PC): what it had given is unknown, and whether it was enrolled.
  if (report.enrolled) return replaced.state === 'read' ? 'enrolled-sync' : 'enrolled-unknown-numbers';
  if (replaced.state !== 'read') return 'not-enrolled-unknown';
  return replaced.enrolled ? 'not-enrolled-forced' : null;
}
