import { describe, expect, it } from 'vitest';
import { keyedUnits, unitOfKey } from '../../../src/renderer/src/unit-keys';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

const KB2 = { code: 'KIAKB2', name: 'Poli KIA/KB Lantai 2', prefix: 'B' };

describe('unit number keys', () => {
  it('are the unit’s row in Settings, the same whichever screen shows them; the unit step leaves the IGD out without renumbering', () => {
    const units = [...DEFAULT_SETTINGS.units, KB2];
    const queueTabs = keyedUnits(units);
    const unitStep = keyedUnits(units).filter((u) => u.code !== DEFAULT_SETTINGS.emergencyUnit);
    expect(queueTabs.map((u) => `${u.key} ${u.code}`)).toEqual(['1 UMUM', '2 GIGI', '3 KIA', '4 LANSIA', '5 IGD', '6 KIAKB2']);
    expect(unitStep.map((u) => `${u.key} ${u.code}`)).toEqual(['1 UMUM', '2 GIGI', '3 KIA', '4 LANSIA', '6 KIAKB2']);
    // Every key the unit step knows picks the same unit in the queue.
    for (const u of unitStep) expect(unitOfKey(queueTabs, u.key!)?.code).toBe(u.code);
    expect(unitOfKey(unitStep, '5')).toBeNull(); // the IGD's number picks nothing there (F9 is the way in)
  });

  it('past the ninth row a unit has no key (it is picked by a click) and shifts nobody', () => {
    const units = Array.from({ length: 11 }, (_, i) => ({ code: `U${i + 1}`, name: `Unit ${i + 1}`, prefix: `P${i + 1}` }));
    const keyed = keyedUnits(units);
    expect(keyed.map((u) => u.key)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', null, null]);
    expect(unitOfKey(keyed, '9')?.code).toBe('U9');
    expect(unitOfKey(keyed, '0')).toBeNull();
    expect(unitOfKey(keyed, 'x')).toBeNull();
  });
});
