// No zod here: migration 006 uses these, and the import's worker thread runs the migrations
// without loading zod (~75 ms a thread).

export const DEFAULT_EMERGENCY_PREFIX = 'GD';

/**
 * A prefix for each unit that has none (settings saved before prefixes existed, a new unit):
 * the first letter of its code, else the first two, then the letter with a digit, never one
 * already taken (by another unit or the emergency prefix).
 */
export function withUnitPrefixes<U extends { code: string; name: string; prefix?: string | undefined }>(units: readonly U[], emergencyPrefix: string): (U & { prefix: string })[] {
  const taken = new Set<string>([emergencyPrefix, ...units.map((u) => u.prefix ?? '').filter(Boolean)]);
  return units.map((u) => {
    if (u.prefix) return { ...u, prefix: u.prefix };
    const letters = u.code.toUpperCase().replace(/[^A-Z0-9]/g, '') || 'X';
    const candidates = [letters.slice(0, 1), letters.slice(0, 2), ...Array.from({ length: 99 }, (_, i) => `${letters.slice(0, 1)}${i + 2}`)];
    const prefix = candidates.find((c) => !taken.has(c)) ?? letters.slice(0, 3);
    taken.add(prefix);
    return { ...u, prefix };
  });
}

/** Settings as stored by an older Loket, brought up to date: units without a prefix get one. */
export function upgradeStoredSettings(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || !Array.isArray((raw as { units?: unknown }).units)) return raw;
  const stored = raw as { units: unknown[]; emergencyPrefix?: unknown };
  const units = stored.units.filter((u): u is { code: string; name: string; prefix?: string } => !!u && typeof u === 'object' && typeof (u as { code?: unknown }).code === 'string');
  if (units.length !== stored.units.length) return raw;
  return { ...stored, units: withUnitPrefixes(units, typeof stored.emergencyPrefix === 'string' ? stored.emergencyPrefix : DEFAULT_EMERGENCY_PREFIX) };
}
