// The contract's BPJS methods: the live half of a look-up, connectivity, settings with the
// connection test, re-checks with their reconciliation, and the bridge log.
import type { BpjsServiceName, ConnectionTest, OnlineLookup, OnlineOutcome } from '../../shared/bpjs';
import type { CoreContext } from '../core-context';
import type { CoreMethods } from '../core';
import { LoketError } from '../errors';
import { savePurposeOf } from '../files/file-handles';
import { classifyQuery } from '../lookup/classify-query';
import { ownPatientOf } from '../lookup/lookup-methods';
import { SecretUnreadableError, type SecretBox } from '../secrets/secret-box';
import type { BpjsLink } from './bpjs-link';
import { bpjsSettingsView, clientConfigOf, type BuiltClientConfig, mergeBpjsForm, readBpjsSettings, writeBpjsSettings } from './bpjs-settings.repo';
import { exportBridgeLog, readBridgeLog, withBridgeLog } from './bridge-log';
import { BpjsClient } from './client';
import { SERVICE_LABEL, failureMessage } from './failure-text';
import { reconciliation, type Rechecker } from './recheck';

type BpjsMethodNames =
  | 'lookupOnline' | 'connectivity' | 'getBpjsSettings' | 'saveBpjsSettings' | 'testBpjsConnection'
  | 'recheckNow' | 'reconciliation' | 'bridgeLog' | 'exportBridgeLog';

export interface BpjsParts {
  link: BpjsLink;
  rechecker: Rechecker;
  box: SecretBox;
  /** The look-up as the counter sees it (lists, live answers, this facility's patient). */
  lookup: CoreMethods['lookup'];
}

export function bpjsMethods(ctx: CoreContext, parts: BpjsParts): Pick<CoreMethods, BpjsMethodNames> {
  const { db } = ctx;
  const { link, rechecker, box } = parts;
  const failureContext = (service: BpjsServiceName) => ({ service, timeoutSeconds: link.timeoutSeconds, timeZone: ctx.timeZone() });

  return {
    async lookupOnline({ query, patientId }): Promise<OnlineLookup> {
      const by = identifierOf(ctx, query, patientId);
      if (!by) return { online: { status: 'not-applicable' }, result: null };
      const answer = await link.member(by);
      // Off (the default at many counters): the local answer already shown is all there is.
      if (!answer) return { online: { status: 'not-configured' }, result: null };
      const at = ctx.now().toISOString();
      const { service, result } = answer;
      const online: Extract<OnlineOutcome, { status: 'answered' | 'failed' }> = result.ok
        ? { status: 'answered', service, at, tookMs: result.tookMs, found: result.member !== null }
        : { status: 'failed', service, at, tookMs: result.tookMs, reason: result.reason, message: failureMessage(result.reason, result.detail, failureContext(service)) };
      // Asked again after the live answer was stored: it is now among the matches and in the verdict.
      return { online, result: await parts.lookup({ query, ...(patientId === undefined ? {} : { patientId }) }) };
    },
    async connectivity() {
      return link.status();
    },
    async getBpjsSettings() {
      return bpjsSettingsView(readBpjsSettings(db), box);
    },
    async saveBpjsSettings(form) {
      const saved = await sealed(() => mergeBpjsForm(readBpjsSettings(db), form, box));
      writeBpjsSettings(db, saved);
      await link.reload();
      return bpjsSettingsView(saved, box);
    },
    async testBpjsConnection({ service, form }): Promise<ConnectionTest> {
      const saved = readBpjsSettings(db);
      const settings = form ? await sealed(() => mergeBpjsForm(saved, form, box)) : saved;
      const label = SERVICE_LABEL[service];
      let built: BuiltClientConfig;
      try {
        built = await clientConfigOf(settings, service, box);
      } catch (error) {
        if (!(error instanceof SecretUnreadableError)) throw storeError(error);
        built = { ok: false, missing: ['secret', 'user-key'] };
      }
      if (!built.ok) {
        return { ok: false, service, reason: 'incomplete', message: { code: 'bpjs/incomplete', params: { service: label, missing: built.missing.join(', ') } }, tookMs: 0 };
      }
      // Its own breaker: a test must neither be refused by nor open the counter's breaker.
      const client = new BpjsClient(withBridgeLog(db, { ...built.config, timeZone: ctx.timeZone(), now: ctx.now }, ctx.now));
      const result = await client.ping();
      if (result.ok) return { ok: true, service, reason: null, message: { code: 'bpjs/ok', params: { service: label, ms: result.tookMs } }, tookMs: result.tookMs };
      return { ok: false, service, reason: result.reason, message: failureMessage(result.reason, result.detail, { ...failureContext(service), timeoutSeconds: settings.timeoutSeconds }), tookMs: result.tookMs };
    },
    async recheckNow() {
      if (!link.service) return { checked: 0, changed: 0, remaining: link.status().pendingRechecks, stoppedBy: null };
      return rechecker.runNow();
    },
    async reconciliation({ from, to, changedOnly }) {
      return reconciliation(db, from, to ?? from, changedOnly ?? true);
    },
    async bridgeLog({ limit }) {
      return readBridgeLog(db, { limit: limit ?? 100 });
    },
    async exportBridgeLog({ file, format, lang = 'id' }) {
      const { path, name } = ctx.files.resolve(file, savePurposeOf(format));
      const rows = await exportBridgeLog(db, path, { format, lang, timeZone: ctx.settings().timeZone });
      return { name, rows };
    },
  };
}

/** A secret store that cannot work (a damaged key file, a bad LOKET_SECRET_KEY) says so in words. */
function storeError(error: unknown): LoketError {
  return error instanceof LoketError ? error : new LoketError('bpjs/secret-store-unavailable', { detail: error instanceof Error ? error.message : String(error) });
}

async function sealed<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw storeError(error);
  }
}

/**
 * What BPJS is asked by: the NIK or card typed, or those of the record number typed (in any of its
 * shapes, as the look-up reads it). A number two patients share asks nothing until the clerk chose one.
 */
function identifierOf(ctx: CoreContext, query: string, patientId?: number): { nik: string } | { card: string } | null {
  const own = ownPatientOf(ctx, query, patientId);
  if (own?.by === 'shared-mrn') return null;
  if (own?.by === 'mrn') return own.patient.nik ? { nik: own.patient.nik } : own.patient.card ? { card: own.patient.card } : null;
  const classified = classifyQuery(query);
  if (classified.kind === 'nik') return { nik: classified.nik };
  if (classified.kind === 'card') return { card: classified.card };
  return null;
}
