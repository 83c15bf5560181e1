import { autoUpdater, type AppUpdater } from 'electron-updater';

/** What the update check uses of electron-updater's AppUpdater; tests pass a fake. */
export type UpdaterLike = Pick<AppUpdater, 'checkForUpdatesAndNotify' | 'on'> & { logger: AppUpdater['logger'] };

export interface UpdateLog {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface UpdateCheckOptions {
  isPackaged: boolean;
  log?: UpdateLog;
  /** Defaults to electron-updater's autoUpdater, which reads the app-update.yml electron-builder wrote. */
  updater?: () => UpdaterLike;
}

/**
 * Checks the update feed once and, if there is a newer release, downloads it and shows a
 * system notification; it installs on the next quit. Only a packaged app checks (a dev build
 * has no app-update.yml). A failed check — offline is normal at a puskesmas — is logged and
 * never stops the app: returns false instead of throwing.
 */
export async function checkForUpdates(options: UpdateCheckOptions): Promise<boolean> {
  const log = options.log ?? console;
  if (!options.isPackaged) return false;
  try {
    const updater = (options.updater ?? (() => autoUpdater))();
    updater.logger = log;
    // AppUpdater is an EventEmitter: an 'error' emitted with no listener would throw and crash main.
    updater.on('error', (error: Error) => log.warn(`update check failed: ${error.message}`));
    await updater.checkForUpdatesAndNotify();
    return true;
  } catch (error) {
    log.warn(`update check failed: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
