/**
 * The decisions of the list import form, kept out of the components: which fields the mapping
 * shows, what the as-of field holds once a file is read, whether the import may start, and
 * what to say about the status column.
 */
import { LIST_FIELDS, NO_COLUMN, type AsOfSuggestion, type ListFieldName, type ListKind, type ListPreview, type ListSummary, type PreviewStatusCheck, type UnplacedIdentifier } from '../../../../shared/lists';

export type Mapping = Partial<Record<ListFieldName, string>>;

/** The fields an administrator maps by hand when the header was not recognized (the rest can wait). */
export const HAND_FIELDS: readonly ListFieldName[] = ['nik', 'card', 'name', 'dob', 'sex', 'status', 'address'];

/** Every field for a recognized file (to correct any), the main ones first; only the main ones otherwise. */
export function mappingFields(preview: ListPreview): readonly ListFieldName[] {
  if (!preview.recognized) return HAND_FIELDS;
  return [...HAND_FIELDS, ...LIST_FIELDS.filter((f) => !HAND_FIELDS.includes(f))];
}

/** The headers a select can offer: non-empty and each once (a mapping names a column by its header text). */
export function columnChoices(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const h of headers) {
    const text = h.trim();
    if (text === '' || seen.has(text)) continue;
    seen.add(text);
    out.push(h);
  }
  return out;
}

/** The mapping sent with the import: unset fields dropped. */
export function cleanMapping(mapping: Mapping): Mapping {
  return Object.fromEntries(Object.entries(mapping).filter(([, v]) => v)) as Mapping;
}

/**
 * The mapping sent with the import: only what the administrator changed from the preview. Left
 * alone, the import finds the same columns the preview showed, and says how (a status column
 * found by its values stays "found by its values" in the report). A field the preview mapped
 * and the administrator set to "not used" is sent as NO_COLUMN, or the import would find it again.
 */
export function mappingToSend(mapping: Mapping, preview: ListPreview): Mapping {
  const out: Mapping = {};
  for (const field of LIST_FIELDS) {
    const chosen = mapping[field];
    const found = preview.mapping[field];
    if (chosen && chosen !== found) out[field] = chosen;
    else if (!chosen && found) out[field] = NO_COLUMN;
  }
  return out;
}

export interface AsOfField {
  value: string;
  /** The administrator typed it: a file's suggestion no longer replaces it. */
  touched: boolean;
}

/**
 * The date the file states when it is after the latest as-of date the import accepts (next
 * month's list sent early): never offered, the screen says why instead.
 */
export function asOfAhead(preview: ListPreview): AsOfSuggestion | null {
  return preview.asOf && preview.asOf.date > preview.asOfLimit ? preview.asOf : null;
}

/**
 * The as-of field after a file was read: the file's suggestion, unless the administrator set a
 * date. A suggestion the import would refuse empties the field rather than leave today's date
 * standing: next month's list imported as of today is the very mistake the refusal prevents,
 * so the officer types the date.
 */
export function asOfAfterPreview(field: AsOfField, preview: ListPreview): AsOfField {
  if (field.touched || !preview.asOf) return field;
  if (asOfAhead(preview)) return { value: '', touched: false };
  return { value: preview.asOf.date, touched: false };
}

export type ImportBlock = 'needFields' | 'needIdentifier' | 'asOfAhead' | null;

/** Why the import cannot start yet, or null. `asOfLimit`: the latest as-of date the import accepts today. */
export function importBlock(input: { name: string; asOf: string; mapping: Mapping; asOfLimit?: string | undefined }): ImportBlock {
  if (!input.name.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(input.asOf)) return 'needFields';
  if (input.asOfLimit !== undefined && input.asOf > input.asOfLimit) return 'asOfAhead';
  if (!input.mapping.nik && !input.mapping.card) return 'needIdentifier';
  return null;
}

/** The unplaced NIK- or card-like columns the administrator has not mapped to any field yet. */
export function unplacedToShow(preview: ListPreview, mapping: Mapping): UnplacedIdentifier[] {
  const used = new Set(Object.values(mapping).filter(Boolean));
  return (preview.unplacedIdentifiers ?? []).filter((u) => !used.has(u.header));
}

