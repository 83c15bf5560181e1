/**
 * XLSX lists through exceljs's streaming reader: the reference implementation. openListFile
 * uses xlsx-reader.ts (about 5x faster, see there); this one stays so tests can check that both
 * deliver the same cells, and as a drop-in fallback (same result shape) if a file ever needs it.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import ExcelJS from 'exceljs';
import type { ListField } from '../../src/core/lists/columns';
import { ListFileError } from '../../src/core/lists/list-file-error';
import type { RawCell, RawRow } from '../../src/core/lists/list-reader';
import { findHeader, missToError, moreSpecific, type FoundHeader, type HeaderMiss, type RowSource } from '../../src/core/lists/row-source';

type SheetReader = ExcelJS.stream.xlsx.WorksheetReader;
type SheetRow = ExcelJS.Row;

/** Rows pulled from exceljs per next(): exceljs yields one row per promise, we batch them up. */
const ROWS_PER_PULL = 512;

/** exceljs styles number formats; a numeric cell with a date format is a date. */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhs]/i.test(bare);
}

/** Excel serial (1900 system) to a UTC-midnight-based Date, like exceljs does for date cells. */
function serialToDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

function objectCell(v: object, numFmt: () => string | undefined): RawCell {
  if ('richText' in v && Array.isArray(v.richText)) {
    let text = '';
    for (const run of v.richText as { text?: unknown }[]) text += typeof run.text === 'string' ? run.text : '';
    return text;
  }
  if ('formula' in v || 'sharedFormula' in v) {
    const result = 'result' in v ? v.result : undefined;
    // The streaming reader does not apply date formats to formula results; do it here.
    if (typeof result === 'number' && isDateFormat(numFmt())) return serialToDate(result);
    if (result !== null && typeof result === 'object' && !(result instanceof Date)) return objectCell(result, numFmt);
    return plainCell(result);
  }
  if ('error' in v) return typeof v.error === 'string' ? v.error : null;
  if ('text' in v) return typeof v.text === 'string' ? v.text : null; // hyperlink
  return null;
}

function plainCell(v: unknown): RawCell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return null;
}

function convertRow(row: SheetRow): RawRow {
  const values = row.values;
  const cells: RawCell[] = [];
  if (Array.isArray(values)) {
    // values[0] is unused (columns are 1-based) and the array is sparse.
    for (let col = 1; col < values.length; col++) {
      const v: unknown = values[col];
      cells.push(v !== null && typeof v === 'object' && !(v instanceof Date)
        ? objectCell(v, () => row.getCell(col).numFmt)
        : plainCell(v));
    }
  }
  return { row: row.number, cells };
}

function corrupt(e: unknown): ListFileError {
  if (e instanceof ListFileError) return e;
  return new ListFileError('corrupt-workbook', e instanceof Error ? e.message : String(e));
}

class SheetRowSource implements RowSource {
  private finished = false;
  constructor(
    private readonly rows: AsyncIterator<SheetRow>,
    private readonly counter: { bytes: number },
    private readonly onClose: () => Promise<void>,
  ) {}

  async next(): Promise<RawRow[] | null> {
    if (this.finished) return null;
    const out: RawRow[] = [];
    try {
      while (out.length < ROWS_PER_PULL) {
        const r = await this.rows.next();
        if (r.done) {
          this.finished = true;
          break;
        }
        out.push(convertRow(r.value));
      }
    } catch (e) {
      throw corrupt(e);
    }
    return out.length > 0 ? out : null;
  }

  /** Drains the rest of the sheet so the zip stream can move on to the next entry. */
  async skipRest(): Promise<void> {
    while ((await this.next()) !== null) { /* discard */ }
  }

  bytesRead(): number {
    return this.counter.bytes;
  }

  async close(): Promise<void> {
    this.finished = true;
    await this.onClose();
  }
}

export interface OpenedXlsxExceljs {
  source: RowSource;
  header: FoundHeader;
  sheetName: string;
}

/** Opens an XLSX list: the first worksheet that has a header row is the list. */
export async function openXlsxWithExceljs(path: string, overrides: Partial<Record<ListField, string>> | undefined): Promise<OpenedXlsxExceljs> {
  const counter = { bytes: 0 };
  const input: ReadStream = createReadStream(path, { highWaterMark: 256 * 1024 });
  input.on('data', (chunk) => { counter.bytes += chunk.length; });
  const workbook = new ExcelJS.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'emit',
  });
  const sheets = workbook[Symbol.asyncIterator]();
  const close = async (): Promise<void> => {
    input.destroy();
    // Ending the generator lets exceljs drop its zip parser and temp files.
    await sheets.return(undefined).catch(() => undefined);
  };

  let miss: HeaderMiss = { code: 'no-header' };
  let sawSheet = false;
  try {
    for (;;) {
      let next: IteratorResult<SheetReader>;
      try {
        next = await sheets.next();
      } catch (e) {
        throw corrupt(e);
      }
      if (next.done) break;
      sawSheet = true;
      const sheet = next.value;
      const source = new SheetRowSource(sheet[Symbol.asyncIterator](), counter, close);
      const found = await findHeader(source, overrides);
      if ('headerRow' in found) {
        const name = (sheet as unknown as { name?: unknown }).name;
        return { source, header: found, sheetName: typeof name === 'string' ? name : 'Sheet1' };
      }
      miss = moreSpecific(miss, found);
      await source.skipRest();
    }
  } catch (e) {
    await close();
    throw e;
  }
  await close();
  if (!sawSheet) throw new ListFileError('corrupt-workbook', 'the archive holds no worksheet');
  throw missToError(miss);
}
