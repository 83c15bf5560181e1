import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES } from '../../../src/shared/contract';

/** The Electron surface src/main/index.ts uses, faked; each test imports index.ts afresh. */
const fake = vi.hoisted(() => {
  type Fn = (...args: unknown[]) => unknown;
  const state = {
    lock: true,
    appHandlers: new Map<string, Fn[]>(),
    ipcHandlers: new Map<string, Fn>(),
    windows: [] as { options: Record<string, unknown>; handlers: Map<string, Fn[]> }[],
    ready: Promise.resolve(),
    userData: '',
    errorBoxes: [] as [string, string][],
  };
  const on = (map: Map<string, Fn[]>, name: string, fn: Fn) => map.set(name, [...(map.get(name) ?? []), fn]);
  const emit = (map: Map<string, Fn[]>, name: string, ...args: unknown[]) => {
    for (const fn of map.get(name) ?? []) fn(...args);
  };
  const app = {
    isPackaged: false,
    enableSandbox: vi.fn(),
    commandLine: { appendSwitch: vi.fn() },
    requestSingleInstanceLock: vi.fn(() => state.lock),
    quit: vi.fn(),
    exit: vi.fn(),
    setAppUserModelId: vi.fn(),
    whenReady: vi.fn(() => state.ready),
    getPath: vi.fn(() => state.userData),
    getAppPath: vi.fn(() => '/nonexistent-app'),
    on: vi.fn((name: string, fn: Fn) => on(state.appHandlers, name, fn)),
  };
  class BrowserWindow {
    readonly handlers = new Map<string, Fn[]>();
    readonly webContents = {
      session: { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn(), webRequest: { onHeadersReceived: vi.fn() } },
      setWindowOpenHandler: vi.fn(),
      on: vi.fn(),
      getURL: () => '',
      isDestroyed: () => false,
      send: vi.fn(),
    };
    constructor(readonly options: Record<string, unknown>) {
      state.windows.push(this);
    }
    static getAllWindows = () => state.windows;
    on(name: string, fn: Fn) {
      on(this.handlers, name, fn);
      return this;
    }
    once(name: string, fn: Fn) {
      return this.on(name, fn);
    }
    loadFile = vi.fn(async () => {});
    loadURL = vi.fn(async () => {});
  }
  const ipcMain = {
    handle: vi.fn((channel: string, fn: Fn) => state.ipcHandlers.set(channel, fn)),
    removeHandler: vi.fn((channel: string) => state.ipcHandlers.delete(channel)),
  };
  const safeStorage = {
    isAsyncEncryptionAvailable: vi.fn(async () => true),
    getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
    encryptStringAsync: vi.fn(async (plain: string) => Buffer.from(plain, 'utf8').reverse()),
    decryptStringAsync: vi.fn(async (sealed: Buffer) => ({ result: Buffer.from(sealed).reverse().toString('utf8'), shouldReEncrypt: false })),
  };
  const protocol = {
    schemes: [] as unknown[],
    handlers: new Map<string, Fn>(),
    registerSchemesAsPrivileged: vi.fn((schemes: unknown[]) => protocol.schemes.push(...schemes)),
    handle: vi.fn((scheme: string, fn: Fn) => protocol.handlers.set(scheme, fn)),
  };
  const dialog = { showErrorBox: vi.fn((title: string, body: string) => state.errorBoxes.push([title, body])) };
  /**
   * utilityProcess and MessageChannelMain, faked over a real Node child running the real built
   * core process: the port handed to the child becomes the child's IPC channel.
   */
  type Child = import('node:child_process').ChildProcess;
  class FakePort {
    child: Child | undefined;
    peer: FakePort | undefined;
    readonly listeners: Fn[] = [];
    postMessage(message: unknown) {
      // A MessagePort to a process that has gone drops the message, as Electron's does.
      const child = this.peer?.child;
      if (child?.connected) child.send(message as never);
    }
    on(_event: string, listener: Fn) {
      this.listeners.push(listener);
      return this;
    }
    start() {}
  }
  class MessageChannelMain {
    readonly port1 = new FakePort();
    readonly port2 = new FakePort();
    constructor() {
      this.port1.peer = this.port2;
      this.port2.peer = this.port1;
    }
  }
  const children: Child[] = [];
  const utilityProcess = {
    fork: vi.fn((_entry: string) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { fork } = require('node:child_process') as typeof import('node:child_process');
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { join } = require('node:path') as typeof import('node:path');
      const child = fork(join(__dirname, '../../../out/main/core-process.js'), [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(child);
      return {
        postMessage(_message: unknown, ports: FakePort[]) {
          const port = ports[0]!;
          port.child = child;
          // What the child says arrives on the host's end of the channel.
          child.on('message', (data) => {
            for (const listener of port.peer?.listeners ?? []) listener({ data });
          });
        },
        once: (event: string, listener: Fn) => child.once(event === 'exit' ? 'exit' : event, listener),
        kill: () => child.kill('SIGKILL'),
      };
    }),
  };
  return { state, app, BrowserWindow, ipcMain, dialog, safeStorage, protocol, utilityProcess, MessageChannelMain, children, emitApp: (name: string, ...args: unknown[]) => emit(state.appHandlers, name, ...args) };
});

vi.mock('electron', () => ({
  app: fake.app,
  BrowserWindow: fake.BrowserWindow,
  ipcMain: fake.ipcMain,
  dialog: fake.dialog,
  safeStorage: fake.safeStorage,
  protocol: fake.protocol,
  utilityProcess: fake.utilityProcess,
  MessageChannelMain: fake.MessageChannelMain,
}));
vi.mock('electron-updater', () => ({ autoUpdater: { on: vi.fn(), checkForUpdatesAndNotify: vi.fn(async () => null) } }));

let dir = '';

beforeEach(() => {
  vi.resetModules();
  vi.clearAllMocks();
  dir = mkdtempSync(join(tmpdir(), 'loket-main-'));
  Object.assign(fake.state, { lock: true, ready: Promise.resolve(), userData: dir, errorBoxes: [] });
  fake.state.appHandlers.clear();
  fake.state.ipcHandlers.clear();
  fake.state.windows.length = 0;
  fake.protocol.schemes.length = 0;
  fake.protocol.handlers.clear();
  delete process.env['LOKET_DB'];
});

afterEach(async () => {
  await quitMain(); // stops the core process, if one was started
  for (const child of fake.children.splice(0)) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Imports index.ts (which runs it) and waits until it opened a window or gave up. */
async function startMain(): Promise<void> {
  await import('../../../src/main/index');
  await fake.state.ready;
  const started = Date.now();
  while (fake.state.windows.length === 0 && fake.app.exit.mock.calls.length === 0 && fake.app.quit.mock.calls.length === 0) {
    if (Date.now() - started > 15_000) throw new Error('main neither opened a window nor quit');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** will-quit as Electron sends it: main holds the quit until the core process has closed the database. */
async function quitMain(): Promise<{ prevented: boolean }> {
  let prevented = false;
  const quits = fake.app.quit.mock.calls.length;
  fake.emitApp('will-quit', { preventDefault: () => (prevented = true) });
  if (prevented) {
    const started = Date.now();
    while (fake.app.quit.mock.calls.length === quits && Date.now() - started < 10_000) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return { prevented };
}

describe('main lifecycle', () => {
  it('a second instance quits at once and opens nothing', async () => {
    fake.state.lock = false;
    await startMain();
    expect(fake.app.quit).toHaveBeenCalled();
    expect(fake.app.whenReady).not.toHaveBeenCalled();
    expect(fake.state.windows).toHaveLength(0);
  });

  it('on ready: sandbox for all, core on userData/loket.db, IPC for every method, one window', async () => {
    await startMain();
    expect(fake.app.enableSandbox).toHaveBeenCalled();
    expect(fake.app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'id');
    expect(existsSync(join(dir, 'loket.db'))).toBe(true);
    expect([...fake.state.ipcHandlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => `loket:${m}`).sort());
    expect(fake.state.windows).toHaveLength(1);
    expect(fake.state.windows[0]?.options).toMatchObject({ title: 'Loket', webPreferences: { sandbox: true, contextIsolation: true } });
    // The renderer's own origin: app:// registered as standard and secure before ready, served after.
    expect(fake.protocol.schemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) })]);
    expect(fake.protocol.handlers.has('app')).toBe(true);
    const page = (await fake.protocol.handlers.get('app')!({ url: 'app://loket/%2e%2e/package.json', method: 'GET' })) as Response;
    expect(page.status).not.toBe(200); // the URL parser already folds %2e%2e; nothing outside the renderer folder is served
    // BPJS secrets are sealed by the operating system's store.
    const getBpjsSettings = fake.state.ipcHandlers.get('loket:getBpjsSettings');
    expect(fake.safeStorage.isAsyncEncryptionAvailable).toHaveBeenCalled();
    expect(getBpjsSettings).toBeDefined();
  });

  it('LOKET_DB overrides the database path', async () => {
    process.env['LOKET_DB'] = join(dir, 'other', 'custom.db');
    await startMain();
    expect(existsSync(join(dir, 'other', 'custom.db'))).toBe(true);
    expect(existsSync(join(dir, 'loket.db'))).toBe(false);
  });

  it('quits when all windows close (except on macOS) and removes IPC on quit', async () => {
    await startMain();
    fake.emitApp('window-all-closed');
    expect(fake.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1);
    const quits = fake.app.quit.mock.calls.length;
    const { prevented } = await quitMain();
    expect(fake.state.ipcHandlers.size).toBe(0);
    // The quit waited for the core process to close the database, then went on.
    expect(prevented).toBe(true);
    expect(fake.app.quit.mock.calls.length).toBe(quits + 1);
    expect(fake.children.every((c) => c.exitCode === 0)).toBe(true);
  });

  it('a database that cannot be opened shows an error box and exits, without a window', async () => {
    process.env['LOKET_DB'] = join(dir, 'a-directory.db');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'a-directory.db'));
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    await startMain();
    quiet.mockRestore();
    expect(fake.dialog.showErrorBox).toHaveBeenCalledTimes(1);
    expect(fake.state.errorBoxes[0]?.[0]).toMatch(/Loket/);
    expect(fake.app.exit).toHaveBeenCalledWith(1);
    expect(fake.state.windows).toHaveLength(0);
  });
});
