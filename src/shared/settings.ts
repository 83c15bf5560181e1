import { z } from 'zod';
import { printable } from './text-schemas';
import { DEFAULT_EMERGENCY_PREFIX } from './unit-prefixes';

/** The facility's time zones: "today's queue" and daily reports follow the facility's own. */
export const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const; // WIB, WITA, WIT

/** The highest first RM sequence value: twelve digits, well inside SQLite's and PostgreSQL's integers. */
export const MAX_MRN_START = 999_999_999_999;

/** A queue-number prefix: capital letters and digits, 1 to 3 of them. */
const PREFIX = /^[A-Z0-9]{1,3}$/;

export const unitSchema = z.object({
  code: printable(z.string().trim().min(1).max(20)),
  name: printable(z.string().trim().min(1).max(60)),
  /** The unit's own queue prefix (U, G, K…): two units never hand out the same number. */
  prefix: z.string().trim().regex(PREFIX),
});
export type ServiceUnit = z.infer<typeof unitSchema>;

export const counterSettingsFields = z.object({
  facilityName: printable(z.string().trim().max(120)),
  facilityCode: printable(z.string().trim().max(30)),
  facilityAddress: printable(z.string().trim().max(200)),
  timeZone: z.enum(TIME_ZONES),
  units: z.array(unitSchema).min(1),
  /** The emergency unit (IGD): where an emergency registration goes. */
  emergencyUnit: z.string().trim().min(1),
  /**
   * Empty where one counter serves the facility; where two counters serve the same units, each
   * has its own ("A", "B") and it goes in front of the unit's prefix: "A-U-007", "B-U-007".
   */
  counterPrefix: z.string().trim().regex(/^[A-Z0-9]{0,3}$/),
  /** Emergency numbers carry their own prefix and come before the day's regular numbers. */
  emergencyPrefix: z.string().trim().regex(PREFIX),
  /** Medical-record number format: {seq:N} zero-padded sequence, {yyyy}, {yy}, {code} (facility code). */
  mrnFormat: z.string().trim().min(1).max(40).refine((f) => /\{seq(:\d+)?\}/.test(f), { message: 'must contain {seq} or {seq:N}', params: { rule: 'mrn-seq' } }),
  /**
   * The lowest sequence value a new record gets: a facility moving from paper records starts after
   * the numbers already on its patients' cards (200000), so an old card never names a new patient.
   * A floor, never a reset: a number already given is never given again (sync/mrn-blocks.ts, and
   * the hub's blocks, hub/register/mrn-block.ts).
   */
  mrnStart: z.number().int().min(1).max(MAX_MRN_START),
  /** Hours to settle the payer of an emergency (commonly 3x24; no regulation fixes it). */
  followUpHours: z.number().int().min(1).max(24 * 30),
  staleAfterDays: z.number().int().min(1).max(365),
  /** Thermal paper width or A6; the printer's name as the system knows it ('' = the default printer). */
  paper: z.enum(['58mm', '80mm', 'A6']),
  printerName: z.string().max(200),
  /** Minutes without input before the counter's screen locks (0 = never); the work in progress stays behind the lock. */
  autoLockMinutes: z.number().int().min(0).max(240),
});

/**
 * The rules across fields, each reported on the field a clerk would fix: unit codes and
 * prefixes unique, the emergency prefix not a unit's, the emergency unit one of the units.
 * `params.rule` names the rule so a screen can say it in its own words.
 */
export const counterSettingsSchema = counterSettingsFields.superRefine((s, ctx) => {
  const seen = { code: new Map<string, number>(), prefix: new Map<string, number>() };
  s.units.forEach((u, i) => {
    for (const key of ['code', 'prefix'] as const) {
      const first = seen[key].get(u[key]);
      if (first !== undefined) ctx.addIssue({ code: 'custom', path: ['units', i, key], message: `same as unit ${first + 1}`, params: { rule: 'unique', other: first + 1 } });
      else seen[key].set(u[key], i);
    }
  });
  if (seen.prefix.has(s.emergencyPrefix)) {
    ctx.addIssue({ code: 'custom', path: ['emergencyPrefix'], message: 'same as a unit prefix', params: { rule: 'unique', other: seen.prefix.get(s.emergencyPrefix)! + 1 } });
  }
  if (!seen.code.has(s.emergencyUnit)) ctx.addIssue({ code: 'custom', path: ['emergencyUnit'], message: 'must be one of the units', params: { rule: 'one-of-units' } });
  // A start wider than the format's sequence ({seq:6} and 99999999) makes every RM from then on
  // longer than the cards and folders were made for, and a start is never lowered: refused.
  const width = seqWidth(s.mrnFormat);
  if (width !== null && String(s.mrnStart).length > width) {
    ctx.addIssue({ code: 'custom', path: ['mrnStart'], message: `wider than the format's ${width} digits`, params: { rule: 'mrn-start-wide', bound: width } });
  }
});

