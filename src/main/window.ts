import {
  BrowserWindow,
  type App,
  type BrowserWindowConstructorOptions,
  type Session,
  type WebContents,
  type WebPreferences,
} from 'electron';
import { join } from 'node:path';
import { contentSecurityPolicy } from './csp';
import { rendererTarget, type RendererTarget } from './renderer-location';

/**
 * Preferences every Loket window gets, whatever the caller asks for: the page runs sandboxed,
 * isolated from the preload, without Node, with same-origin rules on.
 */
export const SECURE_WEB_PREFERENCES = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
} as const satisfies WebPreferences;

export { contentSecurityPolicy };

/** Window options with the secure preferences forced over whatever `options` says. */
export function secureWindowOptions(options: BrowserWindowConstructorOptions = {}): BrowserWindowConstructorOptions {
  return { ...options, webPreferences: { ...options.webPreferences, ...SECURE_WEB_PREFERENCES } };
}

const hardenedSessions = new WeakSet<Session>();

/** Denies every permission (camera, notifications, clipboard API, USB, ...) and adds the CSP header. */
export function hardenSession(session: Session, csp: string): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
}

const hardenedContents = new WeakSet<WebContents>();

/**
 * No new windows, no navigation away from the page (a reload of the same URL is allowed),
 * no sub-frame navigation, no <webview>. Applied to every webContents the app creates.
 */
export function hardenWebContents(contents: WebContents): void {
  if (hardenedContents.has(contents)) return;
  hardenedContents.add(contents);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (url !== contents.getURL()) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (url !== contents.getURL()) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** The one hardening function: every window gets it (createMainWindow and any later window). */
export function hardenWindow(win: BrowserWindow, csp: string): void {
  hardenSession(win.webContents.session, csp);
  hardenWebContents(win.webContents);
}

/** Belt and braces: harden any webContents at all, even one created behind our back. */
export function installGlobalHardening(app: App): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

export interface MainWindowOptions {
  isPackaged: boolean;
  target?: RendererTarget;
  /** out/preload/index.js next to out/main. */
  preloadPath?: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const target = options.target ?? rendererTarget(options.isPackaged);
  const win = new BrowserWindow(
    secureWindowOptions({
      width: 1280,
      height: 800,
      minWidth: 1024,
      minHeight: 700,
      title: 'Loket',
      show: false,
      backgroundColor: '#ffffff',
      autoHideMenuBar: true,
      webPreferences: { preload: options.preloadPath ?? join(__dirname, '..', 'preload', 'index.js'), spellcheck: false },
    }),
  );
  hardenWindow(win, contentSecurityPolicy(target.kind === 'url'));
  win.once('ready-to-show', () => win.show());
  void loadRenderer(win, target);
  return win;
}

async function loadRenderer(win: BrowserWindow, target: RendererTarget): Promise<void> {
  try {
    await win.loadURL(target.url);
  } catch (error) {
    console.error(`Loket: could not load the renderer: ${error instanceof Error ? error.message : String(error)}`);
  }
}
