import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { BpjsClientConfig } from '../../core/bpjs/client';
import { onlineCheck, type OnlineCheck } from '../../core/bpjs/online-check';
import type { Core } from '../../core/core';
import { readSettings } from '../../core/counter/settings.repo';
import { classifyQuery } from '../../core/lookup/classify-query';
import type { LookupResult } from '../../shared/lookup';
import type { Output } from '../output';
import { UsageError } from '../usage-error';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What --online needs, from flags or else the environment. Secrets never appear in a message. */
export interface OnlineArgs {
  service?: string | undefined;
  url?: string | undefined;
  consId?: string | undefined;
  secret?: string | undefined;
  userKey?: string | undefined;
  pcareUser?: string | undefined;
  pcarePass?: string | undefined;
  pcareApp?: string | undefined;
}

const ENV: Record<keyof OnlineArgs, string> = {
  service: 'LOKET_BPJS_SERVICE',
  url: 'LOKET_BPJS_URL',
  consId: 'LOKET_BPJS_CONS_ID',
  secret: 'LOKET_BPJS_SECRET',
  userKey: 'LOKET_BPJS_USER_KEY',
  pcareUser: 'LOKET_BPJS_PCARE_USER',
  pcarePass: 'LOKET_BPJS_PCARE_PASS',
  pcareApp: 'LOKET_BPJS_PCARE_APP',
};
const FLAG: Record<keyof OnlineArgs, string> = {
  service: '--service',
  url: '--bpjs-url',
  consId: '--cons-id',
  secret: '--secret',
  userKey: '--user-key',
  pcareUser: '--pcare-user',
  pcarePass: '--pcare-pass',
  pcareApp: '--pcare-app',
};

/** Flags win over the environment; a missing credential is a usage error naming the flag and variable. */
export function onlineOptions(flags: OnlineArgs, env: NodeJS.ProcessEnv): BpjsClientConfig {
  const pick = (key: keyof OnlineArgs): string | undefined => {
    const value = flags[key] ?? env[ENV[key]];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  const need = (key: keyof OnlineArgs): string => {
    const value = pick(key);
    if (value === undefined) throw new UsageError(`--online needs ${FLAG[key]} (or $${ENV[key]})`);
    return value;
  };
  const service = need('service');
  if (service !== 'vclaim' && service !== 'pcare') throw new UsageError('--service takes vclaim or pcare');
  const url = need('url');
  if (!/^https?:\/\//i.test(url)) throw new UsageError('--bpjs-url takes an http(s) address');
  const config: BpjsClientConfig = { service, baseUrl: url, consId: need('consId'), secret: need('secret'), userKey: need('userKey') };
  if (service === 'pcare') {
    config.pcareUser = need('pcareUser');
    config.pcarePass = need('pcarePass');
    config.pcareApp = pick('pcareApp') ?? '095';
  }
  return config;
}

export async function cekCommand(
  core: Core,
  query: string | undefined,
  args: { dob?: string; batch?: string; online?: BpjsClientConfig },
  out: Output,
): Promise<number> {
  if (args.dob !== undefined && !ISO_DATE.test(args.dob)) throw new UsageError('--dob takes YYYY-MM-DD');
  if (args.batch && args.online) throw new UsageError('--online checks one NIK or card number, not a --batch file');
  if (args.batch) return cekBatch(core, args.batch, out);
  if (!query) throw new UsageError('cek needs a NIK, card number or name (or --batch FILE)');
  if (args.online) return cekOnline(core, query, args.online, out);
  const result = await lookupOrThrow(core, query, args.dob);
  if (out.json) out.data(result);
  else printResult(result, out);
  return 0;
}

/** Asks BPJS, stores and logs; then answers like an offline cek, which now includes the live answer. */
async function cekOnline(core: Core, query: string, config: BpjsClientConfig, out: Output): Promise<number> {
  const classified = classifyQuery(query);
  if (classified.kind !== 'nik' && classified.kind !== 'card') throw new UsageError('--online checks a 16-digit NIK or a 13-digit card number, not a name');
  const by = classified.kind === 'nik' ? { nik: classified.nik } : { card: classified.card };
  const online = await onlineCheck(core.db, { ...config, timeZone: readSettings(core.db).timeZone }, by);
  const result = await lookupOrThrow(core, query, undefined);
  const shown: OnlineCheck | { ok: false; reason: string; detail: string } = online.ok ? online : { ok: false, reason: online.reason, detail: online.detail };
  if (out.json) out.data({ ...result, online: shown });
  else {
    printResult(result, out);
    out.line(online.ok ? `  online (${online.service}): ${online.found ? 'answered' : 'not a BPJS member'} in ${online.tookMs} ms` : `  online (${online.service}): FAILED ${online.reason}: ${online.detail}`);
  }
  if (!online.ok) {
    out.error(`online check failed: ${online.reason}: ${online.detail}`);
    return 1;
  }
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
