import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Core } from '../../main/core/core';
import type { LookupResult } from '../../shared/lookup';
import type { Output } from '../output';
import { UsageError } from '../usage-error';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function cekCommand(core: Core, query: string | undefined, args: { dob?: string; batch?: string }, out: Output): Promise<number> {
  if (args.dob !== undefined && !ISO_DATE.test(args.dob)) throw new UsageError('--dob takes YYYY-MM-DD');
  if (args.batch) return cekBatch(core, args.batch, out);
  if (!query) throw new UsageError('cek needs a NIK, card number or name (or --batch FILE)');
  const result = await lookupOrThrow(core, query, args.dob);
  if (out.json) out.data(result);
  else printResult(result, out);
  return 0;
}

/** One query a line (`NAME<TAB>YYYY-MM-DD` for a name with a birth date); one JSON object a line out. */
async function cekBatch(core: Core, file: string, out: Output): Promise<number> {
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const raw of lines) {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (!line) continue;
    const [query = '', dob] = line.split('\t').map((s) => s.trim());
    const result = await lookupOrThrow(core, query, dob && ISO_DATE.test(dob) ? dob : undefined);
    out.data(result);
  }
  return 0;
}

async function lookupOrThrow(core: Core, query: string, dob: string | undefined): Promise<LookupResult> {
  return core.lookup({ query, ...(dob ? { dob } : {}) });
}

function printResult(r: LookupResult, out: Output): void {
  const verdict = { eligible: 'ELIGIBLE (active)', 'not-eligible': 'NOT ELIGIBLE (not active)', unknown: 'UNKNOWN (no exact match)' }[r.verdict];
  out.line(`${r.query} [${r.kind}]: ${verdict}`);
  if (r.problem) out.line(`  ${r.problem}`);
  for (const m of r.matches) {
    const reason = m.statusReason ? ` (${m.statusReason})` : '';
    out.line(`  ${m.confidence.padEnd(8)} ${m.name}  NIK ${m.nik ?? '-'}  card ${m.card ?? '-'}  born ${m.dob ?? '-'}  ${m.status}${reason}  ${m.list.name} ${m.list.asOf}${m.stale ? ' STALE' : ''}${m.flags.length ? `  [${m.flags.join(', ')}]` : ''}`);
  }
}
