import { resolve } from 'node:path';
import { formatCoreMessage, formatMessage, isMessageKey, type Lang } from '../../shared/i18n/messages';
import { LIST_FIELDS, LIST_KINDS, type ImportReport, type ListFieldName, type ListKind } from '../../shared/lists';
import type { Core } from '../../core/core';
import { checkDate, requireReadableFile } from '../checks';
import { cliText } from '../messages';
import type { Output } from '../output';
import { UsageError } from '../usage-error';
import { call } from '../contract-call';
import { cliNoticeText, wordedImport } from '../worded';

export interface ImportArgs {
  file: string | undefined;
  list: string | undefined;
  kind: string | undefined;
  asOf: string | undefined;
  map: string | undefined;
  /** --same-file-ok: the file may be another list's current edition too. */
  sameFileOk?: boolean | undefined;
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
  // A date after today is not a typing mistake (it may be this PC's clock): the core refuses it in words, as in the app.
  const asOf = checkDate('--as-of', args.asOf, { notFuture: false, command: 'import', ...(now ? { now } : {}) });
  return { file: args.file, list: args.list, kind: args.kind as ListKind, asOf };
}

/** Imports a checked file through the contract: the path from the command line becomes a handle, as a dialog's answer does in the app. */
export function importChecked(core: Core, checked: ReturnType<typeof checkImportArgs>, map: string | undefined, sameFileOk = false): Promise<ImportReport> {
  return call(core, 'importList', {
    file: core.registerFile(resolve(checked.file), 'open-list').handle,
    list: checked.list,
    kind: checked.kind,
    asOf: checked.asOf,
    ...(map ? { mapping: parseMapping(map) } : {}),
    ...(sameFileOk ? { sameFileOk: true } : {}),
  });
}

export async function importCommand(core: Core, args: ImportArgs, out: Output, lang: Lang): Promise<number> {
  const checked = checkImportArgs(args);
  requireReadableFile(checked.file, 'list');
  const rowsFormat = new Intl.NumberFormat(lang === 'id' ? 'id-ID' : 'en-GB');
  const off = core.events.on('importProgress', (p) => {
    // Waiting for another import is said on its own line, terminal or not: a script's log shows why it took long.
    if (p.phase === 'waiting') return out.error(p.waitingFor ? cliText(lang, 'import/waiting', { list: p.waitingFor }) : cliText(lang, 'import/waiting-another'));
    out.progress(cliText(lang, 'import/progress', { phase: cliText(lang, `import/phase-${p.phase}`), rows: rowsFormat.format(p.rowsRead), percent: p.percent }));
  });
  try {
    const report = await importChecked(core, checked, args.map, args.sameFileOk === true);
    out.progress('');
    if (out.json) out.data(wordedImport(lang, report));
    else printReport(report, out, lang);
    return 0;
  } finally {
    off();
  }
}

/** Each field found with its column's header, the field in --lang ("tanggal lahir = "Tgl_Lahir""), never its code. */
export function columnReport(lang: Lang, mapping: ImportReport['mapping']): string {
  return Object.entries(mapping)
    .map(([field, header]) => {
      const key = `list-field/${field}`;
      return `${isMessageKey(key) ? formatMessage(lang, key) : field} = "${header}"`;
    })
    .join(', ');
}

function printReport(r: ImportReport, out: Output, lang: Lang): void {
  const say = (key: Parameters<typeof cliText>[1], params?: Parameters<typeof cliText>[2]): void => out.line(cliText(lang, key, params));
  say('import/current', { list: r.list, edition: r.edition, asOf: r.asOf });
  const details = [
    r.file.format,
    r.file.encoding,
    r.file.separator ? cliText(lang, 'import/separator', { separator: JSON.stringify(r.file.separator) }) : null,
    r.file.sheetName ? cliText(lang, 'import/sheet', { sheet: JSON.stringify(r.file.sheetName) }) : null,
  ]
    .filter(Boolean)
    .join(', ');
  say('import/file', { name: r.file.name, details, row: r.file.headerRow });
  say('import/columns', { columns: columnReport(lang, r.mapping) });
  if (r.statusColumn) {
    const how = r.statusColumn.foundBy === 'values' ? 'import/status-by-values' : r.statusColumn.foundBy === 'mapping' ? 'import/status-by-mapping' : 'import/status-by-header';
    // A remarks column of status words read beside it (KET) is named with it; the notice says how they combine.
    const header = r.statusColumn.remarks ? `${r.statusColumn.header} + ${r.statusColumn.remarks}` : r.statusColumn.header;
    say('import/status-column', { header, how: cliText(lang, how) });
  }
  const { rows } = r;
  say('import/rows', {
    read: rows.read,
    imported: rows.imported,
    rejected: rows.rejected,
    warnings: rows.warnings,
    damaged: rows.damagedNik,
    repeated: rows.repeated,
    scientific: rows.scientificNik,
    skipped: rows.skipped,
  });
  // The core gives codes; worded here in --lang: the status column, repeats, scientific NIKs, row reasons.
  for (const n of r.notices) out.line(`! ${cliNoticeText(lang, n)}`);
  for (const x of r.rejects.slice(0, 20)) say('import/rejected-row', { row: x.row, reason: formatCoreMessage(lang, x) });
  if (r.rejects.length > 20) say('import/more-rejected', { count: r.rejects.length - 20 });
  for (const x of r.warnings.slice(0, 20)) say('import/warning-row', { row: x.row, reason: formatCoreMessage(lang, x) });
  if (r.warnings.length > 20) say('import/more-warnings', { count: r.warnings.length - 20 });
}
