import type { Pool, PoolClient } from 'pg';

export const DEFAULT_MRN_FORMAT = '{seq:6}';

/**
 * The facility's `mrnFormat` as a pattern whose one group is the sequence: `{seq}`/`{seq:N}` the
 * digits, `{yyyy}`/`{yy}` any year, `{code}` the facility code, the rest literally. Counters write
 * RMs in upper case (sync/mrn-blocks.ts): match without case. The same source serves JavaScript
 * and PostgreSQL's regular expressions (`\d`, `{m,n}`, a backslash before punctuation).
 */
export function mrnSequencePattern(format: string, facilityCode = ''): string {
  const literal = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  let source = '';
  let last = 0;
  for (const m of format.matchAll(/\{(seq(?::\d+)?|yyyy|yy|code)\}/g)) {
    source += literal(format.slice(last, m.index));
    const token = m[1] ?? '';
    source += token === 'yyyy' ? '\\d{4}' : token === 'yy' ? '\\d{2}' : token === 'code' ? literal(facilityCode) : '(\\d{1,15})';
    last = m.index + m[0].length;
  }
  return `^${source}${literal(format.slice(last))}$`;
}

/**
 * The sequence value inside an RM written with the facility's `mrnFormat` ("RM-{seq:6}" makes
 * "RM-000123" → 123, "RM-{yyyy}-{seq:5}" makes "RM-2026-00123" → 123). An RM that does not fit the
 * format (an island's old scheme) gives null and does not move the facility sequence: it can never
 * collide with a formatted number anyway unless it looks like one, and then it does fit.
 */
export function mrnSequenceValue(mrn: string, format: string, facilityCode = ''): number | null {
  const match = new RegExp(mrnSequencePattern(format, facilityCode), 'i').exec(mrn);
  if (!match) return null;
  const values = match.slice(1).map(Number);
  return values.length === 1 ? values[0]! : null;
}

/**
 * Moves the facility's RM sequence past the RMs just seen (patients a counter registered before
 * it enrolled, or numbered from its blocks). Never backwards; inside the push transaction. So a
 * block reserved afterwards never holds a number already in the register.
 */
export async function moveMrnSequencePast(client: PoolClient, mrns: string[], format: string, facilityCode = ''): Promise<void> {
  if (mrns.length === 0) return;
  const highest = Math.max(0, ...mrns.map((mrn) => mrnSequenceValue(mrn, format, facilityCode) ?? 0));
  if (highest > 0) await client.query('UPDATE mrn_sequence SET next = GREATEST(next, $1::bigint + 1) WHERE id = 1', [highest]);
}

/**
 * At the hub's start: the RM sequence moves past every RM already in the register, read through
 * the facility's current format. Registers filled before the format's year and facility-code parts
 * were read (`{yyyy}`, `{code}`: such RMs did not move the sequence) are healed this way, and
 * blocks reserved from now on never hold a number in the register. One statement, a scan of the
 * patients' RMs; PostgreSQL reads them with the same pattern.
 */
export async function moveMrnSequencePastRegister(pool: Pool): Promise<void> {
  const { rows } = await pool.query<{ format: string | null; code: string | null }>(`SELECT json->>'mrnFormat' AS format, json->>'facilityCode' AS code FROM facility_settings WHERE id = 1`);
  const pattern = mrnSequencePattern(rows[0]?.format ?? DEFAULT_MRN_FORMAT, rows[0]?.code ?? '');
  await pool.query(
    `UPDATE mrn_sequence SET next = GREATEST(next, coalesce((SELECT max((regexp_match(mrn, $1, 'i'))[1]::numeric) FROM patients), 0)::bigint + 1) WHERE id = 1`,
    [pattern],
  );
}
