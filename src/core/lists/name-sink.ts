/**
 * Where the edition writer hands each member's name keys while the rows load (names-aside.ts):
 * to a thread of its own that fills the name index with them, so the index costs the writer's
 * thread nothing; or, without that thread (in-process imports: the CLI's, the tests'), to the
 * same index filled on the writer's own thread.
 */
import { Worker } from 'node:worker_threads';
import { errorFromPayload, type ErrorPayload } from '../errors';
import { transferablesOfKeys, type TakenKeys } from './key-tables';
import { NameIndexBuilder, removeNamesStaging, type NamesJob } from './names-aside';

export interface NameSink {
  readonly job: NamesJob;
  add(id: number, keys: string): void;
  /** Sends what was added since the last flush (once per batch of rows). */
  flush(): void;
  /** Resolves when the keys sent are few enough in flight (memory stays bounded if the other thread lags). */
  caughtUp(): Promise<void>;
  /**
   * No more keys: resolves once the name index and the card table (from `cards`, key-tables.ts)
   * are complete in their file, with the cards found on more than one member.
   */
  finish(cards: TakenKeys): Promise<(string | number)[]>;
  /** The import failed: stop, and no staging file stays. */
  discard(): void;
}

/** Messages to a names worker (the reader worker's script, started with `{ names: job }`). */
export type ToNamesWorker = { type: 'keys'; ids: Int32Array; keys: string } | { type: 'end'; cards: TakenKeys };
export type FromNamesWorker = { type: 'taken' } | { type: 'names-built'; sharedCards: (string | number)[] } | { type: 'error'; error: ErrorPayload };

/** Batches of keys sent and not yet inserted by the names thread, at most. */
const IN_FLIGHT = 8;

/** Keys are ASCII tokens and spaces: a line break never occurs in them. */
export const KEYS_SEPARATOR = '\n';

class Buffered {
  ids: number[] = [];
  keys: string[] = [];
  add(id: number, keys: string): void {
    this.ids.push(id);
    this.keys.push(keys);
  }
  take(): { ids: number[]; keys: string[] } {
    const taken = { ids: this.ids, keys: this.keys };
    this.ids = [];
    this.keys = [];
    return taken;
  }
}

export function inlineNameSink(job: NamesJob): NameSink {
  const builder = new NameIndexBuilder(job);
  const buffer = new Buffered();
  return {
    job,
    add: (id, keys) => buffer.add(id, keys),
    flush: () => {
      const { ids, keys } = buffer.take();
      if (keys.length > 0) builder.insert(ids, keys);
    },
    caughtUp: () => Promise.resolve(),
    finish: async (cards) => builder.finish(cards),
    discard: () => {
      builder.close();
      removeNamesStaging(job);
    },
  };
}

export function workerNameSink(script: string, job: NamesJob): NameSink {
  const worker = new Worker(script, { workerData: { names: job } });
  const buffer = new Buffered();
  let failure: Error | undefined;
  let settle: ((error?: Error, sharedCards?: (string | number)[]) => void) | undefined;
  const done = new Promise<(string | number)[]>((resolve, reject) => {
    settle = (error, sharedCards) => {
      settle = undefined;
      if (error) reject(error);
      else resolve(sharedCards ?? []);
    };
  });
  done.catch(() => undefined); // awaited by finish(); never unhandled if the import fails first
  let inFlight = 0;
  let wake: (() => void) | undefined;
  worker.on('message', (message: FromNamesWorker) => {
    if (message.type === 'taken') {
      inFlight--;
      wake?.();
      wake = undefined;
    } else if (message.type === 'error') settle?.(errorFromPayload(message.error));
    else settle?.(undefined, message.sharedCards);
  });
  worker.on('error', (error) => {
    failure = error;
    settle?.(error);
  });
  worker.on('exit', () => settle?.(failure ?? new Error('the name index builder stopped')));
  const post = (message: ToNamesWorker): void =>
    worker.postMessage(message, message.type === 'keys' ? [message.ids.buffer as ArrayBuffer] : transferablesOfKeys(message.cards));
  return {
    job,
    add: (id, keys) => buffer.add(id, keys),
    flush: () => {
      const { ids, keys } = buffer.take();
      if (keys.length === 0) return;
      inFlight++;
      post({ type: 'keys', ids: Int32Array.from(ids), keys: keys.join(KEYS_SEPARATOR) });
    },
    caughtUp: async () => {
      // Also wakes when the thread fails or stops: finish() then reports why.
      while (inFlight > IN_FLIGHT && settle !== undefined) await Promise.race([new Promise<void>((resolve) => (wake = resolve)), done]);
    },
    finish: (cards) => {
      post({ type: 'end', cards });
      return done;
    },
    discard: () => {
      void worker.terminate().then(() => removeNamesStaging(job));
    },
  };
}
