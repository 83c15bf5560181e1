// `loket hub settings` in words: which key a refusal is about, the value the file gave, the rule it
// broke and what the key allows; and, after a save, which keys changed (papertester F14, F17).
import { FACILITY_SETTING_KEYS } from '../../shared/hub-protocol';
import type { Lang } from '../../shared/i18n/messages';
import { issueRule, type InputIssue, type IssueKind } from '../../shared/input-issues';
import { MAX_MRN_START, TIME_ZONES } from '../../shared/settings';
import { hubText, type HubCliKey } from './hub-messages';

/** What each key (and each field of a unit) allows, as the counter's settings rules (shared/settings.ts) say it. */
const ALLOWED: Record<Lang, Record<string, string>> = {
  id: {
    facilityName: 'teks, paling banyak 120 karakter',
    facilityCode: 'teks, paling banyak 30 karakter',
    timeZone: `salah satu dari ${TIME_ZONES.join(', ')}`,
    units: 'daftar unit [{"code": "UMUM", "name": "Poli Umum", "prefix": "U"}, …], paling sedikit satu',
    'units.code': 'kode unit, 1 sampai 20 karakter, tidak sama dengan unit lain',
    'units.name': 'nama unit, 1 sampai 60 karakter',
    'units.prefix': '1 sampai 3 huruf besar atau angka, tidak sama dengan unit lain',
    emergencyUnit: 'kode salah satu unit di "units"',
    emergencyPrefix: '1 sampai 3 huruf besar atau angka, tidak sama dengan prefiks unit',
    mrnFormat: 'teks paling banyak 40 karakter yang memuat {seq} atau {seq:N}, mis. "{seq:6}"',
    mrnStart: `bilangan bulat 1 sampai ${MAX_MRN_START}, ditulis tanpa tanda kutip`,
    followUpHours: 'bilangan bulat 1 sampai 720 (jam), ditulis tanpa tanda kutip',
    staleAfterDays: 'bilangan bulat 1 sampai 365 (hari), ditulis tanpa tanda kutip',
  },
  en: {
    facilityName: 'text, at most 120 characters',
    facilityCode: 'text, at most 30 characters',
    timeZone: `one of ${TIME_ZONES.join(', ')}`,
    units: 'a list of units [{"code": "UMUM", "name": "Poli Umum", "prefix": "U"}, …], at least one',
    'units.code': "the unit's code, 1 to 20 characters, not another unit's",
    'units.name': "the unit's name, 1 to 60 characters",
    'units.prefix': "1 to 3 capital letters or digits, not another unit's",
    emergencyUnit: 'the code of one of the units in "units"',
    emergencyPrefix: "1 to 3 capital letters or digits, not a unit's prefix",
    mrnFormat: 'text of at most 40 characters containing {seq} or {seq:N}, e.g. "{seq:6}"',
    mrnStart: `a whole number from 1 to ${MAX_MRN_START}, written without quotes`,
    followUpHours: 'a whole number from 1 to 720 (hours), written without quotes',
    staleAfterDays: 'a whole number from 1 to 365 (days), written without quotes',
  },
};

const KINDS = new Set<string>(['required', 'too-small', 'too-big', 'too-short', 'too-long', 'format', 'one-of', 'not-unique', 'not-a-unit', 'mrn-seq', 'no-such-date', 'control-characters', 'no-letters', 'invalid']);

/** The value the file gave at a path ("units.1.prefix"), as JSON; undefined when the file did not give it. */
function givenValue(body: unknown, path: string): string | undefined {
  let value: unknown = body;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  if (value === undefined) return undefined;
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/**
 * The hub's `hub/settings-invalid` refusal as a message key and its words: "mrnStart = "200000":
 * isian tidak valid. Yang boleh: bilangan bulat …". The params are the hub's (settings-routes.ts): `field`, `rule`
 * and the rule without words (`kind`, `bound`, `other`, `values`).
 */
export function settingsRefusal(lang: Lang, params: Record<string, string | number>, body: unknown): { key: HubCliKey; params: Record<string, string> } {
  const field = String(params.field ?? '');
  if (field === '') return { key: 'hub/settings-not-object', params: {} };
  if (params.rule === 'not-a-facility-setting') return { key: 'hub/settings-unknown-key', params: { field, keys: FACILITY_SETTING_KEYS.join(', ') } };
  const kind = typeof params.kind === 'string' && KINDS.has(params.kind) ? (params.kind as IssueKind) : 'invalid';
  const issue: InputIssue = {
    path: field.split('.'),
    kind,
    ...(typeof params.bound === 'number' ? { bound: params.bound } : {}),
    ...(typeof params.other === 'number' ? { other: params.other } : {}),
    ...(typeof params.values === 'string' ? { values: params.values.split(', ') } : {}),
  };
  // "units.1.prefix" is allowed what any unit's prefix is.
  const allowedKey = field.replace(/\.\d+\./, '.');
  const allowed = ALLOWED[lang][allowedKey] ?? ALLOWED[lang][field.split('.')[0]!] ?? '';
  const value = givenValue(body, field);
  return {
    key: 'hub/settings-invalid',
    params: {
      field: value === undefined ? field : `${field} = ${value}`,
      rule: issueRule(lang, issue),
      allowed: allowed ? hubText(lang, 'hub/settings-allowed', { allowed }) : '',
    },
  };
}

export interface SettingsSaved {
  changed?: string[];
}

/** After a save: the keys that changed; the others kept their values (or, never given, stay each counter's own). */
export function settingsSavedLines(lang: Lang, saved: SettingsSaved): string[] {
  const changed = saved.changed ?? [];
  return [changed.length > 0 ? hubText(lang, 'hub/settings-saved', { changed: changed.join(', ') }) : hubText(lang, 'hub/settings-unchanged')];
}
