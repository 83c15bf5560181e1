import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { isoDateInZone } from '../../shared/dates';
import type { ListFieldName, ListPreview } from '../../shared/lists';
import { suggestAsOf } from './as-of';
import { latestAsOf } from './as-of-limit';
import type { ListField } from './columns';
import { ListFileError } from './list-file-error';
import { openListFile, type RawRow } from './list-reader';
import { cellText } from './row-validator';
import { previewStatusCheck } from './preview-status';
import { candidateIdentifiers, CANDIDATE_SAMPLE_ROWS, isEmptyRow } from './row-source';
import { statusColumnByValues, statusColumnOf } from './status-column';

const SAMPLE_ROWS = 5;
/** Rows read for BULAN/TAHUN columns: a list is one period, the first rows say it. */
const AS_OF_ROWS = 50;

export interface InspectOptions {
  now?: Date;
  /** The facility's time zone: "today" for the rows' dates. */
  timeZone?: string;
}

const texts = (rows: readonly RawRow[]): string[][] => rows.map((r) => r.cells.map((c) => cellText(c)));

/**
 * What an import would read, before anything is written: the header found, the column mapping
 * (with the clerk's overrides applied), the status column, the first rows and a suggested as-of
 * date, so the mapping can be checked and corrected on screen. A file whose header is not
 * recognized still gets a preview (`recognized: false`) of its likeliest header row, for
 * mapping by hand; other unreadable files throw the same clear errors as an import.
 * What the import would say only in its report is said here already: columns of NIK- or
 * card-like numbers not placed, status values of the first rows not understood, and the latest
 * as-of date the import accepts today.
 */
export async function inspectListFile(path: string, mapping?: Partial<Record<ListFieldName, string>>, options: InspectOptions = {}): Promise<ListPreview> {
  const now = options.now ?? new Date();
  const asOfLimit = latestAsOf(now);
  let reader;
  try {
    reader = await openListFile(path, { overrides: mapping as Partial<Record<ListField, string>> | undefined });
  } catch (error) {
    if (error instanceof ListFileError && error.candidate && (error.code === 'no-header' || error.code === 'no-identifier-column')) {
      return unrecognizedPreview(path, error, asOfLimit);
    }
    throw error;
  }
  try {
    const { info } = reader;
    const rows: RawRow[] = [];
    for await (const batch of reader.batches(AS_OF_ROWS)) {
      rows.push(...batch);
      break;
    }
    const sample = texts(rows);
    const statusCheck = previewStatusCheck(info, rows, isoDateInZone(now, options.timeZone ?? 'Asia/Jakarta'));
    const mapped: Partial<Record<ListFieldName, string>> = {};
    for (const [field, index] of Object.entries(info.mapping)) mapped[field as ListFieldName] = info.headers[index as number] ?? '';
    return {
      file: basename(path),
      recognized: true,
      format: info.format,
      headerRow: info.headerRow,
      headers: info.headers,
      mapping: mapped,
      sample: sample.slice(0, SAMPLE_ROWS),
      sizeBytes: info.sizeBytes,
      statusColumn: statusColumnOf(info),
      asOf: suggestAsOf({ titles: info.titles, headers: info.headers, sample, fileName: basename(path) }),
      asOfLimit,
      ...(info.sheetName ? { sheetName: info.sheetName } : {}),
      ...(info.otherListSheets ? { otherSheets: info.otherListSheets } : {}),
      ...(info.unplacedIdentifiers?.length ? { unplacedIdentifiers: info.unplacedIdentifiers } : {}),
      ...(statusCheck ? { statusCheck } : {}),
    };
  } finally {
    await reader.close();
  }
}

/**
 * A header that names known columns (NAMA, STATUS) but no NIK or card keeps them mapped, and
 * the column of NIK-like numbers is named: a NIK-only list under "NO. IDENTITAS" needs one
 * click, not a mapping by hand that forgets the status column.
 */
async function unrecognizedPreview(path: string, error: ListFileError, asOfLimit: string): Promise<ListPreview> {
  const candidate = error.candidate!;
  const sample = texts(candidate.sample.filter((r) => !isEmptyRow(r.cells)));
  const mapping: Partial<Record<ListFieldName, string>> = {};
  for (const [field, index] of Object.entries(candidate.mapping ?? {})) mapping[field as ListFieldName] = candidate.headers[index as number] ?? '';
  const unplaced = candidateIdentifiers(candidate);
  // A status column under an unknown header is found by its values, as in a recognized file: a
  // mapping by hand must not be told there is no status column while KONDISI holds MENINGGAL.
  const statusByValues = mapping.status ? null : statusColumnByValues(candidate.sample, candidate.mapping ?? {}, candidate.headers.length);
  if (statusByValues !== null && candidate.headers[statusByValues]?.trim()) mapping.status = candidate.headers[statusByValues];
  return {
    file: basename(path),
    recognized: false,
    format: candidate.format ?? 'csv',
    headerRow: candidate.headerRow,
    headers: candidate.headers,
    mapping,
    sample: sample.slice(0, CANDIDATE_SAMPLE_ROWS),
    sizeBytes: (await stat(path)).size,
    statusColumn: mapping.status ? { header: mapping.status, foundBy: statusByValues === null ? 'header' : 'values' } : null,
    ...(unplaced.length > 0 ? { unplacedIdentifiers: unplaced } : {}),
    asOf: suggestAsOf({ titles: candidate.titles, headers: candidate.headers, sample, fileName: basename(path) }),
    asOfLimit,
    ...(candidate.sheetName ? { sheetName: candidate.sheetName } : {}),
  };
}
