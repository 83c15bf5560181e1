import { isSeparator, stripSeparators } from './separators';

/**
 * The one masking rule for NIKs and JKN card numbers shown anywhere but the selected patient's
 * detail (candidate lists, queues, reports, slips, logs, exports).
 *
 * - NIK `3273••••••••0003`: the first 4 digits (province and regency: shared by everyone of the
 *   area, and what tells a visitor from another regency) and the last 4 (the serial within the
 *   birth date and district) stay. Together they tell two people of one list apart at the counter
 *   and match the KTP in the patient's hand. The 8 hidden digits are the district and the birth
 *   date with the sex: the part that makes a NIK personal.
 * - Card `•••••••••6592`: the last 4 only, as payment cards are shown. A card's leading digits are
 *   an issuer prefix (`0000`, `0001`) that tells no one apart, and a card number alone is enough
 *   to ask BPJS about a person, so as little of it as possible is shown.
 *
 * The digits stay in place (16 and 13 characters): a clerk sees which number it is and compares
 * its end where it stands on the paper card. Masked forms are never masked again (idempotent):
 * 4 digits right against 4 or more mask dots are the kept end of a masked number.
 */
export const MASK_DOT = '\u2022';

export const NIK_DIGITS = 16;
export const CARD_DIGITS = 13;

const dots = (n: number): string => MASK_DOT.repeat(n);

/** A NIK (separators allowed) as `3273••••••••0003`; a value already masked comes back as it is. */
export function maskNik(nik: string): string {
  if (nik.includes(MASK_DOT)) return nik;
  const digits = stripSeparators(nik);
  if (digits.length >= 12) return digits.slice(0, 4) + dots(digits.length - 8) + digits.slice(-4);
  return digits.length > 8 ? dots(digits.length - 4) + digits.slice(-4) : dots(Math.max(4, digits.length));
}

/** A card number (separators allowed) as `•••••••••6592`; a value already masked comes back as it is. */
export function maskCard(card: string): string {
  if (card.includes(MASK_DOT)) return card;
  const digits = stripSeparators(card);
  return digits.length > 8 ? dots(digits.length - 4) + digits.slice(-4) : dots(Math.max(4, digits.length));
}

/** How many separators in a row may still join two digit groups of one number ("3273 - 0101"). */
const MAX_JOIN = 3;

interface Token {
  kind: 'digits' | 'dots';
  start: number;
  end: number;
  /** Separators between this token and the one before it in its run. */
  gap: number;
}

/**
 * The fewest digits of a number that is "probably somebody's identifier" though neither 16 nor
 * 13 long: a NIK typed a digit short or long, a scan with a digit doubled, a card with a stray
 * digit. Dates (8), times, row and record numbers stay well below it.
 */
export const LONG_NUMBER_DIGITS = 12;

/** The most digits one mistyped identifier is read as: a NIK with up to 4 stray digits. */
const LONG_NUMBER_MAX = 20;

/**
 * Every NIK- or card-like number inside free text masked: a run of 16 or 13 digits, whole or in
 * groups joined by the separators of separators.ts (`3273.0101-0101 0003`). Where digit groups
 * run on longer ("baris 5 3273 0101 0101 0003"), the groups that make up 16 (else 13) digits are
 * masked. Everything else is left as it was, character for character.
 */
export function maskIdentifiers(text: string): string {
  return maskWindows(text, Infinity);
}

/**
 * maskIdentifiers, and also every other run of LONG_NUMBER_DIGITS or more digits (separators as
 * above): what a person typed or scanned as a number with a slip ("367101090977007", 15 digits)
 * is their NIK all but a digit. It is masked as a NIK is (first and last 4 kept) from 14 digits,
 * as a card (last 4 kept) below. For texts that are queries or what people typed (the audit
 * trail); not for texts whose long numbers are known not to be identifiers.
 */
export function maskLongNumbers(text: string): string {
  return maskWindows(text, LONG_NUMBER_DIGITS);
}

