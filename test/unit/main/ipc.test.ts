import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_NAMES, METHOD_NAMES, channelOf, eventChannelOf, type ContractEvents, type Result } from '../../../src/shared/contract';
import type { ImportProgress, ListSummary } from '../../../src/shared/lists';
import { formatContractError } from '../../../src/shared/i18n/format-error';
import { createCore, type Core } from '../../../src/core/core';
import { registerIpc, type EventSink, type IpcMainLike } from '../../../src/main/ipc';
import { inProcessClient } from '../../helpers/in-process-client';

type Handler = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

/** ipcMain as far as registration uses it: a map of channel -> handler. */
function fakeIpcMain(): IpcMainLike & { handlers: Map<string, Handler> } {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle(channel: string, listener: Handler) {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler(channel: string) {
      handlers.delete(channel);
    },
  } as IpcMainLike & { handlers: Map<string, Handler> };
}

const summary: ListSummary = {
  name: 'PBI APBN',
  kind: 'pbi-apbn',
  edition: 2,
  asOf: '2025-01-01',
  importedAt: '2025-01-02T00:00:00.000Z',
  sourceFile: 'pbi.csv',
  sourceSha256: 'x',
  members: 3,
  stale: false,
  ageDays: 1,
  previousEdition: 1,
};

/** A small stand-in core: the IPC layer only needs the methods and `events`. */
function fakeCore() {
  const emitter = new EventEmitter();
  const calls: { method: string; input: unknown }[] = [];
  const core = {
    events: {
      emit<E extends keyof ContractEvents>(event: E, payload: ContractEvents[E]) {
        emitter.emit(event, payload);
      },
      on<E extends keyof ContractEvents>(event: E, listener: (payload: ContractEvents[E]) => void) {
        emitter.on(event, listener);
        return () => emitter.off(event, listener);
      },
    },
    db: undefined,
    // Signed in as an administrator: these tests are about the IPC, not the access check.
    caller: () => ({ phase: 'signed-in', role: 'admin' }),
    async lookup(input: unknown) {
      calls.push({ method: 'lookup', input });
      return { query: 'x', kind: 'nik', verdict: 'unknown', matches: [], problem: null, tookMs: 0 };
    },
    async listLists(input: unknown) {
      calls.push({ method: 'listLists', input });
      return [summary];
    },
    async importList(input: unknown) {
      calls.push({ method: 'importList', input });
      throw new Error('disk on fire');
    },
    async rollbackList(input: unknown) {
      calls.push({ method: 'rollbackList', input });
      return summary;
    },
    close() {},
  };
  return { core: core as unknown as Core, calls, emitter };
}

const event = {} as IpcMainInvokeEvent;
const trusted = () => true;

async function invoke(ipc: ReturnType<typeof fakeIpcMain>, method: string, input: unknown, ev = event): Promise<Result<unknown>> {
  const handler = ipc.handlers.get(`loket:${method}`);
  if (!handler) throw new Error(`no handler for ${method}`);
  return (await handler(ev, input)) as Result<unknown>;
}

