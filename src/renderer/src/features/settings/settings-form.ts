import type { ContractError } from '../../../../shared/contract';
import type { Lang } from '../../../../shared/i18n/messages';
import { formatIssue, issuesOf, type InputIssue } from '../../../../shared/input-issues';
import { counterSettingsSchema, type CounterSettings, type ServiceUnit, withUnitPrefixes } from '../../../../shared/settings';

/** The translate function the labels need (i18next's `t`, or a plain one in tests). */
export type Translate = (key: string, options?: Record<string, unknown>) => string;

const TOP_LEVEL = [
  'facilityName', 'facilityCode', 'facilityAddress', 'timeZone', 'units', 'emergencyUnit', 'counterPrefix',
  'emergencyPrefix', 'mrnFormat', 'mrnStart', 'followUpHours', 'staleAfterDays', 'paper', 'printerName', 'autoLockMinutes',
] as const;
const UNIT_FIELD = { code: 'settings.unitCode', name: 'settings.unitName', prefix: 'settings.unitPrefix' } as const;

/** A field's name as the settings screen labels it: "Batas tindak lanjut gawat darurat (jam)", "Awalan, poli baris 2". */
export function settingsLabel(path: readonly (string | number)[], t: Translate): string | undefined {
  const [top, row, field] = path;
  if (top === 'units' && typeof row === 'number' && typeof field === 'string' && field in UNIT_FIELD) {
    return t('settings.unitField', { field: t(UNIT_FIELD[field as keyof typeof UNIT_FIELD]), n: row + 1 });
  }
  return typeof top === 'string' && (TOP_LEVEL as readonly string[]).includes(top) ? t(`settings.${top}`) : undefined;
}

/** Field key ("followUpHours", "units.1.prefix") -> its message, and every message in form order. */
export interface FieldMessages {
  byField: Record<string, string>;
  list: string[];
}

export function fieldMessages(issues: readonly InputIssue[], lang: Lang, t: Translate): FieldMessages {
  const byField: Record<string, string> = {};
  const list: string[] = [];
  for (const issue of issues) {
    const key = issue.path.join('.');
    const text = formatIssue(lang, issue, settingsLabel(issue.path, t));
    if (byField[key] === undefined) byField[key] = text;
    list.push(text);
  }
  return { byField, list };
}

/** The form checked with the same schema the core applies, before it is sent: null when it is fine. */
export function checkSettings(form: CounterSettings, lang: Lang, t: Translate): FieldMessages | null {
  const parsed = counterSettingsSchema.safeParse(form, { reportInput: true });
  return parsed.success ? null : fieldMessages(issuesOf(parsed.error.issues), lang, t);
}

/** A refused save: per-field messages when the core listed the issues, else none (its message is shown). */
export function messagesOfError(error: ContractError, lang: Lang, t: Translate): FieldMessages | null {
  return error.issues && error.issues.length > 0 ? fieldMessages(error.issues, lang, t) : null;
}

/**
 * A unit's code typed: its prefix follows the code (first letter, made unique) while the clerk
 * has not chosen one, i.e. while it is empty or still the one derived from the old code.
 */
export function changeUnitCode(units: readonly ServiceUnit[], index: number, code: string, emergencyPrefix: string): ServiceUnit[] {
  const others = units.filter((_, j) => j !== index);
  const derive = (c: string): string => withUnitPrefixes([...others, { code: c, name: '' }], emergencyPrefix).at(-1)!.prefix;
  return units.map((u, j) => {
    if (j !== index) return u;
    const automatic = u.prefix === '' || u.prefix === derive(u.code);
    return { ...u, code, prefix: automatic && code ? derive(code) : automatic ? '' : u.prefix };
  });
}

/** A new, empty unit row (its prefix comes with its code). */
export const emptyUnit = (): ServiceUnit => ({ code: '', name: '', prefix: '' });
