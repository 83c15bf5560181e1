/**
 * Small helpers for the fixed, machine-written XML of xlsx parts. Not a general XML parser:
 * no DTDs, no CDATA; elements may carry a namespace prefix (x:row from .NET exporters).
 */

const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
/** OOXML escapes characters XML cannot hold as _xHHHH_ (e.g. _x000D_ for CR). */
const OOXML_ESCAPE = /_x([0-9a-fA-F]{4})_/g;

export function decodeXmlText(s: string): string {
  let out = s;
  if (out.includes('&')) {
    out = out.replace(ENTITY, (_m, name: string | undefined, dec: string | undefined, hex: string | undefined) =>
      name ? NAMED[name] ?? '' : String.fromCodePoint(parseInt(dec ?? hex ?? '0', dec ? 10 : 16)));
  }
  if (out.includes('_x')) out = out.replace(OOXML_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return out;
}

/** Attributes of a start tag `text.slice(from, to)` (after the element name, before '>' or '/>'). */
export function readAttributes(text: string, from: number, to: number, out: Map<string, string>): void {
  out.clear();
  let i = from;
  while (i < to) {
    let c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) { i++; continue; }
    const eq = text.indexOf('=', i);
    if (eq < 0 || eq >= to) return;
    const name = text.slice(i, eq).trim();
    let q = eq + 1;
    while (q < to && (c = text.charCodeAt(q)) !== 34 && c !== 39) q++;
    if (q >= to) return;
    const close = text.indexOf(c === 34 ? '"' : "'", q + 1);
    if (close < 0 || close > to) return;
    out.set(name, text.slice(q + 1, close));
    i = close + 1;
  }
}

/**
 * Concatenated text of all <t> elements in text[from, to), skipping phonetic runs (<rPh>):
 * the value of a shared string <si> or of an inline string <is>, plain or rich.
 */
export function runText(text: string, from: number, to: number, prefix: string, phonetic = true): string {
  const tOpen = `<${prefix}t`;
  const tClose = `</${prefix}t>`;
  const rPh = `<${prefix}rPh`;
  const rPhClose = `</${prefix}rPh>`;
  let out = '';
  let parts = 0;
  let i = from;
  for (;;) {
    const k = text.indexOf(tOpen, i);
    if (k < 0 || k >= to) break;
    // indexOf cannot stop at `to`: only look for phonetic runs when the caller saw some.
    const ph = phonetic ? text.indexOf(rPh, i) : -1;
    if (ph >= 0 && ph < k) {
      const end = text.indexOf(rPhClose, ph);
      i = end < 0 ? to : end + rPhClose.length;
      continue;
    }
    const after = text.charCodeAt(k + tOpen.length);
    if (after !== 62 && after !== 32 && after !== 47) { i = k + 1; continue; } // <tabColor> etc.
    const gt = text.indexOf('>', k);
    if (text.charCodeAt(gt - 1) === 47) { i = gt + 1; continue; } // <t/>
    const end = text.indexOf(tClose, gt);
    if (end < 0 || end > to) break;
    const piece = text.slice(gt + 1, end);
    out = parts++ === 0 ? piece : out + piece;
    i = end + tClose.length;
  }
  return decodeXmlText(out);
}

/** The namespace prefix ('' or 'x:') used for `element`, found in `text`, or null if not seen yet. */
export function elementPrefix(text: string, element: string): string | null {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${element}[\\s>/]`).exec(text);
  return m ? m[1] ?? '' : null;
}
