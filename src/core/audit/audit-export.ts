import type { AuditEntryView } from '../../shared/audit';
import type { Lang } from '../../shared/i18n/messages';
import { localDateTime, writeTable, type ExportFormat } from '../export/table-writer';
import { maskAuditQuery, maskQueryIdentifiers } from '../../shared/audit-mask';

const WORDS: Record<Lang, { sheet: string; headers: string[] }> = {
  id: { sheet: 'Jejak audit', headers: ['No.', 'Waktu', 'Petugas', 'Tindakan', 'Subjek', 'Pencarian', 'Rincian'] },
  en: { sheet: 'Audit trail', headers: ['No.', 'Time', 'Clerk', 'Action', 'Subject', 'Query', 'Detail'] },
};

/**
 * Writes entries as CSV or XLSX, oldest first, with the facility's local times. Identifiers in
 * the query column (and anywhere in the detail) are masked: the file leaves the counter.
 */
export async function writeAuditTable(path: string, format: ExportFormat, entries: readonly AuditEntryView[], lang: Lang, timeZone: string): Promise<number> {
  const words = WORDS[lang];
  const rows = entries.map((e) => {
    const { query, queryKey, ...rest } = e.detail;
    return [
      e.seq,
      localDateTime(e.at, timeZone),
      e.actor,
      e.action,
      e.subject,
      typeof query === 'string' ? maskAuditQuery(query, queryKey) : null,
      Object.keys(rest).length > 0 ? maskQueryIdentifiers(JSON.stringify(rest)) : null,
    ];
  });
  await writeTable(path, format, { sheet: words.sheet, headers: words.headers, rows });
  return rows.length;
}
