/**
 * The small xlsx parts needed before a sheet can be read: sheet list, relationships,
 * date styles, and the shared string table.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { XLSX_LIMITS, beyondLimit } from './xlsx-limits';
import { decodeXmlText, elementPrefix, readAttributes, runText } from './xlsx-xml';

export interface SheetRef {
  name: string;
  /** Zip entry name, e.g. xl/worksheets/sheet1.xml */
  path: string;
  hidden: boolean;
}

export interface WorkbookMeta {
  sheets: SheetRef[];
  date1904: boolean;
}

/** A small part, whole. Workbook, relationships and styles are kilobytes; more is not a real part. */
export async function readAll(stream: Readable): Promise<string> {
  const decoder = new StringDecoder('utf8');
  let text = '';
  for await (const chunk of stream) {
    text += decoder.write(chunk as Buffer);
    if (text.length > XLSX_LIMITS.partChars) {
      stream.destroy();
      throw beyondLimit(`a workbook part over ${XLSX_LIMITS.partChars / (1024 * 1024)} MB`);
    }
  }
  return text + decoder.end();
}

function* startTags(xml: string, element: string): Generator<Map<string, string>> {
  const re = new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${element}\\b([^>]*)>`, 'g');
  const attrs = new Map<string, string>();
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const body = m[1] ?? '';
    readAttributes(body, 0, body.length, attrs);
    yield attrs;
  }
}

function attrEndingWith(attrs: Map<string, string>, suffix: string): string | undefined {
  for (const [k, v] of attrs) if (k === suffix || k.endsWith(`:${suffix}`)) return v;
  return undefined;
}

/** Resolves a relationship target, relative to `baseDir` or absolute from the package root. */
function resolveTarget(target: string, baseDir: string): string {
  const t = target.replace(/\\/g, '/');
  if (t.startsWith('/')) return t.slice(1);
  const out: string[] = [];
  for (const p of `${baseDir}/${t}`.split('/')) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** Where the workbook part lives, from the package relationships (almost always xl/workbook.xml). */
export function workbookPartPath(rootRelsXml: string | null): string {
  if (rootRelsXml) {
    for (const a of startTags(rootRelsXml, 'Relationship')) {
      const target = a.get('Target');
      if (target && (a.get('Type') ?? '').endsWith('/officeDocument')) return resolveTarget(target, '');
    }
  }
  return 'xl/workbook.xml';
}

/** The relationships part of `partPath`: xl/workbook.xml -> xl/_rels/workbook.xml.rels */
export function relsPathOf(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

export function parseWorkbook(
  workbookPath: string,
  workbookXml: string | null,
  relsXml: string | null,
  entryNames: readonly string[],
): WorkbookMeta {
  const baseDir = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/')) : '';
  const rels = new Map<string, string>();
  if (relsXml) {
    for (const a of startTags(relsXml, 'Relationship')) {
      const id = a.get('Id');
      const target = a.get('Target');
      if (id && target) rels.set(id, resolveTarget(target, baseDir));
    }
  }
  const sheets: SheetRef[] = [];
  let date1904 = false;
  if (workbookXml) {
    for (const a of startTags(workbookXml, 'workbookPr')) {
      const v = a.get('date1904');
      date1904 = v === '1' || v === 'true';
    }
    for (const a of startTags(workbookXml, 'sheet')) {
      const rid = attrEndingWith(a, 'id');
      const path = rid ? rels.get(rid) : undefined;
      const state = a.get('state');
      if (path) sheets.push({ name: decodeXmlText(a.get('name') ?? ''), path, hidden: state === 'hidden' || state === 'veryHidden' });
    }
  }
  if (sheets.length === 0) {
    // No usable workbook.xml: fall back to the worksheet entries in numeric order.
    const found = entryNames
      .map((n) => /^xl\/worksheets\/sheet(\d+)\.xml$/i.exec(n))
      .filter((m): m is RegExpExecArray => m !== null)
      .sort((a, b) => Number(a[1]) - Number(b[1]));
    for (const m of found) sheets.push({ name: `Sheet${m[1]}`, path: m[0], hidden: false });
  }
  // Visible sheets first: a hidden sheet is usually a lookup table or a stale copy.
  sheets.sort((a, b) => Number(a.hidden) - Number(b.hidden));
  return { sheets, date1904 };
}

/** Built-in number formats that are dates or times (ECMA-376 18.8.30, plus CJK/locale ids). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

export function isDateFormatCode(code: string): boolean {
  // Quoted text, [colors]/[locale], escaped characters, padding and fill cannot make a date.
  const bare = code.replace(/"[^"]*"/g, '').replace(/\[[^\]]*]/g, '').replace(/\\.|_.|\*./g, '');
  const section = bare.split(';')[0] ?? '';
  return /[ymdhs]/i.test(section) && !/^general$/i.test(section.trim());
}

/** For each cell style index (the s attribute), whether its number format is a date. */
export function parseDateStyles(stylesXml: string | null): boolean[] {
  if (!stylesXml) return [];
  const custom = new Map<number, string>();
  for (const a of startTags(stylesXml, 'numFmt')) {
    custom.set(Number(a.get('numFmtId')), decodeXmlText(a.get('formatCode') ?? ''));
  }
  const open = /<(?:[A-Za-z_][\w.-]*:)?cellXfs\b/.exec(stylesXml);
  if (!open) return [];
  const closeAt = stylesXml.indexOf('cellXfs>', open.index + 8);
  const block = stylesXml.slice(open.index + open[0].length, closeAt < 0 ? stylesXml.length : closeAt);
  const out: boolean[] = [];
  for (const a of startTags(block, 'xf')) {
    const id = Number(a.get('numFmtId') ?? '0');
    const code = custom.get(id);
    out.push(code !== undefined ? isDateFormatCode(code) : BUILTIN_DATE_FORMATS.has(id));
  }
  return out;
}

/** Streams the shared string table into memory (it must be: cells refer to it by index). */
export async function readSharedStrings(stream: Readable): Promise<string[]> {
  const decoder = new StringDecoder('utf8');
  const strings: string[] = [];
  let prefix: string | null = null;
  let rest = '';
  let siOpen = '<si>';
  let siClose = '</si>';
  let declared: number = XLSX_LIMITS.sharedStrings;
  const take = (buf: string, final: boolean): string => {
    if (prefix === null) {
      prefix = elementPrefix(buf, 'sst');
      if (prefix === null) return final ? '' : buf.length > 1 << 20 ? buf.slice(-1024) : buf;
      siOpen = `<${prefix}si`;
      siClose = `</${prefix}si>`;
      declared = declaredCount(buf, prefix);
    }
    let pos = 0;
    const phonetic = buf.includes('rPh');
    for (;;) {
      const s = buf.indexOf(siOpen, pos);
      if (s < 0) return final ? '' : buf.slice(Math.max(pos, buf.length - siOpen.length));
      const gt = buf.indexOf('>', s);
      if (gt < 0) return buf.slice(s);
      if (buf.charCodeAt(gt - 1) === 47) { strings.push(''); pos = gt + 1; continue; } // <si/>
      const e = buf.indexOf(siClose, gt);
      if (e < 0) return buf.slice(s);
      const text = runText(buf, gt + 1, e, prefix, phonetic);
      if (text.length > XLSX_LIMITS.cellChars) throw beyondLimit(`a shared string of ${text.length} characters`);
      if (strings.length >= declared) throw beyondLimit(`more shared strings than the ${declared} the table declares`);
      strings.push(text);
      pos = e + siClose.length;
    }
  };
  try {
    for await (const chunk of stream) {
      rest = take(rest + decoder.write(chunk as Buffer), false);
      if (rest.length > XLSX_LIMITS.pendingXmlChars) throw beyondLimit(`a shared string never ends (over ${XLSX_LIMITS.pendingXmlChars / (1024 * 1024)} MB without </si>)`);
    }
    take(rest + decoder.end(), true);
  } finally {
    stream.destroy();
  }
  return strings;
}

/**
 * How many strings the table says it holds (uniqueCount, else count), within Excel's bound.
 * Writers that omit both get the general bound.
 */
function declaredCount(buf: string, prefix: string): number {
  const open = buf.indexOf(`<${prefix}sst`);
  const gt = buf.indexOf('>', open);
  if (open < 0 || gt < 0) return XLSX_LIMITS.sharedStrings;
  const attrs = new Map<string, string>();
  readAttributes(buf, open + prefix.length + 4, gt, attrs);
  const n = Number(attrs.get('uniqueCount') ?? attrs.get('count'));
  return Number.isInteger(n) && n >= 0 ? Math.min(n, XLSX_LIMITS.sharedStrings) : XLSX_LIMITS.sharedStrings;
}
