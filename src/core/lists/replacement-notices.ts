/**
 * What an import changed about its list that a wrong file would explain: far fewer members than
 * the edition it replaced (a truncated export, one district's sheet), an older as-of date (last
 * month's file picked by mistake), another kind of list (the payer the counter derives changes).
 * The import goes through (the file may be right), but the report says so, with the way back.
 */
import type { ImportNotice, ListKind } from '../../shared/lists';
import type { EditionRow } from './editions.repo';

/** Below this many members a halving says little (a pilot list, a test file). */
const FEW_MEMBERS = 20;
/** The new edition keeps less than this share of the old one's members. */
const SHRUNK_BELOW = 0.5;

export interface Replacement {
  list: string;
  kind: ListKind;
  asOf: string;
  members: number;
}

export function replacementNotices(replaced: EditionRow | undefined, now: Replacement): ImportNotice[] {
  if (replaced === undefined) return [];
  const notices: ImportNotice[] = [];
  const before = replaced.rowsImported;
  if (before >= FEW_MEMBERS && now.members < before * SHRUNK_BELOW) {
    const percent = Math.round((1 - now.members / before) * 100);
    notices.push({ code: 'fewer-members', params: { list: now.list, before, after: now.members, percent } });
  }
  if (now.asOf < replaced.asOf) notices.push({ code: 'older-as-of', params: { list: now.list, before: replaced.asOf, asOf: now.asOf } });
  if (now.kind !== replaced.kind) notices.push({ code: 'kind-changed', params: { list: now.list, from: replaced.kind, to: now.kind } });
  return notices;
}

/**
 * Other lists of the same kind still current beside this one: each month imported under a list
 * name of its own ("PBI APBD OKTOBER 2026", "PBI APBD NOVEMBER 2026") leaves last month's list in
 * force. For a person on both the newer as-of date decides (verdict-rule.ts), but the officer is
 * told, since importing the file as the older list's new edition is what keeps one list. Lists of
 * the kind 'other' are anything at all and are left out.
 */
export function sameKindNotices(current: readonly EditionRow[], now: Replacement): ImportNotice[] {
  if (now.kind === 'other') return [];
  const others = current.filter((e) => e.kind === now.kind && e.listName !== now.list);
  const named = (rows: EditionRow[]): string => rows.map((e) => `${e.listName} (${e.asOf})`).join(', ');
  const older = others.filter((e) => e.asOf < now.asOf);
  const newer = others.filter((e) => e.asOf > now.asOf);
  const notices: ImportNotice[] = [];
  if (older.length > 0) notices.push({ code: 'older-list-same-kind', params: { list: now.list, others: named(older), count: older.length } });
  if (newer.length > 0) notices.push({ code: 'newer-list-same-kind', params: { list: now.list, others: named(newer), count: newer.length } });
  return notices;
}
