import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { App, BrowserWindow, IpcMainInvokeEvent } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';

/** A fake of the Electron surface window.ts touches: BrowserWindow, its webContents and session. */
const fake = vi.hoisted(() => {
  // Runs before imports are bound, so a minimal emitter of its own rather than node:events.
  type Fn = (...args: unknown[]) => void;
  class Emitter {
    private readonly listeners = new Map<string, Fn[]>();
    on(name: string, fn: Fn) {
      this.listeners.set(name, [...(this.listeners.get(name) ?? []), fn]);
      return this;
    }
    once(name: string, fn: Fn) {
      const wrapped: Fn = (...args) => {
        this.listeners.set(name, (this.listeners.get(name) ?? []).filter((f) => f !== wrapped));
        fn(...args);
      };
      return this.on(name, wrapped);
    }
    emit(name: string, ...args: unknown[]) {
      const list = this.listeners.get(name) ?? [];
      for (const fn of [...list]) fn(...args);
      return list.length > 0;
    }
    listenerCount(name: string) {
      return this.listeners.get(name)?.length ?? 0;
    }
  }

  class FakeSession {
    permissionRequestHandler: ((...args: unknown[]) => void) | null = null;
    permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
    headersListener: ((details: unknown, callback: (response: unknown) => void) => void) | null = null;
    setPermissionRequestHandler(handler: (...args: unknown[]) => void) {
      this.permissionRequestHandler = handler;
    }
    setPermissionCheckHandler(handler: (...args: unknown[]) => boolean) {
      this.permissionCheckHandler = handler;
    }
    webRequest = {
      onHeadersReceived: (listener: (details: unknown, callback: (response: unknown) => void) => void) => {
        this.headersListener = listener;
      },
    };
  }

  class FakeWebContents extends Emitter {
    url = '';
    windowOpenHandler: ((details: unknown) => unknown) | null = null;
    mainFrame = { processId: 7, routingId: 1, parent: null, url: '' };
    constructor(readonly session: FakeSession) {
      super();
    }
    setWindowOpenHandler(handler: (details: unknown) => unknown) {
      this.windowOpenHandler = handler;
    }
    getURL() {
      return this.url;
    }
    isDestroyed() {
      return false;
    }
  }

  const defaultSession = new FakeSession();
  const windows: FakeBrowserWindow[] = [];

  class FakeBrowserWindow extends Emitter {
    webContents: FakeWebContents;
    shown = false;
    loaded: { kind: 'url' | 'file'; target: string } | null = null;
    constructor(readonly options: Record<string, unknown>) {
      super();
      this.webContents = new FakeWebContents(defaultSession);
      windows.push(this);
    }
    show() {
      this.shown = true;
    }
    isDestroyed() {
      return false;
    }
    async loadURL(url: string) {
      this.loaded = { kind: 'url', target: url };
      this.webContents.url = url;
    }
    async loadFile(path: string) {
      this.loaded = { kind: 'file', target: path };
      this.webContents.url = `file://${path}`;
    }
  }

  return { FakeBrowserWindow, FakeWebContents, FakeSession, defaultSession, windows };
});

vi.mock('electron', () => ({
  BrowserWindow: fake.FakeBrowserWindow,
  session: { defaultSession: fake.defaultSession },
  app: { isPackaged: true },
}));

const { createMainWindow, hardenWebContents, installGlobalHardening, SECURE_WEB_PREFERENCES, secureWindowOptions, contentSecurityPolicy } = await import('../../../src/main/window');
const { createSenderCheck } = await import('../../../src/main/trusted-sender');
const { rendererTarget, isRendererUrl } = await import('../../../src/main/renderer-location');

type FakeWindow = InstanceType<typeof fake.FakeBrowserWindow>;
const indexHtml = '/opt/Loket/resources/app.asar/out/renderer/index.html';
const appTarget = { kind: 'app', url: 'app://loket/index.html', dir: '/opt/Loket/resources/app.asar/out/renderer' } as const;
const ourUrl = 'app://loket/index.html';

function openWindow(): FakeWindow {
  createMainWindow({ isPackaged: true, target: appTarget, preloadPath: '/opt/Loket/preload.js' });
  const win = fake.windows.at(-1);
  if (!win) throw new Error('no window');
  return win;
}

/** Emits an Electron-style event with preventDefault and reports whether it was prevented. */
function fire(target: { emit(name: string, ...args: unknown[]): unknown }, name: string, ...args: unknown[]): boolean {
  let prevented = false;
  const event = { preventDefault: () => (prevented = true), ...(typeof args[0] === 'object' && args[0] !== null && !Array.isArray(args[0]) ? (args.shift() as object) : {}) };
  target.emit(name, event, ...args);
  return prevented;
}

beforeEach(() => {
  fake.windows.length = 0;
});

