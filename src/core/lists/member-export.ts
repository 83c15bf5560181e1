import { formatCoreMessage, type Lang } from '../../shared/i18n/messages';
import { maskCard, maskNik } from '../../shared/masking';
import { statusReasonMessage } from '../../shared/status-reason';
import type { Cell, ExportFormat } from '../export/table-writer';
import { writeTableStream } from '../export/table-stream';
import { LoketError } from '../errors';
import { editionStoreOf, openEditionReadOnly } from '../store/edition-store';
import type { Db } from '../store/open-database';
import { readEditionOfList } from './editions.repo';
import { MEMBERS, MemberFlags, addressLine, cardToText, dobToIso, legacyMemberTable, unpackDetail } from './member-table';

/** The words of a member export, one catalog per language (no Indonesian word in an English file). */
const WORDS: Record<Lang, { headers: string[]; active: string; inactive: string }> = {
  id: {
    headers: ['Baris', 'NIK', 'No. kartu', 'Nama', 'Tanggal lahir', 'Jenis kelamin', 'Status', 'Alasan status', 'Segmen', 'Faskes', 'Kelas', 'Alamat'],
    active: 'aktif',
    inactive: 'tidak aktif',
  },
  en: {
    headers: ['Row', 'NIK', 'Card no.', 'Name', 'Birth date', 'Sex', 'Status', 'Status reason', 'Segment', 'Facility', 'Class', 'Address'],
    active: 'active',
    inactive: 'inactive',
  },
};

export interface MemberExport {
  list: string;
  format: ExportFormat;
  path: string;
  lang: Lang;
  /** Whole NIKs and card numbers: only when the administrator chose it; masked otherwise. */
  full: boolean;
}

type MemberRow = { row: number; nik: string | null; card: number | null; name: string; dob: number | null; flags: number; detail: string };

/**
 * Writes the members of a list's current edition, in the order of its source file, through the
 * streaming table writer (so formula text is neutralized like every export). Identifiers are
 * masked unless `full`. Answers the number of rows written.
 */
export async function exportMembers(db: Db, options: MemberExport): Promise<number> {
  const edition = readEditionOfList(db, options.list, 'current');
  if (!edition) throw new LoketError('unknown-list', { list: options.list });
  // An edition from before version 7 not moved yet still has its table in the main file.
  const source = edition.file ? openEditionReadOnly(editionStoreOf(db), edition.id) : db;
  const table = edition.file ? MEMBERS : legacyMemberTable(edition.id);
  try {
    const count = (source.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number) ?? 0;
    const select = source.prepare(`SELECT row, nik, card, name, dob, flags, detail FROM ${table} ORDER BY row, id`);
    // The main file's connection must stay free for the counter while the file is written: a
    // legacy table (moved out at start, so hardly ever here) is read at once instead of iterated.
    const rows = (source === db ? select.all() : select.iterate()) as Iterable<MemberRow>;
    const words = WORDS[options.lang];
    return await writeTableStream(options.path, options.format, {
      sheet: edition.listName,
      headers: words.headers,
      count,
      rows: mapRows(rows, (m) => memberCells(m, words, options.full, options.lang)),
    });
  } finally {
    if (source !== db) source.close();
  }
}

function memberCells(m: MemberRow, words: (typeof WORDS)[Lang], full: boolean, lang: Lang): Cell[] {
  const detail = unpackDetail(m.detail);
  const card = cardToText(m.card);
  return [
    m.row,
    m.nik === null ? null : full ? m.nik : maskNik(m.nik),
    card === null ? null : full ? card : maskCard(card),
    m.name,
    dobToIso(m.dob),
    detail.sex || null,
    m.flags & MemberFlags.active ? words.active : words.inactive,
    // Stored as a code (or, in older editions, the Indonesian text): worded in the file's language.
    detail.statusReason ? formatCoreMessage(lang, statusReasonMessage(detail.statusReason)) : null,
    detail.segment || null,
    detail.facility || null,
    detail.class || null,
    addressLine(detail),
  ];
}

function* mapRows<T>(rows: Iterable<T>, cells: (row: T) => Cell[]): Generator<Cell[]> {
  for (const row of rows) yield cells(row);
}
