import type { Payer } from './counter';
import { z } from 'zod';
import type { CoreMessage } from './i18n/messages';
import type { LookupResult, Verdict } from './lookup';

/** The online services a facility may use: hospitals (FKRTL) VClaim, puskesmas (FKTP) PCare. */
export const BPJS_SERVICES = ['vclaim', 'pcare'] as const;
export type BpjsServiceName = (typeof BPJS_SERVICES)[number];

/** Why a call to BPJS gave no answer, in a word a program can switch on. */
export type BpjsFailure = 'offline' | 'timeout' | 'credentials' | 'clock' | 'service-down' | 'bad-response' | 'breaker-open';

/**
 * The status bar's BPJS line, from the real outcome of calls and the periodic probe.
 * 'rejected': BPJS answered but refused us (wrong credentials, clock off): ours to fix, not an outage.
 * 'checking': configured, the first call has not come back yet.
 */
export type ConnectivityState = 'not-configured' | 'checking' | 'online' | 'slow' | 'offline' | 'rejected';

export interface Connectivity {
  state: ConnectivityState;
  service: BpjsServiceName | null;
  /** When the state began (ISO UTC); null before the first call. */
  since: string | null;
  /** The last call's outcome. */
  lastCallAt: string | null;
  lastTookMs: number | null;
  reason: BpjsFailure | null;
  /** What is wrong and what to do (the caller words it). Null when all is well. */
  message: CoreMessage | null;
  /** While the breaker holds calls back: when it tries again (ISO UTC). */
  pausedUntil: string | null;
  /** Visits and follow-ups still waiting for a live re-check. */
  pendingRechecks: number;
}

const url = z
  .string()
  .trim()
  .max(300)
  .refine((u) => u === '' || /^https?:\/\/[^\s/]+/i.test(u), 'http(s)://…');

/** The fields of one service as a form sends them. A secret left empty keeps the saved one. */
export const bpjsServiceFormSchema = z.object({
  baseUrl: url,
  consId: z.string().trim().max(60),
  secret: z.string().max(200).optional(),
  userKey: z.string().max(200).optional(),
  /** PCare only. */
  pcareUser: z.string().trim().max(100).optional(),
  pcarePass: z.string().max(200).optional(),
  pcareApp: z.string().trim().max(10).optional(),
});
export type BpjsServiceForm = z.infer<typeof bpjsServiceFormSchema>;

export const bpjsSettingsFormSchema = z.object({
  /** Which service the counter asks; 'off' keeps Loket on the local lists only. */
  use: z.enum(['off', ...BPJS_SERVICES]),
  vclaim: bpjsServiceFormSchema,
  pcare: bpjsServiceFormSchema,
  /** Per call; one quiet retry may follow. */
  timeoutSeconds: z.number().int().min(1).max(60),
  /** A call slower than this shows the connection as slow. */
  slowSeconds: z.number().int().min(1).max(60),
  /** How often the probe asks when no look-up has. */
  probeSeconds: z.number().int().min(10).max(3600),
});
export type BpjsSettingsForm = z.infer<typeof bpjsSettingsFormSchema>;

/** What the settings screen gets back: never a secret, only whether one is saved. */
export interface BpjsServiceView {
  baseUrl: string;
  consId: string;
  pcareUser: string;
  pcareApp: string;
  saved: { secret: boolean; userKey: boolean; pcarePass: boolean };
}
export interface BpjsSettingsView {
  use: 'off' | BpjsServiceName;
  vclaim: BpjsServiceView;
  pcare: BpjsServiceView;
  timeoutSeconds: number;
  slowSeconds: number;
  probeSeconds: number;
  /** How secrets are kept on this machine: 'os' (Windows DPAPI / keychain via Electron) or 'key-file'. */
  secretStore: 'os' | 'key-file';
}

/** "Test the connection": one signed call, the answer in plain words. */
export interface ConnectionTest {
  ok: boolean;
  service: BpjsServiceName;
  reason: BpjsFailure | 'incomplete' | null;
  /** The outcome as a code of the shared catalog, with its facts (the caller words it). */
  message: CoreMessage;
  tookMs: number;
}

/** What the live half of a look-up brought. */
export type OnlineOutcome =
  | { status: 'answered'; service: BpjsServiceName; at: string; tookMs: number; found: boolean }
  | { status: 'failed'; service: BpjsServiceName; at: string; tookMs: number; reason: BpjsFailure; message: CoreMessage }
  /** Name searches, partial numbers: BPJS is asked by NIK or card only. */
  | { status: 'not-applicable' }
  | { status: 'not-configured' };

/**
 * With an answer or a failure: the look-up again, the live answer (if any) now among the
 * matches. When BPJS was not asked (not configured, a name), nothing new: no second look-up.
 */
export type OnlineLookup =
  | { online: Extract<OnlineOutcome, { status: 'answered' | 'failed' }>; result: LookupResult }
  | { online: Extract<OnlineOutcome, { status: 'not-applicable' | 'not-configured' }>; result: null };

/** One re-check of a visit registered on the lists only (or with its payer still open). */
export interface RecheckRow {
  id: number;
  checkedAt: string;
  service: BpjsServiceName;
  visit: { id: number; queue: string; unit: string; serviceDate: string; payer: Payer };
  patient: { id: number; mrn: string; name: string };
  before: Verdict | null;
  after: Verdict;
  changed: boolean;
  /** The live status in words (e.g. "AKTIF", "TIDAK AKTIF: PREMI MENUNGGAK"); null when BPJS does not know the member. */
  liveStatus: string | null;
  /** What the re-check did: set the payer to JKN, or nothing (the clerk decides). */
  action: 'payer-jkn' | 'none';
}

export interface RecheckRun {
  checked: number;
  changed: number;
  /** Still waiting (BPJS went away mid-run, or no identifier yet). */
  remaining: number;
  stoppedBy: BpjsFailure | null;
}

export interface BridgeLogEntry {
  id: number;
  at: string;
  service: BpjsServiceName;
  endpoint: string;
  durationMs: number;
  outcome: string;
  metaCode: string | null;
  retries: number;
}
