import type { Lang } from '../../../../shared/i18n/messages';

export type ReportKind = 'register' | 'equal-service' | 'recap';
const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** A range the reports can load: two complete dates, the end not before the start. */
export function rangeProblem(from: string, to: string): 'incomplete' | 'reversed' | null {
  if (!ISO.test(from) || !ISO.test(to)) return 'incomplete';
  return to < from ? 'reversed' : null;
}

/** Moving one end past the other drags the other along, so the range never turns round while typing. */
export function moveRange(range: { from: string; to: string }, end: 'from' | 'to', value: string): { from: string; to: string } {
  if (!ISO.test(value)) return { ...range, [end]: value };
  if (end === 'from') return { from: value, to: ISO.test(range.to) && range.to < value ? value : range.to };
  return { to: value, from: ISO.test(range.from) && range.from > value ? value : range.from };
}

const FILE_STEM: Record<Lang, Record<ReportKind, string>> = {
  id: { register: 'register', 'equal-service': 'layanan-setara', recap: 'rekap' },
  en: { register: 'register', 'equal-service': 'equal-service', recap: 'recap' },
};

/** "rekap-2026-11-01_2026-11-30.xlsx"; one date when the range is one day. */
export function suggestedName(kind: ReportKind, from: string, to: string, format: 'csv' | 'xlsx', lang: Lang): string {
  return `${FILE_STEM[lang][kind]}-${from === to ? from : `${from}_${to}`}.${format}`;
}

/** The recap's days in order, for the per-date list (shown when the range spans several days). */
export const dayEntries = (byDay: Record<string, number>): [string, number][] => Object.entries(byDay).sort(([a], [b]) => a.localeCompare(b));
