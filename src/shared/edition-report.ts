/**
 * A counter's list editions as its hub hears of them (docs/hub.md, "Fetch at the counter"):
 * on every request, the lists whose current edition the counter cannot read, and the lists with an
 * unreadable edition file set aside in its lists folder, so `loket hub status` can say so.
 * Each header is the list names, each URI-encoded (a name may hold spaces or commas), joined by
 * commas; empty: none. Absent (an older counter): the hub keeps what it knew.
 */
export const EDITION_REPORT_HEADERS = {
  unreadable: 'x-loket-editions-unreadable',
  setAside: 'x-loket-editions-set-aside',
} as const;

/** At most this many names, each at most this long, are taken from a header; more is not a counter's report. */
const MAX_NAMES = 50;
const MAX_NAME = 120;

export const encodeListNames = (names: readonly string[]): string => names.map((n) => encodeURIComponent(n)).join(',');

/** The names a header carries; null when it is absent or not a report (then nothing is learnt). */
export function decodeListNames(header: string | undefined): string[] | null {
  if (header === undefined || header.length > MAX_NAMES * MAX_NAME * 3) return null;
  if (header === '') return [];
  const parts = header.split(',');
  if (parts.length > MAX_NAMES) return null;
  try {
    const names = parts.map((p) => decodeURIComponent(p));
    // eslint-disable-next-line no-control-regex -- a name with control characters would be printed to a terminal
    return names.every((n) => n.length > 0 && n.length <= MAX_NAME && !/[\u0000-\u001f\u007f-\u009f]/.test(n)) ? names : null;
  } catch {
    return null;
  }
}
