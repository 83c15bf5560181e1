// BPJS access settings: plain fields as JSON in the settings table, secrets sealed by the
// SecretBox. Nothing here ever hands a secret back to a screen.
import type { BpjsServiceForm, BpjsServiceName, BpjsServiceView, BpjsSettingsForm, BpjsSettingsView } from '../../shared/bpjs';
import type { SecretBox } from '../secrets/secret-box';
import type { Db } from '../store/open-database';
import type { BpjsClientConfig } from './client';

const KEY = 'bpjs';

interface StoredService {
  baseUrl: string;
  consId: string;
  pcareUser: string;
  pcareApp: string;
  /** Sealed by the SecretBox; null when never saved. */
  secret: string | null;
  userKey: string | null;
  pcarePass: string | null;
}

export interface StoredBpjsSettings {
  use: 'off' | BpjsServiceName;
  vclaim: StoredService;
  pcare: StoredService;
  timeoutSeconds: number;
  slowSeconds: number;
  probeSeconds: number;
}

const emptyService = (baseUrl: string): StoredService => ({ baseUrl, consId: '', pcareUser: '', pcareApp: '095', secret: null, userKey: null, pcarePass: null });

/** Production gateways (DOMAIN.md section 6); the development ones end in -dev. */
export const DEFAULT_BPJS_SETTINGS: StoredBpjsSettings = {
  use: 'off',
  vclaim: emptyService('https://apijkn.bpjs-kesehatan.go.id/vclaim-rest'),
  pcare: emptyService('https://apijkn.bpjs-kesehatan.go.id/pcare-rest'),
  timeoutSeconds: 5,
  slowSeconds: 2,
  probeSeconds: 60,
};

export function readBpjsSettings(db: Db): StoredBpjsSettings {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return DEFAULT_BPJS_SETTINGS;
  const saved = JSON.parse(row.value) as Partial<StoredBpjsSettings>;
  return {
    ...DEFAULT_BPJS_SETTINGS,
    ...saved,
    vclaim: { ...DEFAULT_BPJS_SETTINGS.vclaim, ...saved.vclaim },
    pcare: { ...DEFAULT_BPJS_SETTINGS.pcare, ...saved.pcare },
  };
}

/** Merges a form into what is saved: an empty or absent secret keeps the saved one. */
export async function mergeBpjsForm(current: StoredBpjsSettings, form: BpjsSettingsForm, box: SecretBox): Promise<StoredBpjsSettings> {
  const merge = async (saved: StoredService, input: BpjsServiceForm): Promise<StoredService> => {
    const seal = async (value: string | undefined, previous: string | null): Promise<string | null> => (value && value.trim() !== '' ? box.seal(value.trim()) : previous);
    return {
      baseUrl: input.baseUrl.trim().replace(/\/+$/, ''),
      consId: input.consId.trim(),
      pcareUser: input.pcareUser?.trim() ?? saved.pcareUser,
      pcareApp: input.pcareApp?.trim() || saved.pcareApp || '095',
      secret: await seal(input.secret, saved.secret),
      userKey: await seal(input.userKey, saved.userKey),
      pcarePass: await seal(input.pcarePass, saved.pcarePass),
    };
  };
  return {
    use: form.use,
    vclaim: await merge(current.vclaim, form.vclaim),
    pcare: await merge(current.pcare, form.pcare),
    timeoutSeconds: form.timeoutSeconds,
    slowSeconds: form.slowSeconds,
    probeSeconds: form.probeSeconds,
  };
}

export function writeBpjsSettings(db: Db, settings: StoredBpjsSettings): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(settings));
}

export function bpjsSettingsView(settings: StoredBpjsSettings, box: SecretBox): BpjsSettingsView {
  const view = (s: StoredService): BpjsServiceView => ({
    baseUrl: s.baseUrl,
    consId: s.consId,
    pcareUser: s.pcareUser,
    pcareApp: s.pcareApp,
    saved: { secret: s.secret !== null, userKey: s.userKey !== null, pcarePass: s.pcarePass !== null },
  });
  return {
    use: settings.use,
    vclaim: view(settings.vclaim),
    pcare: view(settings.pcare),
    timeoutSeconds: settings.timeoutSeconds,
    slowSeconds: settings.slowSeconds,
    probeSeconds: settings.probeSeconds,
    secretStore: box.kind,
  };
}

/** A field of the BPJS settings, as a code the caller words (`bpjs-field/<code>` in the shared catalog). */
export type BpjsField = 'base-url' | 'cons-id' | 'secret' | 'user-key' | 'pcare-user' | 'pcare-pass';
/** A client configuration, or the fields still missing (the box opens the secrets). */
export type BuiltClientConfig = { ok: true; config: BpjsClientConfig } | { ok: false; missing: BpjsField[] };

export async function clientConfigOf(settings: StoredBpjsSettings, service: BpjsServiceName, box: SecretBox): Promise<BuiltClientConfig> {
  const s = settings[service];
  const missing: BpjsField[] = [];
  if (!/^https?:\/\//i.test(s.baseUrl)) missing.push('base-url');
  if (!s.consId) missing.push('cons-id');
  if (!s.secret) missing.push('secret');
  if (!s.userKey) missing.push('user-key');
  if (service === 'pcare') {
    if (!s.pcareUser) missing.push('pcare-user');
    if (!s.pcarePass) missing.push('pcare-pass');
  }
  if (missing.length > 0) return { ok: false, missing };
  const config: BpjsClientConfig = {
    service,
    baseUrl: s.baseUrl,
    consId: s.consId,
    secret: await box.open(s.secret!),
    userKey: await box.open(s.userKey!),
    timeoutMs: settings.timeoutSeconds * 1000,
  };
  if (service === 'pcare') {
    config.pcareUser = s.pcareUser;
    config.pcarePass = await box.open(s.pcarePass!);
    config.pcareApp = s.pcareApp || '095';
  }
  return { ok: true, config };
}