/** The digits of the format's sequence ({seq:6} → 6); null for {seq} (no width) or none. */
export function seqWidth(format: string): number | null {
  const m = /\{seq:(\d+)\}/.exec(format);
  return m ? Number(m[1]) : null;
}
export type CounterSettings = z.infer<typeof counterSettingsSchema>;

export const DEFAULT_SETTINGS: CounterSettings = {
  facilityName: '',
  facilityCode: '',
  facilityAddress: '',
  timeZone: 'Asia/Jakarta',
  units: [
    { code: 'UMUM', name: 'Poli Umum', prefix: 'U' },
    { code: 'GIGI', name: 'Poli Gigi', prefix: 'G' },
    { code: 'KIA', name: 'KIA/KB', prefix: 'K' },
    { code: 'LANSIA', name: 'Poli Lansia', prefix: 'L' },
    { code: 'IGD', name: 'IGD (Gawat Darurat)', prefix: 'I' },
  ],
  emergencyUnit: 'IGD',
  counterPrefix: '',
  emergencyPrefix: DEFAULT_EMERGENCY_PREFIX,
  mrnFormat: '{seq:6}',
  mrnStart: 1,
  followUpHours: 72,
  staleAfterDays: 45,
  paper: '80mm',
  printerName: '',
  autoLockMinutes: 5,
};

/** Formats a medical-record number; pure so the settings screen can preview it. */
export function formatMrn(format: string, seq: number, localDate: string, facilityCode: string): string {
  return format.replace(/\{(seq(?::(\d+))?|yyyy|yy|code)\}/g, (_, token: string, width: string | undefined) => {
    if (token === 'yyyy') return localDate.slice(0, 4);
    if (token === 'yy') return localDate.slice(2, 4);
    if (token === 'code') return facilityCode;
    return String(seq).padStart(width ? Number(width) : 1, '0');
  });
}

/** "U-007", "A-U-007", "GD-001": the number a patient hears called, from the prefix stored with the visit. */
export const queueLabel = (prefix: string, no: number): string => `${prefix}-${String(no).padStart(3, '0')}`;

/**
 * The prefix stored with a visit: the unit's (or the emergency) prefix, behind the counter's
 * when there is one. Both parts are [A-Z0-9]+ joined by '-', so the label reads back
 * unambiguously: different counter prefixes, or different unit prefixes, never give one label.
 */
export const visitPrefix = (counterPrefix: string, groupPrefix: string): string => (counterPrefix ? `${counterPrefix}-${groupPrefix}` : groupPrefix);

/**
 * The settings as `getSettings` shows them: with the units removed from the settings (or whose
 * code changed) that this counter still remembers, so a visit registered under one is named as
 * its unit was called (register, recap, follow-ups, a reprinted slip). Never saved back: the
 * settings screen sends the settings, and the core keeps the memory itself (unit-names.ts).
 */
/**
 * How new RMs are numbered now, as the settings screen says it: `next`, the lowest sequence value
 * the next new record can get whatever the start (the start moves numbers forward only: the next
 * RM is the higher of the two); `hub`: enrolled at a facility hub, whose facility settings win:
 * the start is set there (counters take it at their next sync).
 */
export interface MrnNumbering {
  next: number;
  hub: boolean;
}

/** The sequence value the next new RM gets with `start`: never below what was given (MrnNumbering). */
export const firstMrnSeq = (start: number, numbering: MrnNumbering | null | undefined): number => Math.max(start, numbering?.next ?? 1);

export type CounterSettingsView = CounterSettings & { formerUnits?: readonly ServiceUnit[] | undefined; mrnNumbering?: MrnNumbering; runningDay?: RunningDay };

/**
 * After a change of the facility's zone, the day in progress finishes under the old `zone` until
 * `until` (ISO UTC, that zone's midnight): "today" on the screens is that zone's date until then.
 */
export interface RunningDay {
  zone: string;
  until: string;
}

/** A unit's name by its code: as configured, else as it was before it left the settings, else the code itself. */
export function unitNameIn(settings: { units: readonly ServiceUnit[]; formerUnits?: readonly ServiceUnit[] | undefined } | null | undefined, code: string): string {
  return settings?.units.find((u) => u.code === code)?.name ?? settings?.formerUnits?.find((u) => u.code === code)?.name ?? code;
}

/** The unit's prefix in the settings ('' for an unknown unit). */
export const unitPrefix = (settings: Pick<CounterSettings, 'units'>, unit: string): string => settings.units.find((u) => u.code === unit)?.prefix ?? '';

// Zod-free, for the migrations the import worker runs (unit-prefixes.ts).
export { upgradeStoredSettings, withUnitPrefixes } from './unit-prefixes';
