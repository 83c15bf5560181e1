import { readFileSync } from 'node:fs';
import { UPSTREAM_FILE } from '../../hub/editions/upstream-credential';
import { join } from 'node:path';
import { pinnedTransport, type PinnedTransport } from '../../core/sync/pinned-transport';
import { readHubConfig } from '../../hub/hub-config';
import { CERT_FILE } from '../../hub/tls/certificate';
import { durationWords } from '../../shared/hub-clock';
import type { HubCounterStatus, HubStatus } from '../../shared/hub-protocol';
import type { Lang } from '../../shared/i18n/messages';
import { cliActor } from '../cli-actor';
import type { Output } from '../output';
import { localStamp } from '../local-stamp';
import { hubAuditCommand } from './hub-audit';
import { districtStatusLines } from './hub-district-words';
import { hubFacilityCommand, type HubFacilityValues } from './hub-facility';
import { editionAddCommand, type EditionAddValues } from './hub-edition';
import { HubCliFailure, hubText, HubUsageError } from './hub-messages';
import { hubAccountCommand, type HubAccountValues } from './hub-account';

/**
 * The admin commands talk to the running hub over HTTPS, as a counter would, with hub.json's
 * admin key and its certificate pinned: they run on the hub's machine (hub.json is 0600 there).
 * Each names the OS user running it (`cli:<user>`), which the hub keeps with every change it
 * makes (`loket hub audit`).
 */
export function adminTransport(hubDir: string | undefined): PinnedTransport {
  if (!hubDir) throw new HubUsageError('usage/hub-needs-dir');
  const config = readHubConfig(hubDir);
  if (!config) throw new HubCliFailure('fail/no-hub-json', { dir: hubDir });
  const local = config.urls.find((u) => /\/\/(127\.0\.0\.1|localhost|\[::1\])[:/]/.test(u)) ?? config.urls[0];
  if (!local) throw new HubCliFailure('fail/no-hub-json', { dir: hubDir });
  return pinnedTransport({
    hubUrl: local,
    fingerprint: config.fingerprint,
    certificatePem: readFileSync(join(hubDir, CERT_FILE), 'utf8'),
    authorization: `Admin ${config.adminKey}`,
    actor: cliActor().username,
    timeoutMs: 15_000,
  });
}

export interface HubAdminValues extends HubFacilityValues, EditionAddValues, HubAccountValues {
  'hub-dir'?: string | undefined;
  prefix?: string | undefined;
}

/** `loket hub counter add NAME`, `loket hub counter revoke NAME`, `loket hub status`, `loket hub audit`, `loket hub edition add FILE`. */
export async function hubAdminCommand(args: string[], values: HubAdminValues, out: Output, lang: Lang): Promise<number> {
  const [what, action, name, extra] = args;
  if (what === 'settings' || what === 'bpjs' || what === 'report') {
    if (action !== undefined) throw new HubUsageError('usage/hub-unknown', { value: args.join(' ') });
    return hubFacilityCommand(what, values, out, lang);
  }
  if (what === 'account') {
    if (extra !== undefined) throw new HubUsageError('usage/hub-unknown', { value: args.join(' ') });
    return hubAccountCommand(action, name, values, out, lang);
  }
  if (what === 'edition') {
    if (action !== 'add' || extra !== undefined) throw new HubUsageError('usage/hub-unknown', { value: args.join(' ') });
    const admin = adminTransport(values['hub-dir']);
    return editionAddCommand(name, values, values['hub-dir']!, admin, out, lang);
  }
  if (what === 'audit') {
    if (action !== undefined) throw new HubUsageError('usage/hub-unknown', { value: args.join(' ') });
    return hubAuditCommand(adminTransport(values['hub-dir']), out, lang);
  }
  if (what === 'status') {
    if (action !== undefined) throw new HubUsageError('usage/hub-unknown', { value: args.join(' ') });
    const status = await adminTransport(values['hub-dir']).getJson<HubStatus>('/v1/admin/status');
    if (out.json) out.data(status);
    else printStatus(status, out, lang, join(values['hub-dir']!, UPSTREAM_FILE));
    return 0;
  }
  if (what !== 'counter' || (action !== 'add' && action !== 'revoke') || extra !== undefined) throw new HubUsageError('usage/hub-unknown', { value: args.join(' ') });
  if (!name) throw new HubUsageError('usage/hub-needs-name');
  if (action === 'add') {
    if (values.prefix !== undefined && !/^[A-Z0-9]{1,3}$/.test(values.prefix)) throw new HubUsageError('usage/bad-prefix', { value: values.prefix });
    const added = await adminTransport(values['hub-dir']).postJson<{ code: string; offlinePrefix: string; expiresAt: string }>('/v1/admin/counters', {
      name,
      ...(values.prefix ? { offlinePrefix: values.prefix } : {}),
    });
    if (out.json) out.data({ code: added.code, name, offlinePrefix: added.offlinePrefix, expiresAt: added.expiresAt });
    else {
      out.line(hubText(lang, 'hub/counter-added', { name, prefix: added.offlinePrefix, expiresAt: localStamp(added.expiresAt) }));
      out.line(added.code);
    }
    return 0;
  }
  await adminTransport(values['hub-dir']).requestJson('DELETE', `/v1/admin/counters/${encodeURIComponent(name)}`);
  if (out.json) out.data({ revoked: name });
  else out.line(hubText(lang, 'hub/counter-revoked-ok', { name }));
  return 0;
}

