import { describe, expect, it } from 'vitest';
import { createPatient } from '../../../src/core/patients/patients.repo';
import { mrnNumbering, withHubStart } from '../../../src/core/settings/mrn-numbering';
import { addMrnBlock } from '../../../src/core/sync/mrn-blocks';
import { useTempDir } from '../../helpers/temp';
import { NOW, SETTINGS, enrolledCounterDb, openCounterDb } from './sync-fixture';

const tempDir = useTempDir();

// The settings screen's "RM baru mulai dari" and the start a counter may save (papertester F1, F6).
describe('where new record numbers stand', () => {
  it('alone: after the last number given, whatever lower start is typed', () => {
    const db = openCounterDb(tempDir());
    expect(mrnNumbering(db, SETTINGS)).toEqual({ next: 1, hub: false });
    for (const name of ['A', 'B', 'C']) createPatient(db, { name }, SETTINGS, NOW);
    expect(mrnNumbering(db, { ...SETTINGS, mrnStart: 2 })).toEqual({ next: 4, hub: false });
    // A counter alone saves its own start.
    expect(withHubStart(db, SETTINGS, { ...SETTINGS, mrnStart: 200000 }).mrnStart).toBe(200000);
    db.close();
  });

  it("enrolled: the hub's start stays whatever the counter saves, and the hint names the blocks' next value", () => {
    const db = enrolledCounterDb(tempDir(), 'K1');
    const hub = { ...SETTINGS, mrnStart: 200000 };
    addMrnBlock(db, { first: 200000, last: 200199 });
    expect(mrnNumbering(db, hub)).toEqual({ next: 200000, hub: true });
    expect(withHubStart(db, hub, { ...hub, mrnStart: 300000 }).mrnStart).toBe(200000);
    db.close();
  });
});
