import { resolve } from 'node:path';
import type { Lang } from '../../shared/i18n/messages';
import { LIST_FIELDS, LIST_KINDS, type ImportReport, type ListFieldName, type ListKind } from '../../shared/lists';
import type { Core } from '../../core/core';
import { checkDate, requireReadableFile } from '../checks';
import { cliText } from '../messages';
import type { Output } from '../output';
import { UsageError } from '../usage-error';

export interface ImportArgs {
  file: string | undefined;
  list: string | undefined;
  kind: string | undefined;
  asOf: string | undefined;
  map: string | undefined;
}

/** `--map nik=NO_KTP,card=NOKA` -> { nik: 'NO_KTP', card: 'NOKA' } */
export function parseMapping(text: string | undefined): Partial<Record<ListFieldName, string>> | undefined {
  if (!text) return undefined;
  const mapping: Partial<Record<ListFieldName, string>> = {};
  for (const pair of text.split(',')) {
    const [field, ...header] = pair.split('=');
    const name = field?.trim() as ListFieldName;
    if (!LIST_FIELDS.includes(name) || header.length === 0) {
      throw new UsageError('usage/bad-map', { pair, fields: LIST_FIELDS.join(', ') }, 'import');
    }
    mapping[name] = header.join('=').trim();
  }
  return mapping;
}

/** The arguments of `import`, checked in order; the first mistake is named with what is allowed. */
export function checkImportArgs(args: ImportArgs, now?: Date): { file: string; list: string; kind: ListKind; asOf: string } {
  if (!args.file) throw new UsageError('usage/import-needs-file', {}, 'import');
  if (!args.list) throw new UsageError('usage/import-needs-list', {}, 'import');
  if (!args.kind) throw new UsageError('usage/import-needs-kind', { kinds: LIST_KINDS.join(', ') }, 'import');
  if (!LIST_KINDS.includes(args.kind as ListKind)) throw new UsageError('usage/bad-kind', { value: args.kind, kinds: LIST_KINDS.join(', ') }, 'import');
  if (!args.asOf) throw new UsageError('usage/import-needs-as-of', {}, 'import');
  const asOf = checkDate('--as-of', args.asOf, { notFuture: true, command: 'import', ...(now ? { now } : {}) });
  return { file: args.file, list: args.list, kind: args.kind as ListKind, asOf };
}

export async function importCommand(core: Core, args: ImportArgs, out: Output, lang: Lang): Promise<number> {
  const checked = checkImportArgs(args);
  requireReadableFile(checked.file, 'list');
  const rowsFormat = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB');
  const off = core.events.on('importProgress', (p) => out.progress(cliText(lang, 'import/progress', { phase: cliText(lang, `import/phase-${p.phase}`), rows: rowsFormat.format(p.rowsRead), percent: p.percent })));
  try {
    const report = await core.importList({
      path: resolve(checked.file),
      list: checked.list,
      kind: checked.kind,
      asOf: checked.asOf,
      ...(args.map ? { mapping: parseMapping(args.map) } : {}),
    });
    out.progress('');
    if (out.json) out.data(report);
    else printReport(report, out);
    return 0;
  } finally {
    off();
  }
}

function printReport(r: ImportReport, out: Output): void {
  out.line(`List "${r.list}" edition ${r.edition} (as of ${r.asOf}) is now current.`);
  out.line(`File ${r.file.name} (${r.file.format}${r.file.encoding ? `, ${r.file.encoding}` : ''}${r.file.separator ? `, separator ${JSON.stringify(r.file.separator)}` : ''}), header on row ${r.file.headerRow}`);
  out.line(`Columns: ${Object.entries(r.mapping).map(([f, h]) => `${f}=${h}`).join(', ')}`);
  if (r.statusColumn) out.line(`Status column: ${r.statusColumn.header} (found by its ${r.statusColumn.foundBy === 'values' ? 'values' : r.statusColumn.foundBy === 'mapping' ? 'mapping (--map)' : 'header'})`);
  const { rows } = r;
  out.line(
    `Rows: ${rows.read} read, ${rows.imported} imported, ${rows.rejected} rejected, ${rows.warnings} with warnings (${rows.damagedNik} damaged NIKs), ` +
      `${rows.repeated} repeated word for word (counted once), ${rows.scientificNik} NIKs in scientific notation, ${rows.skipped} non-member rows skipped`,
  );
  // Notices come worded in the core's language (--lang): the status column, repeats, scientific NIKs.
  for (const n of r.notices) out.line(`! ${n.message}`);
  for (const x of r.rejects.slice(0, 20)) out.line(`  rejected row ${x.row}: ${x.reason}`);
  if (r.rejects.length > 20) out.line(`  ... ${r.rejects.length - 20} more rejected rows (use --json for all)`);
  for (const x of r.warnings.slice(0, 20)) out.line(`  warning row ${x.row}: ${x.reason}`);
  if (r.warnings.length > 20) out.line(`  ... ${r.warnings.length - 20} more warnings (use --json for all)`);
}
