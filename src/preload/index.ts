/**
 * The preload: builds `window.loket` from the contract's method list. Each method is a named
 * function that invokes its own channel; events arrive through `on`. ipcRenderer itself, and
 * the IPC event objects (which carry `sender`), never reach the page.
 *
 * Runs sandboxed, so it is bundled into one CommonJS file (see electron.vite.config.ts).
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES, METHOD_NAMES, channelOf, eventChannelOf, type ContractEvents, type LoketApi } from '../shared/contract';

type EventName = keyof ContractEvents;

function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && (EVENT_NAMES as readonly string[]).includes(value);
}

export function buildLoketApi(): LoketApi {
  const api: Record<string, unknown> = {};
  for (const method of METHOD_NAMES) {
    const channel = channelOf(method);
    // A computed key in an object literal gives the function the method's name.
    api[method] = { [method]: (input: unknown): Promise<unknown> => ipcRenderer.invoke(channel, input) }[method];
  }
  api['on'] = function on(event: unknown, listener: unknown): () => void {
    if (!isEventName(event)) throw new Error(`window.loket.on: unknown event ${JSON.stringify(event)}`);
    if (typeof listener !== 'function') throw new TypeError('window.loket.on: listener must be a function');
    const channel = eventChannelOf(event);
    const forward = (_event: IpcRendererEvent, payload: unknown): void => {
      (listener as (payload: unknown) => void)(payload);
    };
    ipcRenderer.on(channel, forward);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipcRenderer.removeListener(channel, forward);
    };
  };
  return Object.freeze(api) as unknown as LoketApi;
}

contextBridge.exposeInMainWorld('loket', buildLoketApi());