describe('createMainWindow', () => {
  it('creates a 1280x800 (min 1024x700) window titled Loket, hidden until ready', () => {
    const win = openWindow();
    expect(win.options).toMatchObject({ width: 1280, height: 800, minWidth: 1024, minHeight: 700, title: 'Loket', show: false });
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('sets the hardened webPreferences and the preload', () => {
    const prefs = openWindow().options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, preload: '/opt/Loket/preload.js' });
    expect(prefs).toMatchObject({ nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, allowRunningInsecureContent: false, webviewTag: false });
  });

  it('loads the built renderer from app://loket when packaged, never from file://', () => {
    expect(openWindow().loaded).toEqual({ kind: 'url', target: 'app://loket/index.html' });
  });

  it('loads the dev server URL when given one', () => {
    createMainWindow({ isPackaged: false, target: { kind: 'url', url: 'http://localhost:5173/' }, preloadPath: '/p.js' });
    expect(fake.windows.at(-1)?.loaded).toEqual({ kind: 'url', target: 'http://localhost:5173/' });
  });

  it('denies window.open', () => {
    const win = openWindow();
    expect(win.webContents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    expect(win.webContents.windowOpenHandler?.({ url: `file://${indexHtml}` })).toEqual({ action: 'deny' });
  });

  it('denies navigation away from the page, allows the same URL', () => {
    const contents = openWindow().webContents;
    expect(fire(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(fire(contents, 'will-navigate', contents.getURL())).toBe(false);
    expect(fire(contents, 'will-redirect', 'https://evil.example/')).toBe(true);
    expect(fire(contents, 'will-frame-navigate', { isMainFrame: false, url: 'https://evil.example/' })).toBe(true);
    expect(fire(contents, 'will-attach-webview', {}, {})).toBe(true);
  });

  it('denies every permission request and check', () => {
    openWindow();
    const ses = fake.defaultSession;
    for (const permission of ['media', 'notifications', 'clipboard-read', 'geolocation', 'openExternal']) {
      const callback = vi.fn();
      ses.permissionRequestHandler?.({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(ses.permissionCheckHandler?.({}, permission, 'file://', {})).toBe(false);
    }
  });

  it('adds the CSP response header', () => {
    openWindow();
    const callback = vi.fn();
    fake.defaultSession.headersListener?.({ responseHeaders: { 'X-Other': ['1'] } }, callback);
    const headers = (callback.mock.calls[0]?.[0] as { responseHeaders: Record<string, string[]> }).responseHeaders;
    expect(headers['X-Other']).toEqual(['1']);
    const csp = headers['Content-Security-Policy']?.[0] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("object-src 'none'");
  });

  it('only the dev CSP allows the inline React preamble and the HMR socket', () => {
    expect(contentSecurityPolicy(true)).toMatch(/script-src 'self' 'unsafe-inline'/);
    expect(contentSecurityPolicy(true)).toContain('ws://localhost:*');
    expect(contentSecurityPolicy(false)).not.toContain('ws:');
  });
});

describe('hardening helpers', () => {
  it('secureWindowOptions forces the secure preferences over the caller', () => {
    const options = secureWindowOptions({ webPreferences: { sandbox: false, nodeIntegration: true, contextIsolation: false, webSecurity: false, preload: '/x.js' } });
    expect(options.webPreferences).toEqual({ ...SECURE_WEB_PREFERENCES, preload: '/x.js' });
  });

  it('installGlobalHardening hardens every webContents the app creates', () => {
    const app = new EventEmitter();
    installGlobalHardening(app as unknown as App);
    const contents = new fake.FakeWebContents(new fake.FakeSession());
    app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({})).toEqual({ action: 'deny' });
    expect(fire(contents, 'will-navigate', 'https://evil.example/')).toBe(true);
    // Hardening twice adds no second set of listeners.
    hardenWebContents(contents as never);
    expect(contents.listenerCount('will-navigate')).toBe(1);
  });
});

describe('renderer location and the sender check', () => {
  it('uses the dev server only when not packaged', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(rendererTarget(false, env, '/app/out/main')).toEqual({ kind: 'url', url: 'http://localhost:5173' });
    expect(rendererTarget(true, env, '/app/out/main')).toEqual({ kind: 'app', url: 'app://loket/index.html', dir: join('/app/out/renderer') });
    expect(rendererTarget(false, { ELECTRON_RENDERER_URL: 'javascript:alert(1)' }, '/app/out/main').kind).toBe('app');
  });

  it('recognizes our page and nothing else', () => {
    const app = appTarget;
    expect(isRendererUrl(ourUrl, app)).toBe(true);
    expect(isRendererUrl(`${ourUrl}#/lookup?x=1`, app)).toBe(true);
    expect(isRendererUrl('app://loket/assets/other.html', app)).toBe(false);
    expect(isRendererUrl('app://evil/index.html', app)).toBe(false);
    expect(isRendererUrl(pathToFileURL(indexHtml).href, app)).toBe(false);
    expect(isRendererUrl('https://evil.example/', app)).toBe(false);
    expect(isRendererUrl('about:blank', app)).toBe(false);
    expect(isRendererUrl('not a url', app)).toBe(false);
    const dev = { kind: 'url', url: 'http://localhost:5173/' } as const;
    expect(isRendererUrl('http://localhost:5173/index.html', dev)).toBe(true);
    expect(isRendererUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isRendererUrl('http://127.0.0.1:5173/', dev)).toBe(false);
  });

  it('trusts only the top frame of our window showing our page', () => {
    const win = openWindow();
    const target = appTarget;
    const check = createSenderCheck(() => win as unknown as BrowserWindow, target);
    const top = { ...win.webContents.mainFrame, url: ourUrl };
    const ev = (frame: unknown, sender: unknown = win.webContents) => ({ senderFrame: frame, sender }) as unknown as IpcMainInvokeEvent;

    expect(check(ev(top))).toBe(true);
    expect(check(ev(null))).toBe(false);
    expect(check(ev({ ...top, url: 'https://evil.example/' }))).toBe(false);
    expect(check(ev({ ...top, parent: top, routingId: 2 }))).toBe(false); // an iframe
    expect(check(ev({ ...top, routingId: 99 }))).toBe(false);
    expect(check(ev(top, new fake.FakeWebContents(new fake.FakeSession())))).toBe(false); // another webContents
    expect(createSenderCheck(() => undefined, target)(ev(top))).toBe(false);
  });
});
