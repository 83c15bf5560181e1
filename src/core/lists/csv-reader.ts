/**
 * CSV lists: encoding and separator detection, then a streaming row source. Cells stay
 * exactly as written (trailing spaces, NBSP): the row validator trims.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import { TextDecoder } from 'node:util';
import { CsvSyntaxError, CsvTokenizer } from './csv-tokenizer';
import { completeUtf8Length, detectEncoding, ListTextDecoder, type ListEncoding } from './encoding';
import type { ListField } from './columns';
import { asciiLinesHoldControlCharacters, linesHoldControlCharacters } from '../../shared/text-rules';
import { ListFileError } from './list-file-error';
import type { RawRow } from './list-reader';
import { findHeader, missToError, type FoundHeader, type RowSource } from './row-source';

export type CsvSeparator = ',' | ';' | '\t' | '|';

const SEPARATORS: readonly CsvSeparator[] = [',', ';', '\t', '|'];
const CHUNK_BYTES = 64 * 1024; // small chunks: a cell kept by a consumer pins at most its chunk's text
const SAMPLE_RECORDS = 200;

/**
 * Picks the separator that splits the most sample records into the same number of fields
 * (ties: more fields, then the order above). Counting is quote-aware so "JL. A, NO. 5" in a
 * ';' file does not vote for ','; title rows without separators do not vote at all.
 */
