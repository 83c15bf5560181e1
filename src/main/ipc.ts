import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { EVENT_NAMES, METHOD_NAMES, channelOf, eventChannelOf, type Result } from '../shared/contract';
import type { CoreClient } from './core-host';

/** Where core events go: the main window's webContents (only what we use of it). */
export interface EventSink {
  send(channel: string, payload: unknown): void;
  isDestroyed(): boolean;
}

/** The part of ipcMain registration needs; lets tests pass a fake. */
export type IpcMainLike = Pick<IpcMain, 'handle' | 'removeHandler'>;

/**
 * Registers one `ipcMain.handle` per contract method and forwards core events to the window.
 * Every call is checked against `isTrustedSender` first, then sent to the core (the core
 * process's host in the app), which validates it with the contract and never throws. Returns a
 * disposer that removes the handlers and the event listeners.
 */
export function registerIpc(
  ipcMain: IpcMainLike,
  core: CoreClient,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
  eventSink: () => EventSink | null | undefined = () => undefined,
): () => void {
  const channels: string[] = [];
  for (const method of METHOD_NAMES) {
    const channel = channelOf(method);
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown): Promise<Result<unknown>> => {
      if (!isSenderTrusted(isTrustedSender, event)) {
        // A code like every error: a caller words it in its own language (the catalog's 'forbidden').
        return { ok: false, error: { code: 'forbidden' } };
      }
      return core.call(method, input);
    });
    channels.push(channel);
  }

  const unsubscribers = EVENT_NAMES.map((name) =>
    core.on(name, (payload) => {
      const sink = eventSink();
      if (sink && !sink.isDestroyed()) sink.send(eventChannelOf(name), payload);
    }),
  );

  let disposed = false;
  return () => {
    if (disposed) return;
    disposed = true;
    for (const channel of channels) ipcMain.removeHandler(channel);
    for (const unsubscribe of unsubscribers) unsubscribe();
  };
}

/** A check that throws (e.g. on a half-destroyed frame) counts as a refusal, not a crash. */
function isSenderTrusted(check: (event: IpcMainInvokeEvent) => boolean, event: IpcMainInvokeEvent): boolean {
  try {
    return check(event) === true;
  } catch {
    return false;
  }
}