describe('registerIpc', () => {
  it('registers exactly one handler per contract method, on its channel', () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc, inProcessClient(fakeCore().core), trusted);
    expect([...ipc.handlers.keys()].sort()).toEqual(METHOD_NAMES.map(channelOf).sort());
  });

  it('runs a valid call through the core and returns ok with its value', async () => {
    const ipc = fakeIpcMain();
    const { core, calls } = fakeCore();
    registerIpc(ipc, inProcessClient(core), trusted);
    expect(await invoke(ipc, 'listLists', undefined)).toEqual({ ok: true, value: [summary] });
    expect(await invoke(ipc, 'lookup', { query: '  3171234567890001 ' })).toMatchObject({ ok: true });
    // The core sees the parsed input (trimmed by the schema), not the raw one.
    expect(calls.find((c) => c.method === 'lookup')?.input).toEqual({ query: '3171234567890001' });
  });

  it('rejects invalid input with invalid-input before the core sees it', async () => {
    const ipc = fakeIpcMain();
    const { core, calls } = fakeCore();
    registerIpc(ipc, inProcessClient(core), trusted);
    for (const bad of [undefined, null, 42, { query: '' }, { query: 'x', dob: '01-02-2020' }]) {
      const result = await invoke(ipc, 'lookup', bad);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe('invalid-input');
    }
    const rollback = await invoke(ipc, 'rollbackList', { list: 42 });
    expect(rollback).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(calls).toEqual([]);
  });

  it('turns a throwing core method into ok:false, never a rejection', async () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc, inProcessClient(fakeCore().core), trusted);
    const result = await invoke(ipc, 'importList', { file: 'A'.repeat(22), list: 'PBI', kind: 'pbi-apbn', asOf: '2025-01-01' });
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
  });

  it('refuses untrusted senders with forbidden and does not call the core', async () => {
    const ipc = fakeIpcMain();
    const { core, calls } = fakeCore();
    const check = vi.fn((_e: IpcMainInvokeEvent) => false);
    registerIpc(ipc, inProcessClient(core), check);
    for (const method of METHOD_NAMES) {
      const result = await invoke(ipc, method, { query: 'x', list: 'x' });
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      // No words from the shell: the caller words the code in its language.
      if (!result.ok) expect(formatContractError('en', result.error)).toMatch(/main window/);
    }
    expect(check).toHaveBeenCalledTimes(METHOD_NAMES.length);
    expect(check.mock.calls[0]?.[0]).toBe(event);
    expect(calls).toEqual([]);
  });

  it('treats a sender check that throws as a refusal', async () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc, inProcessClient(fakeCore().core), () => {
      throw new Error('frame gone');
    });
    expect(await invoke(ipc, 'listLists', undefined)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('forwards core events to the window on their event channel', () => {
    const ipc = fakeIpcMain();
    const { core } = fakeCore();
    const sent: [string, unknown][] = [];
    const sink: EventSink = { send: (channel, payload) => sent.push([channel, payload]), isDestroyed: () => false };
    registerIpc(ipc, inProcessClient(core), trusted, () => sink);
    const progress: ImportProgress = { list: 'PBI', phase: 'reading', rowsRead: 10, percent: 5 };
    core.events.emit('importProgress', progress);
    expect(sent).toEqual([[eventChannelOf('importProgress'), progress]]);
    expect(EVENT_NAMES).toContain('importProgress');
  });

  it('does not send to a destroyed or missing window', () => {
    const ipc = fakeIpcMain();
    const { core } = fakeCore();
    const send = vi.fn();
    let sink: EventSink | undefined = { send, isDestroyed: () => true };
    registerIpc(ipc, inProcessClient(core), trusted, () => sink);
    core.events.emit('importProgress', { list: 'PBI', phase: 'done', rowsRead: 1, percent: 100 });
    sink = undefined;
    core.events.emit('importProgress', { list: 'PBI', phase: 'done', rowsRead: 1, percent: 100 });
    expect(send).not.toHaveBeenCalled();
  });

  it('the disposer removes every handler and event listener', () => {
    const ipc = fakeIpcMain();
    const { core, emitter } = fakeCore();
    const dispose = registerIpc(ipc, inProcessClient(core), trusted, () => ({ send: () => {}, isDestroyed: () => false }));
    expect(emitter.listenerCount('importProgress')).toBe(1);
    dispose();
    dispose(); // idempotent
    expect(ipc.handlers.size).toBe(0);
    expect(emitter.listenerCount('importProgress')).toBe(0);
    // Registering again works (no "second handler" error).
    registerIpc(ipc, inProcessClient(core), trusted);
    expect(ipc.handlers.size).toBe(METHOD_NAMES.length);
  });
});

/** The same registration over the real core on a temp SQLite file. */
describe('registerIpc over the real core', () => {
  let dir = '';
  let core: Core | undefined;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'loket-ipc-'));
    core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, actor: { username: 'ani', role: 'admin' } });
  });
  afterAll(() => {
    core?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('answers listLists, validates lookup and reports an unknown list', async () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc, inProcessClient(core as Core), trusted);
    expect(await invoke(ipc, 'listLists', undefined)).toEqual({ ok: true, value: [] });
    expect(await invoke(ipc, 'lookup', { query: '' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await invoke(ipc, 'rollbackList', { list: 'Tidak Ada' })).toMatchObject({ ok: false, error: { code: 'unknown-list' } });
  });

  it('refuses a raw path where the file methods take a handle', async () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc, inProcessClient(core as Core), trusted);
    const list = { list: 'PBI', kind: 'pbi-apbn', asOf: '2025-01-01' };
    for (const [method, input] of [
      ['importList', { path: '/etc/passwd', ...list }],
      ['importList', { file: '/etc/passwd', ...list }],
      ['inspectListFile', { path: '/etc/passwd' }],
      ['inspectListFile', { file: '..\\..\\loket.db' }],
      ['exportImportIssues', { list: 'PBI', path: '/home/loket/.bashrc' }],
      ['exportReport', { report: 'register', from: '2025-01-01', to: '2025-01-01', format: 'csv', path: '/tmp/x.csv' }],
      ['exportSlipPdf', { visitId: 1, file: 'C:/Windows/win.ini' }],
      ['exportBridgeLog', { format: 'csv', file: '/etc/cron.d/x' }],
    ] as const) {
      expect(await invoke(ipc, method, input), method).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
  });

  it('has no channel that registers a path: registerFile and registerTypedPath never cross IPC', () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc, inProcessClient(core as Core), trusted);
    const channels = [...ipc.handlers.keys()];
    expect(channels.filter((c) => /registerFile|registerTypedPath|TypedPath/i.test(c))).toEqual([]);
    expect(METHOD_NAMES).not.toContain('registerFile');
    expect(METHOD_NAMES).not.toContain('registerTypedPath');
    expect(typeof (core as Core).registerFile).toBe('function');
  });

  it("a file the main process registered (a dialog's answer) is used by handle; the window gets no path", async () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc, inProcessClient(core as Core), trusted);
    const target = join(dir, 'register.csv');
    const chosen = (core as Core).registerFile(target, 'save-csv');
    const input = { report: 'register', from: '2025-01-01', to: '2025-01-01', format: 'csv', file: chosen.handle };
    const result = await invoke(ipc, 'exportReport', input);
    expect(result).toEqual({ ok: true, value: { name: 'register.csv', rows: 0 } });
    expect(JSON.stringify(result)).not.toContain(dir);
    expect(await invoke(ipc, 'pickFile', { purpose: 'open-list' })).toEqual({ ok: true, value: { file: null } });
  });
});