export function detectSeparator(sample: string, complete: boolean): CsvSeparator {
  // Excel's own hint line, "sep=;", settles it.
  const hint = /^sep=([,;\t|])\s*(\r?\n|\r|$)/i.exec(sample);
  if (hint) return hint[1] as CsvSeparator;
  const perRecord: number[][] = [];
  let counts = [0, 0, 0, 0];
  let inQuotes = false;
  let end = sample.length;
  if (!complete) {
    const lastBreak = Math.max(sample.lastIndexOf('\n'), sample.lastIndexOf('\r'));
    end = lastBreak < 0 ? sample.length : lastBreak + 1;
  }
  for (let i = 0; i < end && perRecord.length < SAMPLE_RECORDS; i++) {
    const c = sample[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (inQuotes) continue;
    else if (c === '\n' || c === '\r') {
      if (counts.some((n) => n > 0)) perRecord.push(counts);
      counts = [0, 0, 0, 0];
    } else {
      const k = c === ',' ? 0 : c === ';' ? 1 : c === '\t' ? 2 : c === '|' ? 3 : -1;
      if (k >= 0) counts[k] = (counts[k] ?? 0) + 1;
    }
  }
  if (counts.some((n) => n > 0)) perRecord.push(counts);

  let best: { sep: CsvSeparator; freq: number; fields: number } = { sep: ',', freq: 0, fields: 0 };
  for (let k = 0; k < SEPARATORS.length; k++) {
    const sep = SEPARATORS[k] ?? ',';
    const histogram = new Map<number, number>();
    for (const rec of perRecord) {
      const n = rec[k] ?? 0;
      if (n > 0) histogram.set(n, (histogram.get(n) ?? 0) + 1);
    }
    for (const [fields, freq] of histogram) {
      if (freq > best.freq || (freq === best.freq && fields > best.fields)) best = { sep, freq, fields };
    }
  }
  return best.sep;
}

function detectLineEnd(sample: string): '\n' | '\r' {
  return !sample.includes('\n') && sample.includes('\r') ? '\r' : '\n';
}

/**
 * Text that holds a control or format character, or a no-break space: its rows' cells are
 * checked one by one (RawRow.plainText). One scan of a chunk instead of one per cell.
 */
function notPlain(text: string, decoder: ListTextDecoder): boolean {
  // Text read from ASCII bytes has no no-break space, and its bytes are checked four at a time.
  const ascii = decoder.lastAsciiBytes();
  if (ascii !== null) return asciiLinesHoldControlCharacters(ascii);
  return text.indexOf('\u00a0') >= 0 || linesHoldControlCharacters(text);
}

class CsvRowSource implements RowSource {
  private readonly stream: ReadStream;
  private readonly chunks: AsyncIterator<Buffer>;
  private readonly tokenizer: CsvTokenizer;
  private consumed = 0;
  private done = false;
  /** Lines the decoder read in the other encoding, until their records come out of the tokenizer. */
  private readonly otherEncoding = new Map<number, 'utf-8' | 'windows-1252'>();
  /** Text pushed to the tokenizer but not yet out as records was not plain (notPlain). */
  private pendingNotPlain = false;

  constructor(
    path: string,
    private readonly decoder: ListTextDecoder,
    separator: CsvSeparator,
    lineEnd: '\n' | '\r',
  ) {
    this.stream = createReadStream(path, { highWaterMark: CHUNK_BYTES });
    this.chunks = this.stream[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    this.tokenizer = new CsvTokenizer({ separator, lineEnd });
  }

  async next(): Promise<RawRow[] | null> {
    while (!this.done) {
      const r = await this.chunks.next();
      let records: string[][];
      const first = this.tokenizer.records + 1;
      let checkCells: boolean;
      try {
        if (r.done) {
          this.done = true;
          const text = this.decoder.end();
          checkCells = this.pendingNotPlain || notPlain(text, this.decoder);
          records = this.tokenizer.push(text);
          records.push(...this.tokenizer.end());
        } else {
          this.consumed += r.value.length;
          const text = this.decoder.decode(r.value);
          // A record may have begun in text pushed earlier, so text that is not plain taints every
          // record until the tokenizer gives some out.
          const here = notPlain(text, this.decoder);
          checkCells = this.pendingNotPlain || here;
          records = this.tokenizer.push(text);
          this.pendingNotPlain = records.length > 0 ? here : checkCells;
        }
      } catch (e) {
        if (e instanceof CsvSyntaxError) throw new ListFileError('not-a-list', `CSV syntax error: ${e.message}`, { code: 'csv-quote', row: e.record });
        throw e;
      }
      for (const [line, kind] of this.decoder.drainOtherLines()) this.otherEncoding.set(line, kind);
      if (records.length === 0) continue;
      const rows: RawRow[] = new Array<RawRow>(records.length);
      if (checkCells) for (let i = 0; i < records.length; i++) rows[i] = { row: first + i, cells: records[i] ?? [] };
      else for (let i = 0; i < records.length; i++) rows[i] = { row: first + i, cells: records[i] ?? [], plainText: true };
      // A record is its line as long as no quoted field spans lines, which member lists never need.
      if (this.otherEncoding.size > 0) {
        for (const r of rows) {
          const kind = this.otherEncoding.get(r.row);
          if (kind === undefined) continue;
          r.otherEncoding = kind;
          this.otherEncoding.delete(r.row);
        }
      }
      return rows;
    }
    return null;
  }

  bytesRead(): number {
    return this.consumed;
  }

  async close(): Promise<void> {
    this.done = true;
    this.stream.destroy();
  }
}

export interface OpenedCsv {
  source: RowSource;
  header: FoundHeader;
  encoding: ListEncoding;
  separator: CsvSeparator;
}

/**
 * Opens a CSV list whose first bytes are `head` (`complete` when head is the whole file).
 * `onEncodingSwitch` fires if an ASCII-looking file turns out to be Windows-1252 further down.
 */
export async function openCsv(
  path: string,
  head: Buffer,
  complete: boolean,
  overrides: Partial<Record<ListField, string>> | undefined,
  onEncodingSwitch: (encoding: ListEncoding) => void,
): Promise<OpenedCsv> {
  const { encoding, asciiSample } = detectEncoding(head);
  const sampleBytes = encoding === 'windows-1252' ? head : head.subarray(encoding === 'utf-8-bom' ? 3 : 0, completeUtf8Length(head));
  // stream: true, as in ListTextDecoder: Node's one-shot Windows-1252 decode mangles 0x80-0x9F.
  const sample = new TextDecoder(encoding === 'windows-1252' ? 'windows-1252' : 'utf-8').decode(sampleBytes, { stream: true });
  const separator = detectSeparator(sample, complete);
  const lineEnd = detectLineEnd(sample);
  const decoder = new ListTextDecoder(encoding, asciiSample, () => onEncodingSwitch('windows-1252'));
  const source = new CsvRowSource(path, decoder, separator, lineEnd);
  try {
    const header = await findHeader(source, overrides);
    if (!('headerRow' in header)) throw missToError(header);
    return { source, header, encoding, separator };
  } catch (e) {
    await source.close();
    throw e;
  }
}
