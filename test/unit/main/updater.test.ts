import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

// electron-updater itself must not load here: it requires the real electron.
vi.mock('electron-updater', () => ({ autoUpdater: { checkForUpdatesAndNotify: () => Promise.reject(new Error('real updater used')) } }));

const { checkForUpdates } = await import('../../../src/main/updater');

function fakeUpdater(check: () => Promise<unknown>) {
  const emitter = new EventEmitter();
  const updater = {
    logger: null as unknown,
    on: (event: string, listener: (...args: unknown[]) => void) => {
      emitter.on(event, listener);
      return updater;
    },
    checkForUpdatesAndNotify: vi.fn(check),
  };
  return { updater, emitter };
}

const quietLog = () => ({ info: vi.fn(), warn: vi.fn(), error: vi.fn() });

describe('checkForUpdates', () => {
  it('does nothing in an unpackaged (dev) app', async () => {
    const { updater } = fakeUpdater(async () => null);
    expect(await checkForUpdates({ isPackaged: false, updater: () => updater as never })).toBe(false);
    expect(updater.checkForUpdatesAndNotify).not.toHaveBeenCalled();
  });

  it('checks and notifies when packaged', async () => {
    const { updater } = fakeUpdater(async () => null);
    const log = quietLog();
    expect(await checkForUpdates({ isPackaged: true, log, updater: () => updater as never })).toBe(true);
    expect(updater.checkForUpdatesAndNotify).toHaveBeenCalledTimes(1);
    expect(updater.logger).toBe(log);
  });

  it('logs a failed check (offline) instead of throwing', async () => {
    const { updater } = fakeUpdater(async () => {
      throw new Error('net::ERR_INTERNET_DISCONNECTED');
    });
    const log = quietLog();
    expect(await checkForUpdates({ isPackaged: true, log, updater: () => updater as never })).toBe(false);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('ERR_INTERNET_DISCONNECTED'));
  });

  it("listens for the updater's 'error' event, so an emitted error cannot crash main", async () => {
    const { updater, emitter } = fakeUpdater(async () => null);
    const log = quietLog();
    await checkForUpdates({ isPackaged: true, log, updater: () => updater as never });
    expect(() => emitter.emit('error', new Error('bad signature'))).not.toThrow();
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('bad signature'));
  });

  it('survives an updater that cannot even be created', async () => {
    const log = quietLog();
    const result = await checkForUpdates({
      isPackaged: true,
      log,
      updater: () => {
        throw new Error('app-update.yml missing');
      },
    });
    expect(result).toBe(false);
    expect(log.warn).toHaveBeenCalled();
  });
});