function maskWindows(text: string, longFrom: number): string {
  let out = '';
  let copied = 0;
  for (const run of runsOf(text)) {
    for (const segment of segmentsOf(run)) {
      for (const [from, to] of withLongRuns(segment, identifierWindows(segment), longFrom)) {
        const start = segment[from]!.start;
        const end = segment[to]!.end;
        const digits = stripSeparators(text.slice(start, end));
        out += text.slice(copied, start) + (digits.length > CARD_DIGITS ? maskNik(digits) : maskCard(digits));
        copied = end;
      }
    }
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/**
 * The identifier windows of a segment, with long numbers (`longFrom` digits or more) added. A
 * segment of up to LONG_NUMBER_MAX digits is one number and masked whole: a NIK typed a digit
 * long ("3671-0109-0977-00755") is no card plus 4 digits, nor a NIK plus a digit shown. In a
 * longer one, each stretch of tokens between the identifiers found that holds `longFrom` digits or more.
 */
function withLongRuns(segment: Token[], windows: [number, number][], longFrom: number): [number, number][] {
  if (longFrom === Infinity) return windows;
  const digitsIn = (from: number, to: number): number => segment.slice(from, to + 1).reduce((n, t) => n + t.end - t.start, 0);
  const total = digitsIn(0, segment.length - 1);
  if (total >= longFrom && total <= LONG_NUMBER_MAX) return [[0, segment.length - 1]];
  const all: [number, number][] = [];
  let from = 0;
  for (const window of [...windows, [segment.length, segment.length] as [number, number]]) {
    if (window[0] > from && digitsIn(from, window[0] - 1) >= longFrom) all.push([from, window[0] - 1]);
    if (window[0] < segment.length) all.push(window);
    from = window[1] + 1;
  }
  return all;
}

/** Digit and mask-dot tokens, grouped into runs wherever at most MAX_JOIN separators stand between them. */
function runsOf(text: string): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  let gap = 0; // separators since the last token of the run
  for (let i = 0; i < text.length; ) {
    const c = text.charCodeAt(i);
    const kind = c >= 48 && c <= 57 ? 'digits' : text[i] === MASK_DOT ? 'dots' : null;
    if (kind) {
      let end = i + 1;
      while (end < text.length && (kind === 'digits' ? isDigit(text.charCodeAt(end)) : text[end] === MASK_DOT)) end++;
      if (gap > MAX_JOIN && run.length > 0) {
        runs.push(run);
        run = [];
      }
      run.push({ kind, start: i, end, gap });
      gap = 0;
      i = end;
      continue;
    }
    if (isSeparator(c)) gap++;
    else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
    i++;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;

/**
 * The digit groups of a run that may still be an identifier: dots break a run, and the 4 digits
 * kept beside a `••••` (or more dots) (the head and tail of a number masked before) are no digits of a new one.
 */
function segmentsOf(run: Token[]): Token[][] {
  const isMaskDots = (t: Token | undefined): boolean => t !== undefined && t.kind === 'dots' && t.end - t.start >= 4;
  const segments: Token[][] = [];
  let segment: Token[] = [];
  run.forEach((token, i) => {
    const keptOfMask = token.kind === 'digits' && token.end - token.start === 4 && ((token.gap === 0 && isMaskDots(run[i - 1])) || (run[i + 1]?.gap === 0 && isMaskDots(run[i + 1])));
    if (token.kind === 'digits' && !keptOfMask) {
      segment.push(token);
      return;
    }
    if (segment.length > 0) segments.push(segment);
    segment = [];
  });
  if (segment.length > 0) segments.push(segment);
  return segments;
}

/**
 * [first, last] token indexes of each identifier in a segment, left to right. NIKs are found
 * first ("5 3273 0145 0385 0003" is a row number and a NIK, not a card and a group), then cards
 * in what is left between them.
 */
function identifierWindows(segment: Token[]): [number, number][] {
  const niks = windowsOf(segment, 0, segment.length, NIK_DIGITS);
  const windows: [number, number][] = [];
  let from = 0;
  for (const nik of [...niks, [segment.length, segment.length] as [number, number]]) {
    windows.push(...windowsOf(segment, from, nik[0], CARD_DIGITS));
    if (nik[0] < segment.length) windows.push(nik);
    from = nik[1] + 1;
  }
  return windows;
}

/** Greedy, left to right: runs of whole tokens in [from, until) holding exactly `length` digits. */
function windowsOf(segment: Token[], from: number, until: number, length: number): [number, number][] {
  const windows: [number, number][] = [];
  for (let start = from; start < until; ) {
    let digits = 0;
    let to = start;
    for (; to < until; to++) {
      digits += segment[to]!.end - segment[to]!.start;
      if (digits >= length) break;
    }
    if (digits === length && to < until) {
      windows.push([start, to]);
      start = to + 1;
    } else start++;
  }
  return windows;
}
