import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { METHOD_NAMES, channelOf, eventChannelOf, type LoketApi } from '../../../src/shared/contract';

/** Fake contextBridge and ipcRenderer: record what the preload exposes and sends. */
const fake = vi.hoisted(() => {
  type Listener = (event: unknown, ...args: unknown[]) => void;
  const exposed = new Map<string, unknown>();
  const listeners = new Map<string, Set<Listener>>();
  const ipcRenderer = {
    invoke: vi.fn(async (channel: string, input: unknown) => ({ ok: true, value: { channel, input } })),
    on: vi.fn((channel: string, listener: Listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(listener);
      return ipcRenderer;
    }),
    removeListener: vi.fn((channel: string, listener: Listener) => {
      listeners.get(channel)?.delete(listener);
      return ipcRenderer;
    }),
    send: vi.fn(),
    sendSync: vi.fn(),
  };
  const contextBridge = {
    exposeInMainWorld: vi.fn((key: string, api: unknown) => {
      exposed.set(key, api);
    }),
  };
  /** What main's webContents.send would do: call each listener with an event and the payload. */
  const emit = (channel: string, payload: unknown) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: ipcRenderer, ports: [] }, payload);
  };
  return { exposed, listeners, ipcRenderer, contextBridge, emit };
});

vi.mock('electron', () => ({ contextBridge: fake.contextBridge, ipcRenderer: fake.ipcRenderer }));

let api: LoketApi;

beforeAll(async () => {
  await import('../../../src/preload/index');
  api = fake.exposed.get('loket') as LoketApi;
});

beforeEach(() => {
  fake.ipcRenderer.invoke.mockClear();
});

describe('preload', () => {
  it('exposes exactly one object, window.loket', () => {
    expect(fake.contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
    expect([...fake.exposed.keys()]).toEqual(['loket']);
  });

  it('window.loket has exactly the contract methods plus on, all functions', () => {
    expect(Object.keys(api).sort()).toEqual([...METHOD_NAMES, 'on'].sort());
    for (const key of Object.keys(api)) expect(typeof (api as unknown as Record<string, unknown>)[key]).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('never exposes ipcRenderer or its methods', () => {
    const values = Object.values(api as unknown as Record<string, unknown>);
    expect(values).not.toContain(fake.ipcRenderer);
    for (const fn of Object.values(fake.ipcRenderer)) expect(values).not.toContain(fn);
    expect(Object.keys(api)).not.toContain('invoke');
    expect(Object.keys(api)).not.toContain('send');
  });

  it('each method invokes its own channel with the input, and returns the result', async () => {
    for (const method of METHOD_NAMES) {
      const input = { probe: method };
      const call = (api as unknown as Record<string, (input: unknown) => Promise<unknown>>)[method];
      expect(call?.name).toBe(method);
      const result = await call?.(input);
      expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(channelOf(method), input);
      expect(result).toEqual({ ok: true, value: { channel: channelOf(method), input } });
    }
    expect(fake.ipcRenderer.invoke).toHaveBeenCalledTimes(METHOD_NAMES.length);
  });

  it('passes a single argument, even when the page passes more', async () => {
    await (api.listLists as unknown as (...args: unknown[]) => Promise<unknown>)(undefined, 'extra', { evil: true });
    expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith('loket:listLists', undefined);
  });

  it('on() subscribes on the event channel, hands over only the payload, and unsubscribes', () => {
    const listener = vi.fn();
    const off = api.on('importProgress', listener);
    const channel = eventChannelOf('importProgress');
    expect(fake.ipcRenderer.on).toHaveBeenLastCalledWith(channel, expect.any(Function));
    const payload = { list: 'PBI', phase: 'reading', rowsRead: 5, percent: 1 };
    fake.emit(channel, payload);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(listener.mock.calls[0]).toEqual([payload]); // not the IpcRendererEvent (it carries `sender`)
    off();
    off();
    expect(fake.ipcRenderer.removeListener).toHaveBeenCalledTimes(1);
    fake.emit(channel, payload);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(fake.listeners.get(channel)?.size ?? 0).toBe(0);
  });

  it('on() refuses unknown events and non-function listeners', () => {
    const on = api.on as unknown as (event: unknown, listener: unknown) => () => void;
    expect(() => on('loket:lookup', () => {})).toThrow(/unknown event/);
    expect(() => on('__proto__', () => {})).toThrow(/unknown event/);
    expect(() => on('importProgress', 'nope')).toThrow(/listener/);
  });
});
