import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NameKeys, phoneticKeys } from '../../../src/core/lists/name-keys';
import { normalizeName } from '../../../src/shared/names';
import { generateMembers } from '../../fixtures/generate-members';

/** What the import indexed before the word cache: the full rules for every row (null: no keys, the name is not indexed). */
const fullRules = (name: string): string | null => phoneticKeys(normalizeName(name).key) || null;

describe('NameKeys, the cached name keys of a list import', () => {
  it('gives the keys of the full rules for titles, degrees, babies, a lone M, aliases and old spellings', () => {
    const names = [
      'SITI AMINAH', 'H SITI AMINAH', 'HJ SITI', 'HADJI ABDUL', 'SITI AMINAH SPD', 'BY NY SITI', 'BAYI SITI', 'M RIZKI',
      'RIZKI M', 'MOCH DJOKO SOETRISNO', 'NOOR HASANUDDIN', 'DR', 'M', 'A', 'HAJI', 'SITI  AMINAH', ' SITI', 'SITI ',
      'Siti Aminah', 'SITI, S.PD', "MA'RUF AMIN", 'JOSÉ', 'TJITJIH', 'KH AHMAD', 'SYAIFUL KHAIRUL', 'ABD RAHMAN', '',
    ];
    const cached = new NameKeys();
    for (const name of names) {
      expect(cached.of(name), name).toBe(fullRules(name));
    }
    expect(cached.of('')).toBeNull();
    expect(cached.of('SITI AMINAH')).toBe(phoneticKeys(normalizeName('SITI AMINAH').key));
  });

  it('gives the keys of the full rules for every generated member name', () => {
    const cached = new NameKeys();
    for (const m of generateMembers({ seed: 11, count: 20_000 })) {
      const name = m.name.toUpperCase();
      expect(cached.of(name)).toBe(fullRules(name));
    }
  });

  it('property: the same keys as the full rules for any written name, cached or not', () => {
    const cached = new NameKeys();
    const word = fc.oneof(
      fc.constantFrom('H', 'HJ', 'HAJI', 'HADJI', 'DR', 'SPD', 'SE', 'BY', 'BAYI', 'M', 'MOCH', 'NY', 'AN', 'ALM', 'S', 'PD'),
      fc.stringMatching(/^[A-Z]{1,9}$/),
      fc.stringMatching(/^[ACDEHJKOTUYSNM]{1,6}$/),
      fc.stringMatching(/^[A-Za-z.,'-]{1,8}$/),
    );
    const name = fc.tuple(fc.array(word, { maxLength: 5 }), fc.constantFrom(' ', '  ', ', ')).map(([words, sep]) => words.join(sep));
    fc.assert(
      fc.property(name, (raw) => {
        expect(cached.of(raw)).toBe(fullRules(raw));
        expect(cached.of(raw)).toBe(fullRules(raw)); // the second time from the cache
      }),
      { numRuns: 5000 },
    );
  });
});
