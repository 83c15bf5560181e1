/**
 * Entry point for reading an eligibility list file (CSV or XLSX): sniffs the real format,
 * finds the header row, maps columns, and streams raw rows in batches. Row validation
 * (NIK, card, dates) happens elsewhere; this module delivers cells as found.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { NO_COLUMN, type StatusColumnSource } from '../../shared/lists';
import type { ListField } from './columns';
import { joinBirthDate } from './birth-date-columns';
import { openCsv } from './csv-reader';
import { ListFileError } from './list-file-error';
import { RepeatedHeader } from './repeated-header';
import { fillAhead, isEmptyRow, type FoundHeader, type RowSource } from './row-source';
import { sniffFormat } from './sniff';
import { STATUS_SAMPLE_ROWS, statusColumnByValues, statusReadingOf, type StatusReading } from './status-column';
import { unplacedIdentifiers } from './unplaced-identifiers';
import { openXlsx } from './xlsx-reader';
import type { ListFileInfo, ListReader, RawRow } from './list-reader.types';

export type { ListFileInfo, ListReader, RawCell, RawRow } from './list-reader.types';

const HEAD_BYTES = 64 * 1024;
const DEFAULT_BATCH = 5000;

async function fileSize(path: string): Promise<number> {
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new ListFileError('file-not-found', `${path} is not a file`);
    return st.size;
  } catch (e) {
    if (e instanceof ListFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new ListFileError('file-not-found', path);
    throw e;
  }
}

async function readHead(path: string, size: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const buf = Buffer.alloc(Math.min(size, HEAD_BYTES));
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** A separate streamed pass: the format readers consume the file at their own pace. */
function sha256File(path: string): { digest: Promise<string>; abort: () => void } {
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  const digest = new Promise<string>((resolve, reject) => {
    const hash = createHash('sha256');
    stream
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('close', () => reject(new Error('hashing stopped')))
      .on('end', () => resolve(hash.digest('hex')));
  });
  digest.catch(() => undefined); // awaited later; never an unhandled rejection if opening fails first
  return { digest, abort: () => stream.destroy() };
}

class Reader implements ListReader {
  private started = false;
  constructor(
    readonly info: ListFileInfo,
    private readonly source: RowSource,
    private pending: RawRow[],
    private readonly hashing: { digest: Promise<string>; abort: () => void },
  ) {}

  async *batches(batchSize: number = DEFAULT_BATCH): AsyncIterable<RawRow[]> {
    if (this.started) throw new Error('batches() can be iterated only once');
    this.started = true;
    const size = Math.max(1, Math.floor(batchSize));
    let batch: RawRow[] = [];
    let rows: RawRow[] | null = this.pending;
    const repeated = new RepeatedHeader(this.info.headers, this.info.mapping);
    this.pending = [];
    try {
      while (rows !== null) {
        const { splitDob } = this.info;
        const dob = this.info.mapping.dob;
        for (const r of rows) {
          if (isEmptyRow(r.cells)) continue;
          if (repeated.matches(r.cells)) r.repeatedHeader = true;
          if (splitDob && dob !== undefined) joinBirthDate(r.cells, dob, splitDob);
          batch.push(r);
          if (batch.length >= size) {
            yield batch;
            batch = [];
          }
        }
        rows = await this.source.next();
      }
      if (batch.length > 0) yield batch;
    } finally {
      await this.source.close();
    }
  }

  bytesRead(): number {
    return this.source.bytesRead();
  }

  sha256(): Promise<string> {
    return this.hashing.digest;
  }

  /** Also stops the hashing pass if it is still running (a failed import need not read the rest). */
  close(): Promise<void> {
    this.hashing.abort();
    return this.source.close();
  }
}

/**
 * The status column: named by the administrator, by its header, or else found by its values in
 * the first rows (read ahead into `header.pending`; see status-column.ts). Sets mapping.status.
 * The same rows decide how it is read: words and codes, or a yes/no flag of 1 and 0.
 */
