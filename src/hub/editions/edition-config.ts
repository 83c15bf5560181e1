import { join } from 'node:path';

/** What the editions part of the hub needs to know: where its files live. */
export interface HubEditionsConfig {
  /** The hub's data folder; edition files go to `<dataDir>/editions/`. */
  dataDir: string;
  /** Largest uncompressed edition accepted (bytes); 8 GiB by default. A gzip bomb stops here. */
  maxEditionBytes?: number;
}

export const DEFAULT_MAX_EDITION_BYTES = 8 * 1024 ** 3;
export const editionsFolder = (config: HubEditionsConfig): string => join(config.dataDir, 'editions');
export const storedEditionPath = (config: HubEditionsConfig, fileSha256: string): string => join(editionsFolder(config), `${fileSha256}.db.gz`);
