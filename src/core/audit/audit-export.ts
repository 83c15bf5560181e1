import type { AuditEntryView } from '../../shared/audit';
import { actionText, actorText, detailText } from '../../shared/audit-detail';
import { maskAuditQuery } from '../../shared/audit-mask';
import { auditWording } from '../../shared/audit-wording';
import type { Lang } from '../../shared/i18n/messages';
import type { ServiceUnit } from '../../shared/settings';
import { localDateTime, writeTable, type ExportFormat } from '../export/table-writer';

const WORDS: Record<Lang, { sheet: string; headers: string[] }> = {
  id: { sheet: 'Jejak audit', headers: ['No.', 'Waktu', 'Petugas', 'Tindakan', 'Subjek', 'Pencarian', 'Rincian'] },
  en: { sheet: 'Audit trail', headers: ['No.', 'Time', 'Clerk', 'Action', 'Subject', 'Query', 'Detail'] },
};

/**
 * Writes entries as CSV or XLSX, oldest first, with the facility's local times, worded as the
 * audit screen words them in the caller's language (shared audit-detail.ts): the action, the
 * clerk and the detail in words, never codes or stored JSON. Identifiers in the query column
 * and the detail are masked: the file leaves the counter.
 */
export async function writeAuditTable(
  path: string,
  format: ExportFormat,
  entries: readonly AuditEntryView[],
  lang: Lang,
  timeZone: string,
  units: readonly Pick<ServiceUnit, 'code' | 'name'>[],
): Promise<number> {
  const words = WORDS[lang];
  const wording = auditWording(lang, units);
  const rows = entries.map((e) => {
    const { query, queryKey } = e.detail;
    const detail = detailText(e, wording);
    return [
      e.seq,
      localDateTime(e.at, timeZone),
      actorText(e.actor, wording),
      actionText(e.action, wording),
      e.subject,
      typeof query === 'string' ? maskAuditQuery(query, queryKey) : null,
      detail === '' ? null : detail,
    ];
  });
  await writeTable(path, format, { sheet: words.sheet, headers: words.headers, rows });
  return rows.length;
}
