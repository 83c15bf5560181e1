/**
 * Where the edition writer hands each batch of members once it has written them (names-aside.ts):
 * to a thread of its own that makes their name keys and fills the name index with them, so
 * neither costs the writer's thread anything; or, without that thread (in-process imports: the
 * CLI's, the tests'), to the same index filled on the writer's own thread. The batch goes as it
 * came from the reader (packed-members.ts), its buffers moved, not copied: the keys used to be
 * made on the writer's thread and joined into one text for the trip, ~12 % of that thread's time.
 */
import { Worker } from 'node:worker_threads';
import { errorFromPayload, type ErrorPayload } from '../errors';
import { transferablesOfKeys, type TakenKeys } from './key-tables';
import { NameIndexBuilder, removeNamesStaging, type NamesJob } from './names-aside';
import { transferablesOf, type PackedMembers } from './packed-members';

export interface NameSink {
  readonly job: NamesJob;
  /** A batch of members, the first with id `firstId`. The sink owns it from here: its buffers may be moved to another thread. */
  add(members: PackedMembers, firstId: number): void;
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
export type ToNamesWorker = { type: 'members'; members: PackedMembers; firstId: number } | { type: 'end'; cards: TakenKeys };
export type FromNamesWorker = { type: 'taken' } | { type: 'names-built'; sharedCards: (string | number)[] } | { type: 'error'; error: ErrorPayload };

/** Batches sent and not yet inserted by the names thread, at most. */
const IN_FLIGHT = 8;

export function inlineNameSink(job: NamesJob): NameSink {
  const builder = new NameIndexBuilder(job);
  return {
    job,
    add: (members, firstId) => builder.insertMembers(members, firstId),
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
    worker.postMessage(message, message.type === 'members' ? transferablesOf(message.members) : transferablesOfKeys(message.cards));
  return {
    job,
    add: (members, firstId) => {
      inFlight++;
      post({ type: 'members', members, firstId });
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