/**
 * The field a one-click "use as NIK / card" maps the column to, or null when that field has a
 * column already (replacing it is a choice for the mapping above) or the column has no header
 * to name it by ("#3").
 */
export function unplacedTarget(unplaced: UnplacedIdentifier, preview: ListPreview, mapping: Mapping): ListFieldName | null {
  if (mapping[unplaced.looksLike]) return null;
  return columnChoices(preview.headers).includes(unplaced.header) ? unplaced.looksLike : null;
}

export type StatusCheckNote = PreviewStatusCheck & { errorShare: 'most' | 'some' | 'none' };

/** The unknown status values of the first rows, while the status column is the one the preview read. */
export function statusCheckNote(preview: ListPreview, mapping: Mapping): StatusCheckNote | null {
  const check = preview.statusCheck;
  if (!check || mapping.status !== check.header) return null;
  const errorShare = check.errors * 2 > check.rows ? 'most' : check.errors > 0 ? 'some' : 'none';
  return { ...check, errorShare };
}

export type StatusNote = { kind: 'none' } | { kind: 'by-values'; header: string } | { kind: 'flag'; header: string } | { kind: 'set' };

/** What the form says about the status column as currently mapped. */
export function statusNote(preview: ListPreview, mapping: Mapping): StatusNote {
  const status = mapping.status;
  if (!status) return { kind: 'none' };
  // Decided on the column the reader found; another column chosen by hand is decided again at the import (and reported).
  if (preview.statusColumn?.reading === 'flag' && preview.statusColumn.header === status) return { kind: 'flag', header: status };
  if (preview.statusColumn?.foundBy === 'values' && preview.statusColumn.header === status) return { kind: 'by-values', header: status };
  return { kind: 'set' };
}

/** What replacing the current edition would change that a wrong choice explains: asked before the import starts. */
export interface ReplaceCaution {
  /** The list replaced; absent when only `fileDate` is asked (a new list). */
  list?: string;
  /** The current edition's as-of date, when the new one is older. */
  olderThan?: string;
  /** The list's kind now, when the import would change it. */
  kindFrom?: ListKind;
  /** The (future) date the file states, when another date was typed. */
  fileDate?: string;
}

/** Another list's current edition is this very file (the core's 'import/same-file-other-list'): asked before a second list is made. */
export const SAME_FILE_OTHER_LIST = 'import/same-file-other-list';
export interface SameFileTwin {
  other: string;
  edition: number;
  asOf: string;
}

/** The other list named by that refusal, or null for any other failure. */
export function sameFileTwin(error: { code: string; params?: Record<string, unknown> }): SameFileTwin | null {
  if (error.code !== SAME_FILE_OTHER_LIST) return null;
  const p = error.params ?? {};
  return { other: String(p.other ?? ''), edition: Number(p.edition ?? 0), asOf: String(p.asOf ?? '') };
}

/** Null when the import replaces nothing or changes nothing a wrong choice would explain. */
export function replaceCaution(lists: readonly ListSummary[], input: { name: string; kind: ListKind; asOf: string }): ReplaceCaution | null {
  const current = lists.find((l) => l.name === input.name.trim());
  if (!current) return null;
  const olderThan = input.asOf < current.asOf ? current.asOf : undefined;
  const kindFrom = input.kind !== current.kind ? current.kind : undefined;
  if (olderThan === undefined && kindFrom === undefined) return null;
  return { list: current.name, ...(olderThan ? { olderThan } : {}), ...(kindFrom ? { kindFrom } : {}) };
}

/**
 * Everything asked once before the import starts: the replace caution, and the date the file
 * states when it is after today and the typed date differs. Next month's list sent early and
 * imported as of today is the very mistake the refusal prevents; a typed date is right only when
 * the file's own date is wrong, so the officer confirms it naming both dates.
 */
export function importCaution(lists: readonly ListSummary[], preview: ListPreview, input: { name: string; kind: ListKind; asOf: string }): ReplaceCaution | null {
  const replace = replaceCaution(lists, input);
  const ahead = asOfAhead(preview);
  const fileDate = ahead && ahead.date !== input.asOf ? ahead.date : undefined;
  if (!fileDate) return replace;
  return { ...(replace ?? {}), fileDate };
}
