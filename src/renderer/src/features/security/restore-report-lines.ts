import type { RestoreView } from '../../../../shared/database-restore';
import type { securityId } from '../../i18n/messages-id-security';

type SecurityKey = `security.${keyof (typeof securityId)['security']}`;

export interface ReportLine {
  /** Which fact (a test id): backup, counts, list, key, aside, holds, unsent, numbers, hub, recorded, next. */
  id: string;
  key: SecurityKey;
  params?: Record<string, string | number>;
  /** Something that must not be overlooked (a folder to keep, a hub step before registering). */
  warn?: boolean;
}

/**
 * The report's lines, in the order `loket restore` prints them (src/cli/commands/restore.ts),
 * from the facts decided once (src/core/store/restore-view.ts). `time` words an instant.
 */
export function reportLines(view: RestoreView, time: (iso: string) => string): ReportLine[] {
  const lines: ReportLine[] = [
    { id: 'backup', key: 'security.reportBackup', params: { backup: view.backup, time: time(view.backupFileTime), last: view.lastRegistration ? time(view.lastRegistration) : '–' } },
    { id: 'counts', key: 'security.reportCounts', params: { patients: view.patients, visits: view.visits } },
  ];
  if (view.lists.length === 0) lines.push({ id: 'lists', key: 'security.reportNoLists' });
  for (const list of view.lists) {
    const key = list.state === 'previous' ? 'security.reportListPrevious' : 'security.reportList';
    lines.push({ id: 'list', key, params: { name: list.name, edition: list.edition, asOf: list.asOf, members: list.members } });
  }
  if (view.keyFile) lines.push({ id: 'key', key: view.keySealed ? 'security.reportKeySealed' : 'security.reportKey', params: { keyFile: view.keyFile } });
  lines.push(view.aside ? { id: 'aside', key: 'security.reportAside', params: { folder: view.aside } } : { id: 'aside', key: 'security.reportNothingAside' });
  const holds = view.asideHolds;
  if (holds?.kind === 'unknown') lines.push({ id: 'holds', key: 'security.reportAsideUnknown', warn: true });
  if (holds?.kind === 'other-trail') lines.push({ id: 'holds', key: 'security.reportAsideOtherTrail', params: { seq: holds.seq, registrations: holds.registrations }, warn: true });
  if (holds?.kind === 'nothing-later') lines.push({ id: 'holds', key: 'security.reportAsideNothingLater' });
  if (holds?.kind === 'later') {
    lines.push({ id: 'holds', key: 'security.reportAsideHolds', params: { registrations: holds.registrations, last: holds.last ? time(holds.last) : '–', entries: holds.entries, seq: holds.seq }, warn: true });
  }
  if (view.unsentAside) lines.push({ id: 'unsent', key: 'security.reportUnsentAside', params: { ...view.unsentAside }, warn: true });
  if (view.numbersCarried) lines.push({ id: 'numbers', key: 'security.reportNumbersCarried' });
  if (view.hubNote) lines.push({ id: 'hub', key: `security.reportHub-${view.hubNote}`, warn: view.hubNote !== 'not-enrolled-unknown' });
  if (view.recorded !== null) lines.push({ id: 'recorded', key: 'security.reportRecorded', params: { seq: view.recorded } });
  lines.push({ id: 'next', key: 'security.reportNext', warn: true });
  return lines;
}
