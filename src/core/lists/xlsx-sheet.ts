/**
 * Turns worksheet XML text, fed in chunks, into raw rows. Written for speed on the fixed
 * shape of <sheetData>: rows of <c r="B7" s="3" t="s"><v>12</v></c> cells.
 */
import type { RawCell, RawRow } from './list-reader';
import { XLSX_LIMITS, beyondLimit, columnName } from './xlsx-limits';
import { decodeXmlText, elementPrefix, readAttributes, runText } from './xlsx-xml';
import { withoutTextMark } from '../../shared/text-mark';

export interface SheetContext {
  sharedStrings: readonly string[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

const MS_PER_DAY = 86_400_000;

export class SheetScanner {
  private rest = '';
  private prefix: string | null = null;
  private rowOpen = '<row';
  private rowClose = '</row>';
  private cOpen = '<c';
  private cClose = '</c>';
  private vOpen = '<v';
  private vClose = '</v>';
  private sheetDataClose = '</sheetData>';
  private lastRow = 0;
  private ended = false;
  /** Whether the text being scanned has phonetic runs at all (looked up once per chunk, not per cell). */
  private phonetic = false;
  private readonly attrs = new Map<string, string>();
  private readonly epoch: number;

  constructor(private readonly ctx: SheetContext) {
    // Serial 25569 is 1970-01-01 in the 1900 system; the 1904 system is 1462 days behind.
    this.epoch = ctx.date1904 ? 25569 - 1462 : 25569;
  }

  push(text: string, out: RawRow[]): void {
    this.rest = this.scan(this.rest.length > 0 ? this.rest + text : text, out);
    // What is left waits for a closing tag. A row never closed (cut or damaged XML) would
    // otherwise grow this without end and be rescanned on every chunk.
    if (this.rest.length > XLSX_LIMITS.pendingXmlChars) throw beyondLimit(`a row of the sheet never ends (over ${XLSX_LIMITS.pendingXmlChars / (1024 * 1024)} MB without </row>)`);
  }

  private scan(buf: string, out: RawRow[]): string {
    if (this.ended) return '';
    let pos = 0;
    // runText would otherwise search the rest of the buffer for <rPh> at every inline cell:
    // quadratic in the chunk, minutes on a sheet written with inline strings.
    this.phonetic = buf.includes('rPh');
    if (this.prefix === null) {
      // Sheet properties and column widths come before <sheetData>; keep only a tail of them.
      const p = elementPrefix(buf, 'sheetData');
      const gt = p === null ? -1 : buf.indexOf('>', buf.indexOf(`<${p}sheetData`));
      if (p === null || gt < 0) return buf.length > 1 << 20 ? buf.slice(-1024) : buf;
      this.setPrefix(p);
      if (buf.charCodeAt(gt - 1) === 47) { this.ended = true; return ''; } // <sheetData/>
      pos = gt + 1;
    }
    for (;;) {
      const rs = buf.indexOf(this.rowOpen, pos);
      if (rs < 0) {
        if (buf.includes(this.sheetDataClose, pos)) { this.ended = true; return ''; }
        return buf.slice(Math.max(pos, buf.length - 64)); // a tag may be cut at the chunk end
      }
      const after = buf.charCodeAt(rs + this.rowOpen.length);
      if (after !== 32 && after !== 62 && after !== 47 && after !== 9 && after !== 10 && after !== 13) { pos = rs + 1; continue; }
      const gt = buf.indexOf('>', rs);
      if (gt < 0) return buf.slice(rs);
      readAttributes(buf, rs + this.rowOpen.length, gt, this.attrs);
      const r = this.attrs.get('r');
      const rowNo = r ? Number(r) : this.lastRow + 1;
      if (!(rowNo >= 1 && rowNo <= XLSX_LIMITS.rows)) throw beyondLimit(`row number ${String(r).slice(0, 20)}`);
      if (buf.charCodeAt(gt - 1) === 47) { this.lastRow = rowNo; pos = gt + 1; continue; } // <row/>
      const re = buf.indexOf(this.rowClose, gt);
      if (re < 0) return buf.slice(rs);
      this.lastRow = rowNo;
      out.push({ row: rowNo, cells: this.cells(buf, gt + 1, re) });
      pos = re + this.rowClose.length;
    }
  }

  private setPrefix(p: string): void {
    this.prefix = p;
    this.rowOpen = `<${p}row`;
    this.rowClose = `</${p}row>`;
    this.cOpen = `<${p}c`;
    this.cClose = `</${p}c>`;
    this.vOpen = `<${p}v`;
    this.vClose = `</${p}v>`;
    this.sheetDataClose = `</${p}sheetData>`;
  }

  private cells(buf: string, from: number, to: number): RawCell[] {
    const cells: RawCell[] = [];
    let col = -1;
    let i = from;
    const openLen = this.cOpen.length;
    for (;;) {
      const k = buf.indexOf(this.cOpen, i);
      if (k < 0 || k >= to) break;
      const after = buf.charCodeAt(k + openLen);
      if (after !== 32 && after !== 62 && after !== 47) { i = k + 1; continue; }
      const gt = buf.indexOf('>', k);
      // Attributes r, s and t, read in place: this loop runs for every cell of the file.
      let ref = -1;
      let style = -1;
      let type: string | undefined;
      let a = k + openLen;
      while (a < gt) {
        const c = buf.charCodeAt(a);
        if (c <= 32 || c === 47) { a++; continue; }
        const eq = buf.indexOf('=', a);
        if (eq < 0 || eq >= gt) break;
        const quote = buf.charCodeAt(eq + 1);
        const close = buf.indexOf(quote === 39 ? "'" : '"', eq + 2);
        if (close < 0) break;
        if (eq - a === 1) {
          if (c === 114) ref = eq + 2; // r
          else if (c === 115) style = parseIntAt(buf, eq + 2, close); // s
          else if (c === 116) type = buf.slice(eq + 2, close); // t
        }
        a = close + 1;
      }
      const at = ref >= 0 ? columnIndexAt(buf, ref) : -1;
      col = at >= 0 ? at : col + 1;
      // Checked before padding: a cell at ZZZZZZ2 would otherwise pad a row to 321 million cells.
      if (col >= XLSX_LIMITS.columns) throw beyondLimit(`a cell in column ${col < 1e6 ? columnName(col) : 'beyond XFD'}`);
      while (cells.length < col) cells.push(null);
      if (buf.charCodeAt(gt - 1) === 47) { // <c r="B2" s="1"/>: styled but empty
        cells[col] = null;
        i = gt + 1;
        continue;
      }
      const ce = buf.indexOf(this.cClose, gt);
      const end = ce < 0 || ce > to ? to : ce;
      const value = this.value(buf, gt + 1, end, type, style);
      if (typeof value === 'string' && value.length > XLSX_LIMITS.cellChars) throw beyondLimit(`a cell of ${value.length} characters`);
      cells[col] = value;
      i = end + this.cClose.length;
    }
    // Styled empty cells (<c r="M1" s="2"/>, merged areas) carry nothing: drop them at the end.
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  }

  private value(buf: string, from: number, to: number, t: string | undefined, s: number): RawCell {
    if (t === 'inlineStr') return runText(buf, from, to, this.prefix ?? '', this.phonetic);
    const v = this.vText(buf, from, to);
    if (v === null || v === '') {
      // A formula without a cached result (written by openpyxl or ExcelJS, never opened in Excel):
      // one that is a string literal, "3671011201802901" (="…", the CSV trick), is that text.
      const literal = this.formulaLiteral(buf, from, to);
      if (literal !== null) return literal;
      if (v === null) return null;
    }
    switch (t) {
      case 's': return this.ctx.sharedStrings[Number(v)] ?? null;
      case 'str': return decodeXmlText(v);
      case 'e': return v;
      case 'b': return v === '1' || v === 'true' ? 'TRUE' : 'FALSE';
      case 'd': {
        // ISO 8601 without a zone: a calendar date/time, read as UTC like date cells are.
        const d = new Date(v.includes('T') && !/([zZ]|[+-]\d\d:?\d\d)$/.test(v) ? `${v}Z` : v);
        return Number.isNaN(d.getTime()) ? v : d;
      }
      default: {
        if (v === '') return null;
        const n = Number(v);
        if (!Number.isFinite(n)) return v;
        if (s >= 0 && this.ctx.dateStyles[s] === true) {
          return new Date(Math.round((n - this.epoch) * MS_PER_DAY));
        }
        return n;
      }
    }
  }

  /** The text of a formula in [from, to) that is one string literal, or null. */
  private formulaLiteral(buf: string, from: number, to: number): string | null {
    const fOpen = `<${this.prefix ?? ''}f`;
    const k = buf.indexOf(fOpen, from);
    if (k < 0 || k >= to) return null;
    const gt = buf.indexOf('>', k);
    const after = buf.charCodeAt(k + fOpen.length);
    if (gt < 0 || gt >= to || (after !== 62 && after !== 32) || buf.charCodeAt(gt - 1) === 47) return null;
    const e = buf.indexOf('<', gt);
    if (e < 0 || e > to) return null;
    const formula = `=${decodeXmlText(buf.slice(gt + 1, e)).trim()}`;
    const text = withoutTextMark(formula);
    return text === formula ? null : text;
  }

  /** Text of the <v> element in [from, to), or null if there is none. */
  private vText(buf: string, from: number, to: number): string | null {
    let k = buf.indexOf(this.vOpen, from);
    // A formula (<f>) may precede <v>; its text cannot hold '<', so the first '<v' found is
    // <v> itself unless some other element starting with v is present: then try once more.
    if (k >= 0 && k < to) {
      const after = buf.charCodeAt(k + this.vOpen.length);
      if (after !== 62 && after !== 32) {
        k = buf.indexOf(this.vOpen, k + 1);
        if (k < 0 || k >= to) return null;
      }
      const gt = buf.indexOf('>', k);
      if (buf.charCodeAt(gt - 1) === 47) return '';
      const e = buf.indexOf(this.vClose, gt);
      return e < 0 || e > to ? null : buf.slice(gt + 1, e);
    }
    return null;
  }
}

function parseIntAt(buf: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const d = buf.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return to > from ? n : -1;
}

/** Column of the cell reference starting at `at` ('AB12' -> 27, 0-based). */
export function columnIndexAt(ref: string, at = 0): number {
  let n = 0;
  for (let i = at; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
    // Past Excel's last column already: stop counting (a long run of letters would lose precision).
    if (n > XLSX_LIMITS.columns) return Number.MAX_SAFE_INTEGER;
  }
  return n - 1;
}
