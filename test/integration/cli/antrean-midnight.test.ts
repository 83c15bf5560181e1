import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCore } from '../../../src/core/core';
import { runCaptured } from '../../helpers/cli-capture';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

afterEach(() => {
  vi.useRealTimers();
});

/** Finding F2 (night tester): `loket antrean --json` after midnight had two GD-001 with sameNumber false and no mark of the day. */
describe('loket antrean after midnight at the IGD', () => {
  it('last night’s open emergencies are marked with their day, and the new day’s numbers go on after them', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const db = join(tempDir(), 'loket.db');
    vi.setSystemTime(new Date('2026-12-01T23:52:00+07:00'));
    const core = createCore({ dbPath: db, workerScript: null, bpjsBackground: false });
    await core.registerEmergency({});
    vi.setSystemTime(new Date('2026-12-02T00:00:30+07:00'));
    await core.registerEmergency({});
    core.close();

    vi.setSystemTime(new Date('2026-12-02T00:30:00+07:00'));
    const r = await runCaptured(['antrean', '--unit', 'IGD', '--db', db, '--json']);
    expect(r.code).toBe(0);
    const rows = r.data[0] as { queueNumber: string; serviceDate: string; yesterday: boolean; sameNumber: boolean }[];
    expect(rows.map((e) => [e.queueNumber, e.serviceDate, e.yesterday, e.sameNumber])).toEqual([
      ['GD-001', '2026-12-01', true, false],
      ['GD-002', '2026-12-02', false, false],
    ]);
    const text = await runCaptured(['antrean', '--unit', 'IGD', '--db', db]);
    expect(text.lines.find((l) => l.startsWith('GD-001'))).toContain('[kemarin]');
  });
});
