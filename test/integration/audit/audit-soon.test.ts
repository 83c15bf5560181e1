import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { RIZKI, SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { allEntries, auditCore, callOk } from './audit-core';

const tempDir = useTempDir();

/** Rows in the trail as they are on disk, without the flush every reader of the trail does first. */
const rowsOnDisk = (core: Core): number => core.db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
const endOfTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

async function coreWithList(dir: string): Promise<Core> {
  const { core } = auditCore(dir);
  await callOk(core, 'importList', { file: core.registerFile(writeSampleCsv(dir), 'open-list').handle, list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
  return core;
}

describe('a look-up\'s entry is written once its answer has gone', () => {
  it('not before the call answers, and by the end of the event loop\'s turn', async () => {
    const core = await coreWithList(tempDir());
    const before = rowsOnDisk(core);
    const answer = await callOk(core, 'lookup', { query: SITI.nik });
    expect(answer.matches.length).toBeGreaterThan(0);
    expect(rowsOnDisk(core)).toBe(before);
    await endOfTurn();
    expect(rowsOnDisk(core)).toBe(before + 1);
    core.close();
  });

  it('keeps the order: a registration right after look-ups is chained behind them', async () => {
    const core = await coreWithList(tempDir());
    await callOk(core, 'lookup', { query: SITI.nik });
    await callOk(core, 'lookup', { query: RIZKI.nik });
    const patient = await callOk(core, 'createPatient', { name: 'Siti Aminah', nik: SITI.nik, dob: SITI.dob, sex: 'P' });
    const entries = await allEntries(core);
    expect(entries.map((e) => [e.action, e.subject ?? e.detail.queryKey])).toEqual([
      ['import', 'PBI APBD'],
      ['lookup', SITI.nik],
      ['lookup', RIZKI.nik],
      ['register', patient.mrn],
    ]);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(await callOk(core, 'verifyAudit', {})).toMatchObject({ ok: true, entries: 4 });
    core.close();
  });

  it('a burst of look-ups is written together, chained one by one', async () => {
    const core = await coreWithList(tempDir());
    for (let i = 0; i < 150; i++) await callOk(core, 'lookup', { query: i % 2 ? SITI.nik : RIZKI.nik });
    // More than 64 waiting are written at once, the rest at the end of the turn.
    expect(rowsOnDisk(core)).toBeGreaterThanOrEqual(1 + 128);
    await endOfTurn();
    expect(rowsOnDisk(core)).toBe(151);
    expect(await callOk(core, 'verifyAudit', {})).toMatchObject({ ok: true, entries: 151 });
    core.close();
  });

  it('closing the core writes the entries still waiting', async () => {
    const dir = tempDir();
    const core = await coreWithList(dir);
    await callOk(core, 'lookup', { query: RIZKI.nik });
    core.close();
    const { core: reopened } = auditCore(dir);
    expect((await allEntries(reopened)).map((e) => e.action)).toEqual(['import', 'lookup']);
    reopened.close();
  });
});