async function findStatusColumn(
  source: RowSource,
  header: FoundHeader,
  overrides?: Partial<Record<ListField, string>>,
): Promise<{ foundBy: StatusColumnSource | null; reading: StatusReading; remarks?: number }> {
  await fillAhead(source, header.pending, STATUS_SAMPLE_ROWS);
  let foundBy: StatusColumnSource;
  let width = header.headers.length;
  for (const r of header.pending) width = Math.max(width, r.cells.length);
  if (header.mapping.status !== undefined) {
    foundBy = overrides?.status !== undefined ? 'mapping' : 'header';
    // A remarks column of status words beside it (KET: MENINGGAL, PINDAH) is read too (status-column.ts).
    const remarks = statusColumnByValues(header.pending, header.mapping, width);
    const reading = statusReadingOf(header.pending, header.mapping.status);
    return remarks === null ? { foundBy, reading } : { foundBy, reading, remarks };
  } else {
    const col = statusColumnByValues(header.pending, header.mapping, width);
    if (col === null) return { foundBy: null, reading: 'words' };
    header.mapping.status = col;
    while (header.headers.length <= col) header.headers.push('');
    foundBy = 'values';
  }
  return { foundBy, reading: statusReadingOf(header.pending, header.mapping.status) };
}

/**
 * Sniffs the file (magic bytes, not the extension: .xlsx that is really CSV works, an image
 * renamed .xlsx is 'not-a-list'), finds the header row below title rows (first 50 rows),
 * matches columns. Throws ListFileError.
 *
 * `hashLater`: do not wait for the file's SHA-256 before the first row (info.sha256 is then '',
 * and reader.sha256() gives it). Hashing a 100 MB file takes 0.4-0.8 s; an import needs the
 * hash only when it switches to the edition, so it need not hold the first row back for it.
 */
export async function openListFile(
  path: string,
  options?: { overrides?: Partial<Record<ListField, string>>; hashLater?: boolean },
): Promise<ListReader> {
  const sizeBytes = await fileSize(path);
  if (sizeBytes === 0) throw new ListFileError('empty-file');
  const head = await readHead(path, sizeBytes);
  const format = sniffFormat(head);
  const hashing = sha256File(path);

  // Fields the administrator says have no column: not overrides to look for, but never mapped.
  const none = new Set<ListField>();
  let overrides: Partial<Record<ListField, string>> | undefined;
  for (const [field, header] of Object.entries(options?.overrides ?? {}) as [ListField, string | undefined][]) {
    if (header === undefined) continue;
    if (header.trim() === NO_COLUMN) none.add(field);
    else (overrides ??= {})[field] = header;
  }
  let info: ListFileInfo | null = null;
  let switchedTo: ListFileInfo['encoding'];
  let source: RowSource;
  let header: FoundHeader;
  let extra: Pick<ListFileInfo, 'encoding' | 'separator' | 'sheetName' | 'otherListSheets'>;
  try {
    if (format === 'csv') {
      const csv = await openCsv(path, head, head.length >= sizeBytes, overrides, (encoding) => {
        switchedTo = encoding;
        if (info) info.encoding = encoding;
      });
      ({ source, header } = csv);
      extra = { encoding: switchedTo ?? csv.encoding, separator: csv.separator };
    } else {
      const xlsx = await openXlsx(path, sizeBytes, overrides);
      ({ source, header } = xlsx);
      extra = { sheetName: xlsx.sheetName, ...(xlsx.otherListSheets.length > 0 ? { otherListSheets: xlsx.otherListSheets } : {}) };
    }
  } catch (e) {
    hashing.abort(); // no reason to read 500 MB for a file we reject
    if (e instanceof ListFileError && e.candidate) e.candidate.format = format;
    throw e;
  }
  let sha256: string;
  let status: { foundBy: StatusColumnSource | null; reading: StatusReading; remarks?: number };
  try {
    for (const field of none) delete header.mapping[field];
    status = none.has('status') ? { foundBy: null, reading: 'words' } : await findStatusColumn(source, header, overrides);
    await fillAhead(source, header.pending, STATUS_SAMPLE_ROWS);
    sha256 = options?.hashLater ? '' : await hashing.digest;
  } catch (e) {
    hashing.abort();
    await source.close();
    throw e;
  }
  // Reading ahead for the status column can meet the byte that reveals Windows-1252.
  if (switchedTo !== undefined && extra.encoding !== undefined) extra.encoding = switchedTo;
  const unplaced = unplacedIdentifiers(header.headers, header.mapping, header.pending);
  info = {
    format,
    ...extra,
    headerRow: header.headerRow,
    headers: header.headers,
    mapping: header.mapping,
    statusFoundBy: status.foundBy,
    statusReading: status.reading,
    ...(status.remarks !== undefined ? { remarksStatus: status.remarks } : {}),
    ...(unplaced.length > 0 ? { unplacedIdentifiers: unplaced } : {}),
    ...(header.splitDob ? { splitDob: header.splitDob } : {}),
    titles: header.titles,
    sizeBytes,
    sha256,
  };
  return new Reader(info, source, header.pending, hashing);
}
