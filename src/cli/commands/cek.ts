import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { BpjsClientConfig } from '../../core/bpjs/client';
import { onlineCheck, type OnlineCheck } from '../../core/bpjs/online-check';
import type { Core } from '../../core/core';
import { readSettings } from '../../core/settings/settings.repo';
import { classifyQuery } from '../../core/lookup/classify-query';
import { unreadableListsMessage } from '../../core/lookup/unreadable-lists';
import { formatCoreMessage, type Lang } from '../../shared/i18n/messages';
import { statusReasonMessage } from '../../shared/status-reason';
import type { LookupResult } from '../../shared/lookup';
import { checkDate, requireReadableFile } from '../checks';
import { cliText } from '../messages';
import type { Output } from '../output';
import { UsageError } from '../usage-error';
import { call } from '../contract-call';
import { wordedLookup } from '../worded';
import { maskedLookup } from '../masked-output';

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
    if (value === undefined) throw new UsageError('usage/online-needs', { flag: FLAG[key], env: ENV[key] }, 'cek');
    return value;
  };
  const service = need('service');
  if (service !== 'vclaim' && service !== 'pcare') throw new UsageError('usage/bad-service', { value: service }, 'cek');
  const url = need('url');
  if (!/^https?:\/\//i.test(url)) throw new UsageError('usage/bad-url', {}, 'cek');
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
  lang: Lang,
): Promise<number> {
  if (args.dob !== undefined) checkDate('--dob', args.dob, { notFuture: true, command: 'cek' });
  if (args.batch && args.online) throw new UsageError('usage/online-batch', {}, 'cek');
  if (args.batch) return cekBatch(core, args.batch, out, lang);
  if (!query) throw new UsageError('usage/cek-needs-query', {}, 'cek');
  if (args.online) return cekOnline(core, query, args.online, out, lang);
  const result = await lookupOrThrow(core, query, args.dob);
  if (out.json) out.data(wordedLookup(lang, result));
  else printResult(result, out, lang);
  return unsearchedExit(result.unsearched ? [result] : [], out, lang);
}

/**
 * A list that could not be searched (its file missing or damaged) makes the answer incomplete:
 * said on stderr and exit 1, so a script never takes "unknown" for "on no list".
 */
function unsearchedExit(incomplete: LookupResult[], out: Output, lang: Lang): number {
  const lists = [...new Set(incomplete.flatMap((r) => r.unsearched?.lists ?? []))];
  if (lists.length === 0) return 0;
  out.error(formatCoreMessage(lang, unreadableListsMessage(lists)));
  return 1;
}

/** Asks BPJS, stores and logs; then answers like an offline cek, which now includes the live answer. */
async function cekOnline(core: Core, query: string, config: BpjsClientConfig, out: Output, lang: Lang): Promise<number> {
  const classified = classifyQuery(query);
  if (classified.kind !== 'nik' && classified.kind !== 'card') throw new UsageError('usage/online-not-name', {}, 'cek');
  const by = classified.kind === 'nik' ? { nik: classified.nik } : { card: classified.card };
  const online = await onlineCheck(core.db, { ...config, timeZone: readSettings(core.db).timeZone }, by);
  const result = await lookupOrThrow(core, query, undefined);
  const shown: OnlineCheck | { ok: false; reason: string; detail: string } = online.ok ? online : { ok: false, reason: online.reason, detail: online.detail };
  if (out.json) out.data({ ...wordedLookup(lang, result), online: shown });
  else {
    printResult(result, out, lang);
    out.line(
      online.ok
        ? cliText(lang, online.found ? 'cek/online-answered' : 'cek/online-not-member', { service: online.service, ms: online.tookMs })
        : cliText(lang, 'cek/online-failed', { service: online.service, reason: online.reason, detail: online.detail }),
    );
  }
  if (!online.ok) {
    out.error(cliText(lang, 'cek/online-failed-error', { reason: online.reason, detail: online.detail }));
    return 1;
  }
  return unsearchedExit(result.unsearched ? [result] : [], out, lang);
}

/** One query a line (`NAME<TAB>YYYY-MM-DD` for a name with a birth date); one JSON object a line out. */
async function cekBatch(core: Core, file: string, out: Output, lang: Lang): Promise<number> {
  requireReadableFile(file, 'batch');
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  const incomplete: LookupResult[] = [];
  for await (const raw of lines) {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (!line) continue;
    const [query = '', dob] = line.split('\t').map((s) => s.trim());
    const result = await lookupOrThrow(core, query, dob && ISO_DATE.test(dob) ? dob : undefined);
    out.data(wordedLookup(lang, result));
    if (result.unsearched) incomplete.push(result);
  }
  return unsearchedExit(incomplete, out, lang);
}

/** Only printed, never acted on: masked as the counter screen masks a list of candidates. */
async function lookupOrThrow(core: Core, query: string, dob: string | undefined): Promise<LookupResult> {
  return maskedLookup(await call(core, 'lookup', { query, ...(dob ? { dob } : {}) }));
}

function printResult(r: LookupResult, out: Output, lang: Lang): void {
  const unknown = r.unsearched ? 'cek/verdict-unknown-unsearched' : 'cek/verdict-unknown';
  // A number different people hold: no verdict until one of them is chosen (never "not found").
  const undecided = r.conflict && r.verdict === 'unknown';
  const verdict = undecided
    ? cliText(lang, 'cek/verdict-conflict', { count: r.conflict!.people })
    : cliText(lang, r.verdict === 'eligible' ? 'cek/verdict-eligible' : r.verdict === 'not-eligible' ? 'cek/verdict-not-eligible' : unknown);
  out.line(`${r.query} [${r.kind}]: ${verdict}`);
  // The core gives codes; worded here in --lang.
  if (r.unsearched) out.line(`  ! ${formatCoreMessage(lang, r.unsearched.message)}`);
  if (r.conflict && !undecided) out.line(`  ! ${formatCoreMessage(lang, r.conflict.message)}`);
  if (r.contradiction) out.line(`  ! ${formatCoreMessage(lang, r.contradiction)}`);
  if (r.problem) out.line(`  ${formatCoreMessage(lang, r.problem)}`);
  for (const w of r.queryWarnings ?? []) out.line(`  ! ${formatCoreMessage(lang, w)}`);
  for (const m of r.matches) {
    out.line(
      cliText(lang, 'cek/match', {
        confidence: cliText(lang, `cek/confidence-${m.confidence}`).padEnd(8),
        name: m.name,
        nik: m.nik ?? '-',
        card: m.card ?? '-',
        dob: m.dob ?? '-',
        status: cliText(lang, `cek/status-${m.status}`),
        reason: m.statusReason ? ` (${formatCoreMessage(lang, statusReasonMessage(m.statusReason))})` : '',
        list: m.list.name,
        asOf: m.list.asOf,
        stale: m.stale ? cliText(lang, 'cek/stale') : '',
        flags: m.flags.length ? `  [${m.flags.join(', ')}]` : '',
      }),
    );
  }
}
