import { describe, expect, it } from 'vitest';
import { attachIdentity } from '../../../src/core/follow-ups/follow-ups';
import { findDuplicateMatches } from '../../../src/core/patients/likely-duplicates';
import { looseColumns } from '../../../src/core/patients/loose-name-keys';
import { createPatient } from '../../../src/core/patients/patients.repo';
import { updatePatient } from '../../../src/core/patients/update-patient';
import type { Db } from '../../../src/core/store/open-database';
import { applyPull } from '../../../src/core/sync/apply-pull';
import { registerEmergency } from '../../../src/core/visits/visits';
import { useTempDir } from '../../helpers/temp';
import { pulledPatient, pullResponse } from '../sync/pull-records';
import { NOW, SETTINGS, enrolledCounterDb } from '../sync/sync-fixture';

const tempDir = useTempDir();

/** Records whose stored loose forms are not those of their name_key: none may be. */
function stale(db: Db): string[] {
  const rows = db.prepare('SELECT name, name_key AS key, loose_sorted AS looseSorted, loose_joined AS looseJoined FROM patients').all() as { name: string; key: string; looseSorted: string; looseJoined: string }[];
  return rows.filter((r) => JSON.stringify(looseColumns(r.key)) !== JSON.stringify({ looseSorted: r.looseSorted, looseJoined: r.looseJoined })).map((r) => r.name);
}
const withoutDate = (db: Db, name: string): string[] => findDuplicateMatches(db, name, null).map((m) => m.patient.name);

describe('every write of a name keeps the forms the check without a birth date selects by', () => {
  it('a new record, a corrected name, an emergency patient identified, a record pulled from the hub', () => {
    const db = enrolledCounterDb(tempDir());
    const rahmat = createPatient(db, { name: 'Rachmat Hidayat' }, SETTINGS, NOW);
    expect(withoutDate(db, 'HIDAYAT RAHMAT')).toEqual(['RACHMAT HIDAYAT']);

    updatePatient(db, rahmat.id, { name: 'Dewi Lestari' }, NOW);
    expect(withoutDate(db, 'DEWY LESTARI')).toEqual(['DEWI LESTARI']);
    expect(withoutDate(db, 'RAHMAT HIDAYAT')).toEqual([]);

    const emergency = registerEmergency(db, SETTINGS, { clerk: 'x', now: NOW });
    attachIdentity(db, emergency.id, { name: "Nur'aini" }, NOW);
    expect(withoutDate(db, 'NOOR AINI')).toEqual(["NUR'AINI"]);

    const pulled = pulledPatient({ rev: 1, name: 'SRI WAHYUNI' });
    applyPull(db, pullResponse({ cursor: 1, patients: [pulled] }));
    expect(withoutDate(db, 'SRY WAHYUNI')).toEqual(['SRI WAHYUNI']);
    applyPull(db, pullResponse({ cursor: 2, patients: [{ ...pulled, rev: 2, name: 'ST. MARYAM' }] }));
    expect(withoutDate(db, 'SITI MARYAM')).toEqual(['ST. MARYAM']);
    expect(withoutDate(db, 'SRI WAHYUNI')).toEqual([]);

    expect(stale(db)).toEqual([]);
    db.close();
  });
});
