import { readFileSync, writeFileSync } from 'node:fs';
import { DEFAULT_BPJS_SETTINGS } from '../../core/bpjs/bpjs-settings.repo';
import { HubRefused } from '../../core/sync/hub-transport';
import type { BpjsSettingsForm, BpjsServiceForm } from '../../shared/bpjs';
import type { Lang } from '../../shared/i18n/messages';
import type { FacilityDays } from '../../hub/register/reports';
import { checkDate } from '../checks';
import type { Output } from '../output';
import { readCredentialsFile } from './credentials-file';
import { adminTransport } from './hub-admin';
import { HubCliFailure, hubText, HubUsageError } from './hub-messages';
import { settingsRefusal, settingsSavedLines, type SettingsSaved } from './hub-settings-words';
import { reportLines } from './hub-report-text';

export interface HubFacilityValues {
  'hub-dir'?: string | undefined;
  file?: string | undefined;
  credentials?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  html?: string | undefined;
}

/**
 * What the facility sets once at the hub and every counter takes (`settings`, `bpjs`), and the
 * facility's days across every counter (`report`). All through the running hub's admin routes.
 */
export async function hubFacilityCommand(what: 'settings' | 'bpjs' | 'report', values: HubFacilityValues, out: Output, lang: Lang): Promise<number> {
  const hub = adminTransport(values['hub-dir']);
  if (what === 'settings') {
    if (!values.file) throw new HubUsageError('usage/hub-settings-needs-file');
    const body = readJson(values.file);
    const saved = await settingsPut(() => hub.requestJson<{ settings: Record<string, unknown>; rev: number } & SettingsSaved>('PUT', '/v1/admin/settings', body), body, lang);
    if (out.json) out.data(saved);
    else for (const line of settingsSavedLines(lang, saved)) out.line(line);
    return 0;
  }
  if (what === 'bpjs') {
    const path = values.credentials ?? process.env.LOKET_BPJS_CREDENTIALS;
    if (!path) throw new HubUsageError('usage/hub-bpjs-needs-credentials');
    const file = readCredentialsFile(path);
    const saved = await hub.requestJson<{ rev: number; use: string }>('PUT', '/v1/admin/bpjs', bpjsForm(file.values));
    if (out.json) out.data(saved);
    else out.line(hubText(lang, 'hub/bpjs-saved', { service: saved.use }));
    return 0;
  }
  const from = checkDate('--from', values.from ?? '', { notFuture: false, command: 'hub' });
  const to = values.to === undefined ? from : checkDate('--to', values.to, { notFuture: false, command: 'hub' });
  const query = `from=${from}&to=${to}`;
  if (values.html) {
    const page = await hub.download(`/admin/register?${query}&lang=${lang}`);
    const chunks: Buffer[] = [];
    for await (const chunk of page) chunks.push(chunk as Buffer);
    writeFileSync(values.html, Buffer.concat(chunks), { mode: 0o600 });
  }
  const days = await hub.getJson<FacilityDays>(`/v1/admin/register?${query}`);
  if (out.json) out.data(days);
  else {
    for (const line of reportLines(lang, from, to, days)) out.line(line);
    if (values.html) out.line(hubText(lang, 'hub/report-page', { file: values.html }));
  }
  return 0;
}

/** The hub's refusal of a setting, worded with the file's value and what the key allows (hub-settings-words.ts). */
async function settingsPut<T>(put: () => Promise<T>, body: unknown, lang: Lang): Promise<T> {
  try {
    return await put();
  } catch (error) {
    if (!(error instanceof HubRefused) || error.code !== 'hub/settings-invalid') throw error;
    const { key, params } = settingsRefusal(lang, error.params, body);
    throw new HubCliFailure(key, params);
  }
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new HubCliFailure('fail/bad-json-file', { path, detail: error instanceof Error ? error.message : String(error) });
  }
}

/** The counter's BPJS form from the credentials file's LOKET_BPJS_* lines (the same names `loket cek --online` reads). */
function bpjsForm(v: Record<string, string>): BpjsSettingsForm {
  const service = v.LOKET_BPJS_SERVICE;
  if (service !== 'vclaim' && service !== 'pcare') throw new HubUsageError('usage/hub-bpjs-service', { value: service ?? '' });
  const filled: BpjsServiceForm = {
    baseUrl: v.LOKET_BPJS_URL ?? '',
    consId: v.LOKET_BPJS_CONS_ID ?? '',
    ...(v.LOKET_BPJS_SECRET ? { secret: v.LOKET_BPJS_SECRET } : {}),
    ...(v.LOKET_BPJS_USER_KEY ? { userKey: v.LOKET_BPJS_USER_KEY } : {}),
    ...(v.LOKET_BPJS_PCARE_USER ? { pcareUser: v.LOKET_BPJS_PCARE_USER } : {}),
    ...(v.LOKET_BPJS_PCARE_PASS ? { pcarePass: v.LOKET_BPJS_PCARE_PASS } : {}),
    ...(v.LOKET_BPJS_PCARE_APP ? { pcareApp: v.LOKET_BPJS_PCARE_APP } : {}),
  };
  // The service not used keeps the counter's defaults, as do the timings.
  const { vclaim, pcare, timeoutSeconds, slowSeconds, probeSeconds } = DEFAULT_BPJS_SETTINGS;
  return {
    use: service,
    vclaim: service === 'vclaim' ? filled : { baseUrl: vclaim.baseUrl, consId: '' },
    pcare: service === 'pcare' ? filled : { baseUrl: pcare.baseUrl, consId: '' },
    timeoutSeconds,
    slowSeconds,
    probeSeconds,
  };
}
