/**
 * Electron main: app lifecycle only. Everything the app does lives in the core (plain Node),
 * which runs in its own process (a utilityProcess, see core-host.ts); this file starts it,
 * wires it to the window through the contract's IPC handlers, offers it the main-only services
 * (printing, the OS key store, dialogs), and checks for updates.
 */
import { app, BrowserWindow, dialog, ipcMain, protocol } from 'electron';
import { join } from 'node:path';
import { defaultWorkerScript, secretKeyPath } from '../core/core-paths';
import { registerAppScheme, serveAppScheme } from './app-protocol';
import { CoreHost, CoreStartError } from './core-host';
import { formatMessage, isMessageKey } from '../shared/i18n/messages';
import { contentSecurityPolicy } from './csp';
import { createFileDialogs } from './dialogs';
import { registerIpc } from './ipc';
import { createSlipPrinter } from './printing';
import { createSecretBox } from './secret-box';
import { resolveAppDatabaseKey, sealRestoredKeyFile } from './database-key-store';
import { DatabaseKeyError } from '../core/store/database-key-error';
import { electronNativeBinding } from './native-binding';
import { rendererTarget } from './renderer-location';
import { createSenderCheck } from './trusted-sender';
import { checkForUpdates } from './updater';
import { coreProcessEntry, spawnUtilityCore } from './utility-core';
import { createMainWindow, installGlobalHardening } from './window';

// Every renderer sandboxed, whatever a window's options say. Must precede 'ready'.
app.enableSandbox();
// The renderer's own origin, app://loket (registered before 'ready', served after it).
registerAppScheme(protocol);
// Chromium's own widgets (the date field) follow this locale: day before month, as in Indonesia,
// whatever language the Windows installation speaks.
app.commandLine.appendSwitch('lang', 'id');

if (!app.requestSingleInstanceLock()) {
  // A second Loket on the same database would fight the first for it; the first gets focus instead.
  app.quit();
} else {
  run();
}

function run(): void {
  let core: CoreHost | undefined;
  let mainWindow: BrowserWindow | undefined;
  let disposeIpc: (() => void) | undefined;
  const target = rendererTarget(app.isPackaged);

  installGlobalHardening(app);
  if (process.platform === 'win32') app.setAppUserModelId('id.loket.app'); // update notifications need it

  const openWindow = (): void => {
    mainWindow = createMainWindow({ isPackaged: app.isPackaged, target });
    mainWindow.on('closed', () => {
      mainWindow = undefined;
    });
  };

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app
    .whenReady()
    .then(async () => {
      if (target.kind === 'app') serveAppScheme(protocol, target.dir, contentSecurityPolicy(false));
      const dbPath = process.env['LOKET_DB'] || join(app.getPath('userData'), 'loket.db');
      try {
        const secretBox = await createSecretBox(secretKeyPath(dbPath));
        // The database key, unsealed here (only main reaches the OS store) and handed to the core in its config.
        const databaseKey = await resolveAppDatabaseKey(dbPath, secretBox);
        const entry = coreProcessEntry();
        const base = {
          dbPath,
          nativeBinding: electronNativeBinding(),
          workerScript: defaultWorkerScript(),
          // Sealing with the OS store needs the main process; the key-file box works in the core itself.
          secretBox: secretBox.kind === 'os' ? ('os' as const) : null,
          printer: true,
          dialogs: true,
        };
        core = new CoreHost({
          spawn: () => spawnUtilityCore(entry),
          config: { ...base, ...databaseKey },
          // After a re-key the key file holds the new key: a restarted core reads it again.
          restartConfig: async () => ({ ...base, ...(await resolveAppDatabaseKey(dbPath, secretBox)) }),
          services: { secretBox, printer: createSlipPrinter(), dialogs: createFileDialogs(() => mainWindow) },
          // A restore writes the recovery key beside the data in plain form: sealed again here.
          afterRestore: () => sealRestoredKeyFile(dbPath, secretBox),
        });
        await core.start();
      } catch (error) {
        failStartup(error);
        return;
      }
      disposeIpc = registerIpc(
        ipcMain,
        core,
        createSenderCheck(() => mainWindow, target),
        () => mainWindow?.webContents,
      );
      openWindow();
      void checkForUpdates({ isPackaged: app.isPackaged });
    })
    .catch(failStartup);

  app.on('activate', () => {
    // macOS: clicking the dock icon with no window open brings one back.
    if (core && BrowserWindow.getAllWindows().length === 0) openWindow();
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('will-quit', (event) => {
    disposeIpc?.();
    disposeIpc = undefined;
    const closing = core;
    core = undefined;
    if (!closing) return;
    // Let the core close the database cleanly (it is killed after a few seconds otherwise), then quit.
    event.preventDefault();
    void closing.stop().finally(() => app.quit());
  });
}

/** The database could not be opened: say why in words an IT officer can act on, then quit. */
function failStartup(error: unknown): void {
  // A key problem found before the core started (a sealed key from another Windows account, a missing database) reads the same way.
  const reason =
    error instanceof CoreStartError ? error.reason : error instanceof DatabaseKeyError ? { code: `database/${error.problem}`, params: { path: error.path } } : undefined;
  // Words the IT officer can act on (a wrong key, a newer database), in both languages: no UI language is known yet.
  const detail =
    reason && isMessageKey(reason.code) && reason.code !== 'internal'
      ? `${formatMessage('id', reason.code, reason.params)}\n\n${formatMessage('en', reason.code, reason.params)}`
      : error instanceof Error
        ? error.message
        : String(error);
  console.error('Loket: startup failed', error);
  const abiMismatch = /NODE_MODULE_VERSION|was compiled against a different Node\.js version|better_sqlite3\.node/i.test(detail);
  const hint = abiMismatch
    ? '\n\nModul SQLite tidak cocok dengan versi Electron ini. Pada komputer pengembang, jalankan `npm start` ' +
      '(yang menyiapkan build/electron-native) dengan koneksi internet; pada aplikasi terpasang, pasang ulang Loket.\n' +
      '(The SQLite native module does not match this Electron version: run `npm start` with internet access, or reinstall Loket.)'
    : '';
  dialog.showErrorBox('Loket tidak dapat dimulai', `Basis data tidak dapat dibuka.\n\n${detail}${hint}`);
  app.exit(1);
}
