import { enrollmentCode, type EnrollmentCode, type EnrollResponse } from '../../shared/hub-protocol';
import type { SecretBox } from '../secrets/secret-box';
import type { Db } from '../store/open-database';
import { LoketError } from '../errors';
import { markEnrolled, syncState } from './sync-state.repo';
import { readHubEnrollment, writeHubCredential, type HubCredential } from './hub-credential.repo';
import { HubUnreachable, type HubClock, type HubTransport } from './hub-transport';
import { fetchPinnedCertificate } from './pinned-certificate';
import { pinnedTransport } from './pinned-transport';

/** A code that is not one the hub gave (damaged, cut short, another program's). */
export class EnrollmentCodeInvalid extends Error {
  constructor() {
    super('enrollment code invalid');
    this.name = 'EnrollmentCodeInvalid';
  }
}

export function decodeEnrollmentCode(code: string): EnrollmentCode {
  try {
    const json: unknown = JSON.parse(Buffer.from(code.trim(), 'base64url').toString('utf8'));
    const parsed = enrollmentCode.safeParse(json);
    if (parsed.success) return parsed.data;
  } catch {
    // falls through: not base64url JSON
  }
  throw new EnrollmentCodeInvalid();
}

/** https://host:port, no path: the hub's URL as the transport takes it. */
function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:') return parsed.origin;
  } catch {
    // reported below
  }
  throw new HubUnreachable(`not an https URL: ${url}`);
}

/**
 * Exchanges a one-time code for a credential at the hub, storing nothing: the code's fingerprint
 * is pinned before anything is sent (a hub with another certificate is refused: HubUnreachable
 * 'hub-certificate-mismatch'), then the token is traded for a counter id and secret. `hubUrl`
 * defaults to the code's first URL. A counter stores the answer (enroll); a facility hub enrolling
 * at its district hub keeps it in its data folder (src/hub/editions/upstream-credential.ts).
 */
export async function exchangeEnrollmentCode(options: EnrollOptions): Promise<HubCredential> {
  const code = decodeEnrollmentCode(options.code);
  const hubUrl = originOf(options.hubUrl ?? code.urls[0] ?? '');
  const certificatePem = await fetchPinnedCertificate(hubUrl, code.fingerprint);
  const transport = pinnedTransport({ hubUrl, fingerprint: code.fingerprint, certificatePem });
  const reply = await transport.postJson<EnrollResponse>('/v1/enroll', { token: code.token }, { timeoutMs: 15_000 });
  options.onHubClock?.(transport.hubClock());
  return { hubUrl, fingerprint: code.fingerprint, certificatePem, ...reply };
}

export interface EnrollOptions {
  hubUrl?: string;
  code: string;
  /** The hub's clock as its answer gave it: `loket enroll` says at once when this computer's clock is off. */
  onHubClock?: (clock: HubClock | null) => void;
}

/**
 * An enrolled counter is not enrolled again by mistake (the app's Settings, `loket enroll`): the
 * code would be used up (it was made for another PC) and this counter would change its name and
 * offline prefix, leaving its old row at the hub. Refused before the code is sent, naming where
 * it is enrolled. `loket enroll --again` is the deliberate way (a new or rebuilt hub, a counter
 * the hub revoked).
 */
export function refuseIfEnrolled(db: Db): void {
  if (!syncState(db).enrolled) return;
  const where = readHubEnrollment(db);
  throw new LoketError('hub/already-enrolled', { facility: where?.facility ?? '?', name: where?.name ?? '?', url: where?.hubUrl ?? '?' });
}

/**
 * Enrolls this counter at the hub (exchangeEnrollmentCode) and stores the credential (secret
 * sealed). An enrolled counter is refused (refuseIfEnrolled) unless `again`.
 */
export async function enroll(db: Db, box: SecretBox, options: EnrollOptions & { again?: boolean }): Promise<HubCredential> {
  if (!options.again) refuseIfEnrolled(db);
  const credential = await exchangeEnrollmentCode(options);
  await writeHubCredential(db, box, credential);
  // From here every change goes to the outbox, and the counter's history before it too.
  markEnrolled(db, { counterId: credential.counterId, offlinePrefix: credential.offlinePrefix });
  return credential;
}

/**
 * How an enrolled counter stands, told to the hub on every request (pinned-transport.ts): its
 * backlog, records it could not apply, ops the hub set aside, list editions it cannot read.
 */
export interface CounterStanding {
  outboxBacklog?: () => number;
  pullStuck?: () => number;
  outboxRejected?: () => number;
  editionReport?: () => Record<string, string>;
  /** The zone this counter files its visits under (X-Loket-Time-Zone). */
  timeZone?: () => string;
}

/**
 * The pinned transport of an enrolled counter, its credential and standing on every request.
 * `clock`: this computer's clock as sent to the hub (Date.now; a test sets it off). `timeoutMs`:
 * how long a socket may stay silent (the transport's default; a bench sets it longer).
 */
export function transportFor(credential: HubCredential, standing: CounterStanding & { clock?: () => number; timeoutMs?: number } = {}): HubTransport {
  const given = Object.fromEntries(Object.entries(standing).filter(([, probe]) => probe !== undefined));
  return pinnedTransport({
    hubUrl: credential.hubUrl,
    fingerprint: credential.fingerprint,
    certificatePem: credential.certificatePem,
    authorization: `Bearer ${credential.counterId}.${credential.secret}`,
    ...given,
  });
}
