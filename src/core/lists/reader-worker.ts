/**
 * Worker-thread entry that reads and validates a list file and streams validated batches to
 * its parent (the import worker), which writes them. Parsing and writing then run on the two
 * cores at once. Credits bound the batches in flight, so memory stays bounded on any file.
 * Started with `{ names }` instead, it builds an import's name index aside (names-aside.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toErrorPayload } from '../errors';
import type { ListField } from './columns';
import { openListFile } from './list-reader';
import { RowValidator, csvFieldsOf } from './row-validator';
import { NameIndexBuilder } from './names-aside';
import type { FromNamesWorker, ToNamesWorker } from './name-sink';
import { transferablesOf } from './packed-members';
import { BATCH_ROWS, countsStatusValues, validateBatch } from './validated-batches';
import type { ReaderJob, ReaderMessage } from './worker-source';
import { yieldToCounter } from './thread-priority';

yieldToCounter();
const port = parentPort;
const IN_FLIGHT = 8;

async function run(job: ReaderJob): Promise<void> {
  if (!port) return;
  const post = (message: ReaderMessage): void => port.postMessage(message, message.type === 'batch' ? transferablesOf(message.batch.members) : []);
  let credits = IN_FLIGHT;
  let wake: (() => void) | undefined;
  port.on('message', (message: 'credit') => {
    if (message !== 'credit') return;
    credits++;
    wake?.();
    wake = undefined;
  });
  try {
    // The hash runs beside the reading; it is sent with the end, not awaited before the first row.
    const reader = await openListFile(job.path, { overrides: job.overrides as Partial<Record<ListField, string>> | undefined, hashLater: true });
    try {
      post({ type: 'info', info: reader.info });
      const validator = new RowValidator(reader.info.mapping, job.today, reader.info.statusReading, csvFieldsOf(reader.info), reader.info.remarksStatus);
      const countValues = countsStatusValues(reader.info);
      for await (const rows of reader.batches(BATCH_ROWS)) {
        while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
        credits--;
        post({ type: 'batch', batch: validateBatch(rows, validator, reader.bytesRead(), countValues) });
      }
      post({ type: 'end', sha256: await reader.sha256() });
    } finally {
      await reader.close();
    }
  } catch (error) {
    post({ type: 'error', error: toErrorPayload(error) });
  }
  port.close();
}

/**
 * The second role of this script: filling an import's name index aside with the members the
 * writer sends while the rows load (names-aside.ts, name-sink.ts).
 */
function buildNames(): void {
  if (!port) return;
  const post = (message: FromNamesWorker): void => port.postMessage(message);
  let builder: NameIndexBuilder | undefined;
  port.on('message', (message: ToNamesWorker) => {
    try {
      // The job comes first (name-sink.ts): the staging file is opened before the first batch.
      if (message.type === 'job') builder = new NameIndexBuilder(message.job);
      else if (!builder) throw new Error('a names worker got members before its job');
      else if (message.type === 'members') {
        builder.insertMembers(message.members, message.firstId);
        post({ type: 'taken' });
      } else {
        post({ type: 'cards-built', sharedCards: builder.writeCards(message.cards) });
        builder.finishNames();
        post({ type: 'names-built' });
        port.close();
      }
    } catch (error) {
      builder?.close();
      post({ type: 'error', error: toErrorPayload(error) });
      port.close();
    }
  });
}

const data = workerData as ReaderJob | { names: true };
if ('names' in data) buildNames();
else void run(data);
