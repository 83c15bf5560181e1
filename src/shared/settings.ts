import { z } from 'zod';

/** The facility's time zones: "today's queue" and daily reports follow the facility's own. */
export const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const; // WIB, WITA, WIT

export const unitSchema = z.object({
  code: z.string().trim().min(1).max(20),
  name: z.string().trim().min(1).max(60),
});
export type ServiceUnit = z.infer<typeof unitSchema>;

export const counterSettingsSchema = z.object({
  facilityName: z.string().trim().max(120),
  facilityCode: z.string().trim().max(30),
  facilityAddress: z.string().trim().max(200),
  timeZone: z.enum(TIME_ZONES),
  units: z.array(unitSchema).min(1),
  /** The emergency unit (IGD): where an emergency registration goes. */
  emergencyUnit: z.string().trim().min(1),
  /** Distinguishes this counter's queue numbers from another counter's ("A-007", "B-007"). */
  counterPrefix: z.string().trim().min(1).max(3).regex(/^[A-Z0-9]+$/),
  /** Emergency numbers carry their own prefix and come before the day's regular numbers. */
  emergencyPrefix: z.string().trim().min(1).max(3).regex(/^[A-Z0-9]+$/),
  /** Medical-record number format: {seq:N} zero-padded sequence, {yyyy}, {yy}, {code} (facility code). */
  mrnFormat: z.string().trim().min(1).max(40).refine((f) => /\{seq(:\d+)?\}/.test(f), 'must contain {seq} or {seq:N}'),
  /** Hours to settle the payer of an emergency (commonly 3x24; no regulation fixes it). */
  followUpHours: z.number().int().min(1).max(24 * 30),
  staleAfterDays: z.number().int().min(1).max(365),
  /** Thermal paper width or A6; the printer's name as the system knows it ('' = the default printer). */
  paper: z.enum(['58mm', '80mm', 'A6']),
  printerName: z.string().max(200),
});
export type CounterSettings = z.infer<typeof counterSettingsSchema>;

export const DEFAULT_SETTINGS: CounterSettings = {
  facilityName: '',
  facilityCode: '',
  facilityAddress: '',
  timeZone: 'Asia/Jakarta',
  units: [
    { code: 'UMUM', name: 'Poli Umum' },
    { code: 'GIGI', name: 'Poli Gigi' },
    { code: 'KIA', name: 'KIA/KB' },
    { code: 'LANSIA', name: 'Poli Lansia' },
    { code: 'IGD', name: 'IGD (Gawat Darurat)' },
  ],
  emergencyUnit: 'IGD',
  counterPrefix: 'A',
  emergencyPrefix: 'GD',
  mrnFormat: '{seq:6}',
  followUpHours: 72,
  staleAfterDays: 45,
  paper: '80mm',
  printerName: '',
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

/** "A-007": the number a patient hears called. */
export const queueLabel = (prefix: string, no: number): string => `${prefix}-${String(no).padStart(3, '0')}`;
