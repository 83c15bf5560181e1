/**
 * XLSX lists. Cell types are kept because they carry evidence of spreadsheet damage: a NIK in
 * a numeric cell has lost its 16th digit, a card number in a numeric cell its leading zeros.
 *
 * Why not exceljs's streaming reader: measured on a 1-million-row, 13-column list it delivers
 * ~20k rows/s and peaks near 900 MB, because Excel stores sharedStrings.xml after the sheets
 * (a forward-only unzip must spool the sheet to a temp file first) and it builds a styled
 * Row/Cell object per cell. This reader opens the zip by its central directory, loads the
 * shared strings and date styles first, then scans the sheet XML text directly (~110k rows/s,
 * ~340 MB). test/oracles/xlsx-exceljs-reader.ts keeps the exceljs path as the reference the tests compare to.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { ListField } from './columns';
import { ListFileError } from './list-file-error';
import type { RawRow } from './list-reader';
import { findHeader, missToError, moreSpecific, type FoundHeader, type HeaderMiss, type RowSource } from './row-source';
import { parseDateStyles, parseWorkbook, readAll, readSharedStrings, relsPathOf, workbookPartPath, type SheetRef } from './xlsx-parts';
import { MergeFill, readMerges } from './xlsx-merges';
import { SheetScanner, type SheetContext } from './xlsx-sheet';
import { openEntry, readZipDirectory, type ZipEntry } from './xlsx-zip';

function corrupt(e: unknown): ListFileError {
  if (e instanceof ListFileError) return e;
  return new ListFileError('corrupt-workbook', e instanceof Error ? e.message : String(e));
}

/** What a zip without worksheets probably is, so the clerk knows how to fix it. */
function zipWithoutSheets(entries: Map<string, ZipEntry>): ListFileError {
  if (entries.has('xl/workbook.bin')) return new ListFileError('not-a-list', 'an Excel binary workbook (.xlsb): save it as .xlsx', { code: 'xlsb' });
  if (entries.has('content.xml') && entries.has('mimetype')) return new ListFileError('not-a-list', 'an OpenDocument file (.ods): save it as .xlsx', { code: 'ods' });
  if (entries.has('word/document.xml')) return new ListFileError('not-a-list', 'a Word document, not a list', { code: 'word' });
  return new ListFileError('not-a-list', 'a zip archive, not an Excel workbook', { code: 'zip' });
}

class SheetRowSource implements RowSource {
  private readonly chunks: AsyncIterator<Buffer>;
  private readonly decoder = new StringDecoder('utf8');
  private readonly scanner: SheetScanner;
  private done = false;
  /** Gives merged cells' values to the rows they cover (set once the header is known). */
  fill: MergeFill | null = null;

  constructor(
    private readonly stream: Readable,
    ctx: SheetContext,
    private readonly counter: { bytes: number },
  ) {
    this.chunks = stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    this.scanner = new SheetScanner(ctx);
  }

  async next(): Promise<RawRow[] | null> {
    const out: RawRow[] = [];
    try {
      while (!this.done && out.length === 0) {
        const r = await this.chunks.next();
        if (r.done) {
          this.done = true;
          this.scanner.push(this.decoder.end(), out);
        } else {
          this.scanner.push(this.decoder.write(r.value), out);
        }
      }
    } catch (e) {
      throw corrupt(e);
    }
    this.fill?.apply(out);
    return out.length > 0 ? out : null;
  }

  bytesRead(): number {
    return this.counter.bytes;
  }

  async close(): Promise<void> {
    this.done = true;
    this.stream.destroy();
  }
}

export interface OpenedXlsx {
  source: RowSource;
  header: FoundHeader;
  sheetName: string;
  /** Later sheets that have a list header of their own (members split by district...): not read, only named. */
  otherListSheets: string[];
}

