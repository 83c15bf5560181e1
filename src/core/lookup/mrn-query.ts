// What a typed record number (nomor rekam medis) may stand for under the facility's format.
// Clerks type "rm 2026 5", "RM.2026.00005" or just "5" for RM-2026-00005: case, separators and
// the sequence's leading zeros carry no meaning. The sequence is one counter that never resets
// (patients.repo nextSequence), so the sequence alone names one record even without its year.
import { RECORD_LABEL } from '../../shared/old-mrn';
import { isAllDigits, stripSeparators } from '../../shared/separators';

type Part = { t: 'lit'; text: string } | { t: 'seq'; width: number } | { t: 'yyyy' } | { t: 'yy' } | { t: 'code' };

export interface MrnProbes {
  /** Record numbers to try exactly, as stored (upper case), most literal first. */
  exact: string[];
  /** A GLOB for a record number typed without its year ("RM 5" for RM-2026-00005); null when none applies. */
  glob: string | null;
}

/**
 * The longest a sequence typed on its own (or with the format's letters only) may be. Card numbers
 * without their zeros have 9 to 12 digits and a NIK 16: an all-digit query longer than this is a
 * record number only when it is one exactly, as stored.
 */
export const MAX_SHORT_SEQ = 8;

const ALNUM = /^[A-Z0-9]+$/;
const TOKEN = /\{(seq(?::(\d+))?|yyyy|yy|code)\}/g;

export function parseMrnFormat(format: string): Part[] {
  const parts: Part[] = [];
  let last = 0;
  for (const m of format.matchAll(TOKEN)) {
    if (m.index > last) parts.push({ t: 'lit', text: format.slice(last, m.index) });
    const token = m[1] ?? '';
    if (token === 'yyyy' || token === 'yy' || token === 'code') parts.push({ t: token });
    else parts.push({ t: 'seq', width: m[2] ? Number(m[2]) : 1 });
    last = m.index + m[0].length;
  }
  if (last < format.length) parts.push({ t: 'lit', text: format.slice(last) });
  return parts;
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const escapeGlob = (s: string): string => s.replace(/[[*?]/g, (c) => `[${c}]`);
const compact = (s: string): string => stripSeparators(s.toUpperCase());

/** The format as a regex over a compacted query; date parts optional-free (strict) or left out (short). */
function patternOf(parts: readonly Part[], code: string, short: boolean): RegExp {
  let source = '';
  for (const p of parts) {
    if (p.t === 'lit') source += escapeRegex(compact(p.text));
    else if (p.t === 'code') source += short ? `(?:${escapeRegex(compact(code))})?` : escapeRegex(compact(code));
    else if (p.t === 'seq') source += '(?<seq>\\d+)';
    else if (!short) source += p.t === 'yyyy' ? '(?<yyyy>\\d{4})' : '(?<yy>\\d{2})';
  }
  return new RegExp(`^${source}$`);
}

function render(parts: readonly Part[], code: string, seq: number, year: { yyyy?: string; yy?: string } | null): string {
  let out = '';
  for (const p of parts) {
    if (p.t === 'lit') out += year ? p.text : escapeGlob(p.text);
    else if (p.t === 'code') out += year ? code : escapeGlob(code);
    else if (p.t === 'seq') out += String(seq).padStart(p.width, '0');
    else if (year) out += p.t === 'yyyy' ? (year.yyyy ?? `20${year.yy ?? '00'}`) : (year.yy ?? year.yyyy?.slice(2) ?? '00');
    else out += p.t === 'yyyy' ? '[0-9][0-9][0-9][0-9]' : '[0-9][0-9]';
  }
  return out.toUpperCase();
}

/** Whether the query has a digit: a record number always has its sequence. */
function hasDigit(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return false;
}

interface CompiledFormat {
  parts: Part[];
  strict: RegExp;
  short: RegExp;
  hasYear: boolean;
}
// The format changes only in the settings: compiled once per format and facility code.
const compiled = new Map<string, CompiledFormat>();

function compile(format: string, code: string): CompiledFormat {
  const key = `${format}\u0000${code}`;
  let c = compiled.get(key);
  if (!c) {
    const parts = parseMrnFormat(format);
    c = { parts, strict: patternOf(parts, code, false), short: patternOf(parts, code, true), hasYear: parts.some((p) => p.t === 'yyyy' || p.t === 'yy') };
    if (compiled.size > 16) compiled.clear();
    compiled.set(key, c);
  }
  return c;
}

/**
 * The record numbers a query may be, given the format and the facility code. Rules:
 * - the query as typed (trimmed, upper case) is always tried first: older records keep an older format;
 * - case and separators never matter, nor the sequence's leading zeros ("rm 2026 5" = RM-2026-00005);
 * - the year may be left out ("RM 5", "5"): then the sequence alone finds the record (a GLOB);
 * - an all-digit query of more than MAX_SHORT_SEQ digits is only ever its exact self: 9-12 digits
 *   is a card without its zeros, 13 a card, 16 a NIK.
 */
export function mrnProbes(query: string, format: string, facilityCode: string): MrnProbes {
  const probes = probesOf(query, format, facilityCode);
  // The number with the label the screens and slips print before it ("No. RM 000013", "RM 13"),
  // in a format whose numbers carry no such letters: the label is no part of the number.
  const bare = query.trim().toUpperCase().replace(RECORD_LABEL, '');
  if (bare === query.trim().toUpperCase()) return probes;
  const labelled = probesOf(bare, format, facilityCode);
  for (const mrn of labelled.exact) if (!probes.exact.includes(mrn)) probes.exact.push(mrn);
  return { exact: probes.exact, glob: probes.glob ?? labelled.glob };
}

/**
 * A query that says it is a record number: the label, then digits and separators only ("RM
 * 2019-00123", a paper-era card); the number without its label, or null. Found or not, it is
 * never a name: a new patient must not be named after it.
 */
export function labelledRecordNumber(query: string): string | null {
  const typed = query.trim().toUpperCase();
  const bare = typed.replace(RECORD_LABEL, '');
  return bare !== typed && isAllDigits(stripSeparators(bare)) ? bare : null;
}

function probesOf(query: string, format: string, facilityCode: string): MrnProbes {
  const typed = query.trim().toUpperCase();
  const probes: MrnProbes = { exact: typed ? [typed] : [], glob: null };
  const q = compact(typed);
  if (!hasDigit(q) || !ALNUM.test(q)) return probes;
  if (isAllDigits(q) && q.length > MAX_SHORT_SEQ) return probes;
  const { parts, strict: strictPattern, short: shortPattern, hasYear } = compile(format, facilityCode);
  const add = (mrn: string): void => {
    if (!probes.exact.includes(mrn)) probes.exact.push(mrn);
  };
  const strict = strictPattern.exec(q)?.groups;
  if (strict?.seq) add(render(parts, facilityCode, Number(strict.seq), { yyyy: strict.yyyy, yy: strict.yy }));
  // The sequence alone: with the format's letters ("RM 5"), or bare digits ("5").
  const short = shortPattern.exec(q)?.groups?.seq ?? (isAllDigits(q) ? q : undefined);
  if (short === undefined || short.replace(/^0+(?=\d)/, '').length > MAX_SHORT_SEQ) return probes;
  if (hasYear) probes.glob = render(parts, facilityCode, Number(short), null);
  else add(render(parts, facilityCode, Number(short), {}));
  return probes;
}
