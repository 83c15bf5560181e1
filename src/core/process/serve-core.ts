/**
 * The core process's work: open the core when the main process says `start`, then answer
 * contract calls through the same `dispatch` the harness and the IPC use, and pass the core's
 * events on. Transport-free: core-process.ts gives it a MessagePort or Node's IPC.
 */
import { EVENT_NAMES } from '../../shared/contract';
import { createCore, type Core } from '../core';
import { dispatch } from '../dispatch';
import { toErrorPayload } from '../errors';
import { planRestore } from '../security/restore-plan';
import { runRestore } from '../store/restore-run';
import { HostAsker, hostDialogs, hostPrinter, hostSecretBox } from './host-proxies';
import type { Channel, CoreProcessConfig, CoreToHost, HostToCore } from './protocol';

export function serveCore(channel: Channel<CoreToHost, HostToCore>, exit: (code: number) => void): void {
  let core: Core | undefined;
  const asker = new HostAsker((id, request) => channel.post({ t: 'ask', id, request }));

  const start = (config: CoreProcessConfig): void => {
    try {
      const { secretBox, printer, dialogs, ...plain } = config;
      core = createCore({
        ...plain,
        ...(secretBox === 'os' ? { secretBox: hostSecretBox(asker) } : {}),
        ...(printer ? { printer: hostPrinter(asker) } : {}),
        ...(dialogs ? { dialogs: hostDialogs(asker) } : {}),
      });
    } catch (error) {
      const payload = toErrorPayload(error);
      channel.post({ t: 'failed', message: error instanceof Error ? error.message : String(error), error: { code: payload.key, params: payload.params } });
      return;
    }
    for (const name of EVENT_NAMES) core.events.on(name, (payload) => channel.post({ t: 'event', name, payload }));
    channel.post({ t: 'ready', pid: process.pid });
  };

  channel.onMessage((message) => {
    switch (message.t) {
      case 'start':
        if (!core) start(message.config);
        return;
      case 'call':
        if (!core) return channel.post({ t: 'result', id: message.id, result: { ok: false, error: { code: 'internal', params: { detail: 'core not started' } } } });
        void dispatch(core, message.method, message.input).then((result) => channel.post({ t: 'result', id: message.id, result }));
        return;
      case 'reply':
        asker.settle(message);
        return;
      case 'plan-restore':
        if (!core) return channel.post({ t: 'restore-plan', id: message.id, result: { ok: false, error: { code: 'internal', params: { detail: 'core not started' } } } });
        void planRestore(core, message.input).then((result) => channel.post({ t: 'restore-plan', id: message.id, result }));
        return;
      case 'restore':
        // Only a process that never opened the database restores: nothing of it may hold the files.
        if (core) return channel.post({ t: 'restored', id: message.id, result: { ok: false, error: { code: 'restore/in-use', params: { path: message.run.dbPath } } } });
        return channel.post({ t: 'restored', id: message.id, result: runRestore(message.run) });
      case 'stop':
        try {
          core?.close();
        } finally {
          exit(0);
        }
    }
  });
}
