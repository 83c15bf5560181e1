import { describe, expect, it } from 'vitest';
import { appendAudit, RELAXED_CHECKPOINT_PAGES } from '../../../src/core/audit/audit-log.repo';
import type { Core } from '../../../src/core/core';
import type { Db } from '../../../src/core/store/open-database';
import { RIZKI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { auditCore, callOk } from './audit-core';

const tempDir = useTempDir();

/** A look-up's entry as the recorder writes it: the row plus every index (queryKey included). */
const lookupEntry = (i: number) => ({ at: new Date(Date.UTC(2026, 10, 30, 2, 0, i)).toISOString(), actor: 'ani', action: 'lookup', detail: { method: 'lookup', query: String(i), queryKey: String(3673_0000_0000_0000 + i), matches: 1 } });

/**
 * Frames in the WAL since it last restarted. Checkpoints them as it counts, so it is a test's
 * last word: a WAL that was checkpointed earlier restarted on the next write and holds few frames.
 */
const walFrames = (db: Db): number => (db.pragma('wal_checkpoint(PASSIVE)') as { log: number }[])[0]!.log;

/** Starts from an empty WAL: checkpointed, and restarted by the next write. */
function freshWal(db: Db): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
}

/** Look-ups as windows send them, one event-loop turn each, so each entry is its own commit. */
async function lookUpOneByOne(core: Core, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await callOk(core, 'lookup', { query: RIZKI.nik });
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** 300 look-ups, a pause of 300 ms, one more look-up: the WAL's frames then. */
async function walFramesAfterLookUps(config: { idleCheckpointMs: number }): Promise<number> {
  const dir = tempDir();
  const { core } = auditCore(dir, 'ani', undefined, config);
  try {
    const file = core.registerFile(writeSampleCsv(dir), 'open-list').handle;
    await callOk(core, 'importList', { file, list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
    freshWal(core.db);
    await lookUpOneByOne(core, 300);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await lookUpOneByOne(core, 1);
    return walFrames(core.db);
  } finally {
    core.close();
  }
}

describe('checkpoints of the audit trail are not paid by a look-up', () => {
  it('relaxed appends leave their pages in the WAL past SQLite\'s 1,000-page checkpoint', () => {
    const { core } = auditCore(tempDir());
    expect(core.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    freshWal(core.db);
    for (let i = 0; i < 400; i++) appendAudit(core.db, lookupEntry(i), { relaxed: true });
    const frames = walFrames(core.db);
    // Had a relaxed commit checkpointed at 1,000 pages, the WAL would have restarted below it.
    expect(frames).toBeGreaterThan(1000);
    expect(frames).toBeLessThan(RELAXED_CHECKPOINT_PAGES);
    // The connection's own setting is back after every relaxed commit.
    expect(core.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    expect(core.db.pragma('synchronous', { simple: true })).toBe(2);
    core.close();
  });

  it('the next synced commit (a registration\'s entry) checkpoints them', () => {
    const { core } = auditCore(tempDir());
    freshWal(core.db);
    for (let i = 0; i < 400; i++) appendAudit(core.db, lookupEntry(i), { relaxed: true });
    appendAudit(core.db, { at: '2026-11-30T03:00:00.000Z', actor: 'ani', action: 'register', subject: 'RM-1' });
    appendAudit(core.db, lookupEntry(401), { relaxed: true });
    expect(walFrames(core.db)).toBeLessThan(50);
    core.close();
  });

  it('the core checkpoints them between calls when only look-ups come', async () => {
    expect(await walFramesAfterLookUps({ idleCheckpointMs: 50 })).toBeLessThan(50);
  });

  it('without the idle checkpoint the same look-ups stay in the WAL (the test above can fail)', async () => {
    expect(await walFramesAfterLookUps({ idleCheckpointMs: 3_600_000 })).toBeGreaterThan(1000);
  });
});
