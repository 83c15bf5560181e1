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
import { NameIndexBuilder, removeStagingFiles, type NamesJob } from './names-aside';
import { transferablesOf, type PackedMembers } from './packed-members';

export interface NameSink {
  readonly job: NamesJob;
  /** A batch of members, the first with id `firstId`. The sink owns it from here: its buffers may be moved to another thread. */
  add(members: PackedMembers, firstId: number): void;
  /** Resolves when the batches sent are few enough in flight (memory stays bounded if the other thread lags). */
  caughtUp(): Promise<void>;
  /**
   * No more members: the card table (from `cards`, key-tables.ts) is written into its staging
   * file, then the name index finished in its own (names-aside.ts). `cards` resolves with the
   * cards found on more than one member once their table is complete, `names` once the index is.
   */
  finish(cards: TakenKeys): StagedIndexes;
  /** The import failed: stop, and no staging file stays. */
  discard(): void;
}

export interface StagedIndexes {
  cards: Promise<(string | number)[]>;
  names: Promise<void>;
}

/**
 * Messages to a names worker (the reader worker's script, started with `{ names: true }`): its
 * job first, then the batches, then the end.
 */
export type ToNamesWorker = { type: 'job'; job: NamesJob } | { type: 'members'; members: PackedMembers; firstId: number } | { type: 'end'; cards: TakenKeys };
export type FromNamesWorker =
  | { type: 'taken' }
  | { type: 'cards-built'; sharedCards: (string | number)[] }
  | { type: 'names-built' }
  | { type: 'error'; error: ErrorPayload };

/** Batches sent and not yet inserted by the names thread, at most. */
const IN_FLIGHT = 8;

export function inlineNameSink(job: NamesJob): NameSink {
  const builder = new NameIndexBuilder(job);
  return {
    job,
    add: (members, firstId) => builder.insertMembers(members, firstId),
    caughtUp: () => Promise.resolve(),
    finish: (cards) => {
      const written = Promise.resolve().then(() => builder.writeCards(cards));
      const finished = written.then(() => builder.finishNames());
      // Awaited by the writer; never unhandled if the NIK table fails first.
      written.catch(() => undefined);
      finished.catch(() => undefined);
      return { cards: written, names: finished };
    },
    discard: () => {
      builder.close();
      removeStagingFiles(job);
    },
  };
}

/** A promise settled from outside, once. */
function settleable<T>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: Error) => void; settled: () => boolean } {
  let settled = false;
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = (value) => {
      settled = true;
      res(value);
    };
    reject = (error) => {
      settled = true;
      rej(error);
    };
  });
  promise.catch(() => undefined); // awaited by the writer; never unhandled if the import fails first
  return { promise, resolve, reject, settled: () => settled };
}

/** A names worker started before its job is known: see startNamesWorker(). */
export interface NamesWorker {
  /** Hands the thread its job: from here it is the import's name sink. */
  sinkFor(job: NamesJob): NameSink;
  /** The import ended before its edition began: the thread is not needed. */
  cancel(): void;
}

/**
 * Starts the names thread as the import starts, before the edition (and so the job) exists: a
 * thread takes ~0.1–0.25 s to start and load its code, which now overlaps the reader's start
 * and the search for the header. Started once the edition had begun, it lengthened a small
 * import by that much (a 10-row list: 0.47–0.54 s then, 0.42–0.43 s now).
 */
export function startNamesWorker(script: string): NamesWorker {
  const worker = new Worker(script, { workerData: { names: true } });
  const cards = settleable<(string | number)[]>();
  const names = settleable<void>();
  let failure: Error | undefined;
  const fail = (error: Error): void => {
    if (!cards.settled()) cards.reject(error);
    if (!names.settled()) names.reject(error);
  };
  let inFlight = 0;
  let wake: (() => void) | undefined;
  // Listened to from the start: a thread that fails while it loads is reported by finish().
  worker.on('message', (message: FromNamesWorker) => {
    if (message.type === 'taken') {
      inFlight--;
      wake?.();
      wake = undefined;
    } else if (message.type === 'error') fail(errorFromPayload(message.error));
    else if (message.type === 'cards-built') cards.resolve(message.sharedCards);
    else names.resolve();
  });
  worker.on('error', (error) => {
    failure = error;
    fail(error);
  });
  worker.on('exit', () => fail(failure ?? new Error('the name index builder stopped')));
  const post = (message: ToNamesWorker): void =>
    worker.postMessage(message, message.type === 'members' ? transferablesOf(message.members) : message.type === 'end' ? transferablesOfKeys(message.cards) : []);
  return {
    sinkFor: (job) => {
      post({ type: 'job', job });
      return {
        job,
        add: (members, firstId) => {
          inFlight++;
          post({ type: 'members', members, firstId });
        },
        caughtUp: async () => {
          // Also wakes when the thread fails or stops: finish() then reports why.
          while (inFlight > IN_FLIGHT && !names.settled()) await Promise.race([new Promise<void>((resolve) => (wake = resolve)), names.promise]);
        },
        finish: (taken) => {
          post({ type: 'end', cards: taken });
          return { cards: cards.promise, names: names.promise };
        },
        discard: () => {
          void worker.terminate().then(() => removeStagingFiles(job));
        },
      };
    },
    cancel: () => void worker.terminate(),
  };
}
