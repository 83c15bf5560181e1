import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';

/** What a running hub writes into its data folder for the admin commands of the same machine. */
export const hubConfigSchema = z.object({
  urls: z.array(z.string()),
  fingerprint: z.string(),
  /** `Authorization: Admin <adminKey>`: whoever can read this file administers the hub. */
  adminKey: z.string().min(32),
  facility: z.string(),
});
export type HubConfig = z.infer<typeof hubConfigSchema>;

export const HUB_CONFIG_FILE = 'hub.json';

export function readHubConfig(dataDir: string): HubConfig | null {
  const path = join(dataDir, HUB_CONFIG_FILE);
  if (!existsSync(path)) return null;
  return hubConfigSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** The admin key of an earlier start, or a new one (written with the rest of hub.json once the hub listens). */
export function adminKeyFor(dataDir: string): string {
  return readHubConfig(dataDir)?.adminKey ?? randomBytes(32).toString('base64url');
}

/** Writes hub.json (0600). */
export function writeHubConfig(dataDir: string, config: HubConfig): HubConfig {
  const path = join(dataDir, HUB_CONFIG_FILE);
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return config;
}
