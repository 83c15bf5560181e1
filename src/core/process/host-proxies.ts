/**
 * Inside the core process: the printer, the secret box and the file dialogs are the main
 * process's. Each call becomes an `ask` message and waits for its `reply`.
 */
import type { Paper } from '../../shared/slip';
import type { FileDialogs } from '../core-types';
import { SecretUnreadableError, type SecretBox } from '../secrets/secret-box';
import type { SlipPrinter } from '../slips/slips';
import type { HostReply, HostRequest } from './protocol';

export class HostAsker {
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  constructor(private readonly send: (id: number, request: HostRequest) => void) {}

  ask(request: HostRequest): Promise<unknown> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.send(id, request);
    });
  }

  settle(reply: HostReply): void {
    const waiter = this.waiting.get(reply.id);
    if (!waiter) return;
    this.waiting.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.value);
    // The secret box's own error keeps its type: the BPJS settings tell "enter the secret again" by it.
    else waiter.reject(reply.name === 'SecretUnreadableError' ? new SecretUnreadableError(reply.message) : new Error(reply.message));
  }
}

export function hostPrinter(asker: HostAsker): SlipPrinter {
  return {
    async print(html, options) {
      await asker.ask({ service: 'print', html, options });
    },
    async toPdf(html, options) {
      // A Buffer arrives as a plain Uint8Array after the structured clone.
      return Buffer.from((await asker.ask({ service: 'toPdf', html, options })) as Uint8Array);
    },
  };
}

export function hostSecretBox(asker: HostAsker): SecretBox {
  return {
    kind: 'os',
    seal: async (plain) => String(await asker.ask({ service: 'seal', plain })),
    open: async (sealed) => String(await asker.ask({ service: 'open', sealed })),
  };
}

export function hostDialogs(asker: HostAsker): FileDialogs {
  return {
    pick: async (purpose, suggestedName) => (await asker.ask({ service: 'pick', purpose, ...(suggestedName ? { suggestedName } : {}) })) as string | null,
  };
}

/** The main process's side: answers one request with its own services. */
export interface HostServices {
  printer?: SlipPrinter;
  secretBox?: SecretBox;
  dialogs?: FileDialogs;
}

export async function answerHostRequest(services: HostServices, request: HostRequest): Promise<unknown> {
  const missing = (what: string): never => {
    throw new Error(`the main process has no ${what}`);
  };
  switch (request.service) {
    case 'print':
      return (services.printer ?? missing('printer')).print(request.html, { ...request.options, paper: request.options.paper as Paper });
    case 'toPdf':
      return (services.printer ?? missing('printer')).toPdf(request.html, { ...request.options, paper: request.options.paper as Paper });
    case 'seal':
      return (services.secretBox ?? missing('secret store')).seal(request.plain);
    case 'open':
      return (services.secretBox ?? missing('secret store')).open(request.sealed);
    case 'pick':
      return (services.dialogs ?? missing('file dialogs')).pick(request.purpose, request.suggestedName);
  }
}