/** The counter's clock against the hub's: fine, unknown, or a CHECK line that says how to fix it. */
function clockLine(c: HubCounterStatus, hubClockOff: boolean, lang: Lang): string {
  const minutes = c.clockAheadMinutes;
  if (minutes === undefined || minutes === null) return hubText(lang, 'hub/status-clock-unknown');
  const amount = durationWords(lang, minutes);
  if (!c.clockOff) return hubText(lang, 'hub/status-clock-ok', { amount });
  // The hub's clock is the suspect: telling each counter to take the hub's time would spread the error.
  if (hubClockOff && !c.revoked) return hubText(lang, 'hub/status-clock-like-others', { amount });
  return hubText(lang, minutes > 0 ? 'hub/status-clock-ahead' : 'hub/status-clock-behind', { amount, fix: hubText(lang, 'hub/status-clock-fix') });
}

/**
 * The hub holds no facility zone and the active counters said different ones: "Loket 1: Asia/Jayapura,
 * Loket 2: Asia/Jakarta"; null when they agree (or the hub holds a zone: each takes it at its next sync).
 */
function zonesApart(status: HubStatus): string | null {
  if (status.timeZone) return null;
  const said = status.counters.filter((c) => !c.revoked && c.timeZone);
  if (new Set(said.map((c) => c.timeZone)).size < 2) return null;
  return said.map((c) => `${c.name}: ${c.timeZone}`).join(', ');
}

/** The zone the status's times are read in: the hub's facility zone, else the one its active counters agree on, else this computer's. */
function statusZone(status: HubStatus): string | undefined {
  if (status.timeZone) return status.timeZone;
  const said = new Set(status.counters.filter((c) => !c.revoked && c.timeZone).map((c) => c.timeZone!));
  return said.size === 1 ? [...said][0] : undefined;
}

/** `upstreamFile`: the hub's upstream.json, named in the district link's advice. */
function printStatus(status: HubStatus, out: Output, lang: Lang, upstreamFile: string): void {
  const zone = statusZone(status);
  out.line(hubText(lang, 'hub/status-head', { facility: status.facility, rev: status.rev, editions: status.editions }));
  if (status.counters.length === 0) out.line(hubText(lang, 'hub/status-none'));
  const hubOff = status.hubClockOff ?? null;
  if (hubOff !== null) {
    out.line(hubText(lang, hubOff.minutes < 0 ? 'hub/status-hub-clock-behind' : 'hub/status-hub-clock-ahead', { count: hubOff.counters, amount: durationWords(lang, hubOff.minutes) }));
  }
  const zones = zonesApart(status);
  if (zones) out.line(hubText(lang, 'hub/status-zones-differ', { zones }));
  // Above the counters: the lists every counter holds come down this link.
  for (const line of districtStatusLines(lang, status.district, zone, upstreamFile)) out.line(line);
  for (const c of status.counters) {
    out.line(
      hubText(lang, 'hub/status-line', {
        name: c.name,
        prefix: c.offlinePrefix,
        lastContact: c.lastContact ? localStamp(c.lastContact, zone) : hubText(lang, 'hub/status-never'),
        backlog: c.outboxBacklog,
        revoked: c.revoked ? hubText(lang, 'hub/status-revoked') : '',
      }),
    );
    if (c.pullStuck) out.line(hubText(lang, 'hub/status-stuck', { count: c.pullStuck }));
    if (c.outboxRejected) out.line(hubText(lang, 'hub/status-rejected', { count: c.outboxRejected }));
    if (c.editionsUnreadable?.length) out.line(hubText(lang, 'hub/status-editions-unreadable', { lists: c.editionsUnreadable.join(', ') }));
    if (c.editionsSetAside?.length) out.line(hubText(lang, 'hub/status-editions-set-aside', { lists: c.editionsSetAside.join(', ') }));
    out.line(clockLine(c, hubOff !== null, lang));
    if (status.timeZone && c.timeZone && c.timeZone !== status.timeZone && !c.revoked) out.line(hubText(lang, 'hub/status-zone-other', { zone: c.timeZone, facility: status.timeZone }));
    const head = c.auditHead;
    if (head) {
      const flag = head.lastFlag ? hubText(lang, head.lastFlag === 'seq-backwards' ? 'hub/audit-flag-seq-backwards' : 'hub/audit-flag-hash-changed') : '';
      const flags = head.flagged > 0 ? hubText(lang, 'hub/status-audit-flags', { count: head.flagged, flag }) : '';
      out.line(hubText(lang, 'hub/status-audit', { seq: head.seq, hash: head.hash.slice(0, 12), at: localStamp(head.receivedAt, zone), flags }));
    }
  }
}
