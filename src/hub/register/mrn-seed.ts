import type { PoolClient } from 'pg';

export const DEFAULT_MRN_FORMAT = '{seq:6}';

/**
 * The sequence value inside an RM written with the facility's `mrnFormat` ("RM-{seq:6}" makes
 * "RM-000123" → 123). An RM that does not fit the format (an island's old scheme) gives null and
 * does not move the facility sequence: it can never collide with a formatted number anyway
 * unless it looks like one, and then it does fit.
 */
export function mrnSequenceValue(mrn: string, format: string): number | null {
  const pattern = format.replace(/\{seq(?::\d+)?\}|[.*+?^${}()|[\]\\]/g, (part) => (part.startsWith('{seq') ? '(\\d{1,15})' : `\\${part}`));
  const match = new RegExp(`^${pattern}$`).exec(mrn);
  if (!match) return null;
  const values = match.slice(1).map(Number);
  return values.length === 1 ? values[0]! : null;
}

/**
 * Moves the facility's RM sequence past the RMs just seen (patients a counter registered before
 * it enrolled, or numbered from its blocks). Never backwards; inside the push transaction.
 */
export async function moveMrnSequencePast(client: PoolClient, mrns: string[], format: string): Promise<void> {
  if (mrns.length === 0) return;
  const highest = Math.max(0, ...mrns.map((mrn) => mrnSequenceValue(mrn, format) ?? 0));
  if (highest > 0) await client.query('UPDATE mrn_sequence SET next = GREATEST(next, $1::bigint + 1) WHERE id = 1', [highest]);
}
