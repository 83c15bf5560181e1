import type { Cell, Table } from '../core/export/table-writer';

/**
 * A table the exports write (core/reports/report-tables.ts and the other builders) as lines a
 * person reads in a terminal: the same headers, rows and words as the file or the printable
 * page, columns aligned, numbers to the right. An empty cell reads "-" (a median with no wait).
 */
export function textTable({ headers, rows }: Pick<Table, 'headers' | 'rows'>, indent = '  '): string[] {
  const text = (c: Cell): string => (c === null || c === '' ? '-' : String(c));
  const cells = rows.map((r) => r.map(text));
  const widths = headers.map((h, i) => Math.max(length(h), ...cells.map((r) => length(r[i] ?? ''))));
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || r[i] === null));
  const line = (row: readonly string[]): string =>
    indent + row.map((c, i) => (numeric[i] ? pad(c, widths[i]!, 'start') : pad(c, widths[i]!, 'end'))).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)];
}

/** Characters as a terminal shows them (an en dash is one, as is each letter of a name). */
const length = (s: string): number => [...s].length;

function pad(s: string, width: number, side: 'start' | 'end'): string {
  const fill = ' '.repeat(Math.max(0, width - length(s)));
  return side === 'start' ? fill + s : s + fill;
}
