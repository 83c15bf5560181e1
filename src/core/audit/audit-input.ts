import type { AuditDetail } from '../../shared/audit';

/**
 * Reading the inputs and answers of methods the audit wraps, typed loosely on purpose: the rules
 * also name methods other branches add (accounts, keys, member export) whose types this branch
 * does not have. Every reader answers undefined for anything unexpected, never throws.
 */
export type Loose = unknown;

const fieldOf = (value: Loose, key: string): unknown => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined);

export const str = (value: Loose, key: string): string | undefined => {
  const v = fieldOf(value, key);
  return typeof v === 'string' ? v : undefined;
};
export const num = (value: Loose, key: string): number | undefined => {
  const v = fieldOf(value, key);
  return typeof v === 'number' ? v : undefined;
};
export const bool = (value: Loose, key: string): boolean | undefined => {
  const v = fieldOf(value, key);
  return typeof v === 'boolean' ? v : undefined;
};
export const obj = (value: Loose, key: string): Loose => fieldOf(value, key);
export const len = (value: Loose, key?: string): number | undefined => {
  const v = key === undefined ? value : fieldOf(value, key);
  return Array.isArray(v) ? v.length : undefined;
};

/** Drops undefined values: the stored detail holds only what is known. */
export function detailOf(values: Record<string, string | number | boolean | null | string[] | undefined>): AuditDetail {
  const detail: AuditDetail = {};
  for (const [key, value] of Object.entries(values)) if (value !== undefined) detail[key] = value;
  return detail;
}