/** Opens an XLSX list: the first worksheet (visible ones first) that has a header row is the list. */
export async function openXlsx(
  path: string,
  sizeBytes: number,
  overrides: Partial<Record<ListField, string>> | undefined,
): Promise<OpenedXlsx> {
  const counter = { bytes: 0 };
  const onCompressed = (n: number): void => { counter.bytes += n; };
  let entries: Map<string, ZipEntry>;
  let sheets: SheetRef[];
  let ctx: SheetContext;
  try {
    entries = await readZipDirectory(path, sizeBytes);
    const text = async (name: string): Promise<string | null> => {
      const e = entries.get(name);
      return e ? readAll(await openEntry(path, e, onCompressed)) : null;
    };
    const workbookPath = workbookPartPath(await text('_rels/.rels'));
    const meta = parseWorkbook(workbookPath, await text(workbookPath), await text(relsPathOf(workbookPath)), [...entries.keys()]);
    sheets = meta.sheets.filter((s) => entries.has(s.path));
    if (sheets.length === 0) {
      throw zipWithoutSheets(entries);
    }
    const sst = entries.get('xl/sharedStrings.xml');
    ctx = {
      sharedStrings: sst ? await readSharedStrings(await openEntry(path, sst, onCompressed)) : [],
      dateStyles: parseDateStyles(await text('xl/styles.xml')),
      date1904: meta.date1904,
    };
  } catch (e) {
    throw corrupt(e);
  }

  let miss: HeaderMiss = { code: 'no-header' };
  for (const sheet of sheets) {
    const entry = entries.get(sheet.path);
    if (!entry) continue;
    let stream: Readable;
    try {
      stream = await openEntry(path, entry, onCompressed);
    } catch (e) {
      throw corrupt(e);
    }
    const source = new SheetRowSource(stream, ctx, counter);
    let found: FoundHeader | HeaderMiss;
    try {
      found = await findHeader(source, overrides);
    } catch (e) {
      await source.close();
      throw e;
    }
    if ('headerRow' in found) {
      const later = sheets.slice(sheets.indexOf(sheet) + 1);
      let otherListSheets: string[];
      try {
        const fill = new MergeFill(await readMerges(await openEntry(path, entry, () => {})), found.headerRow, found.mapping);
        if (!fill.empty) {
          fill.apply(found.pending);
          source.fill = fill;
        }
        otherListSheets = await listSheetsAmong(later, (s) => sheetSource(path, entries.get(s.path), ctx), overrides);
      } catch (e) {
        await source.close();
        throw corrupt(e);
      }
      return { source, header: found, sheetName: sheet.name, otherListSheets };
    }
    if (found.candidate) found.candidate.sheetName = sheet.name;
    miss = moreSpecific(miss, found);
    await source.close(); // random access: no need to read the rest of this sheet
  }
  throw missToError(miss);
}

async function sheetSource(path: string, entry: ZipEntry | undefined, ctx: SheetContext): Promise<RowSource | null> {
  if (!entry) return null;
  try {
    return new SheetRowSource(await openEntry(path, entry, () => {}), ctx, { bytes: 0 });
  } catch (e) {
    throw corrupt(e);
  }
}

/**
 * The names of the sheets that hold a list header too. Only their first rows are read (the
 * header search), so a workbook of one list and a summary sheet costs nothing more; a damaged
 * later sheet is not this import's business and is passed over.
 */
async function listSheetsAmong(
  sheets: readonly SheetRef[],
  open: (sheet: SheetRef) => Promise<RowSource | null>,
  overrides: Partial<Record<ListField, string>> | undefined,
): Promise<string[]> {
  const names: string[] = [];
  for (const sheet of sheets) {
    let source: RowSource | null = null;
    try {
      source = await open(sheet);
      if (source !== null && 'headerRow' in (await findHeader(source, overrides))) names.push(sheet.name);
    } catch {
      // unreadable: not a list we could have named
    } finally {
      await source?.close();
    }
  }
  return names;
}
