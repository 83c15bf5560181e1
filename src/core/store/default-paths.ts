import { homedir } from 'node:os';
import { join } from 'node:path';

/** The app's product name: Electron derives its userData folder from it. */
export const PRODUCT_NAME = 'Loket';

/**
 * Where the app keeps its database, computed as Electron's app.getPath('userData') does, so
 * the `loket` command and the desktop app find the same file without Electron loaded.
 */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', PRODUCT_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), PRODUCT_NAME);
}

export const defaultDbPath = (): string => process.env.LOKET_DB ?? join(defaultDataDir(), 'loket.db');
