import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { revealsIdentifiers, shownIdentifiers } from '../../../src/shared/shown-identifiers';
import { maskCard, maskNik } from '../../../src/shared/masking';
import type { Confidence, QueryKind } from '../../../src/shared/lookup';

const NIK = '3673015203850003';
const CARD = '0001336526592';
const row = (confidence: Confidence) => ({ nik: NIK, card: CARD, confidence });

describe('shownIdentifiers', () => {
  it('shows the whole numbers of the exact match of a typed number, masks the candidates of a name search', () => {
    expect(shownIdentifiers(row('exact'), 'nik', false)).toEqual({ nik: NIK, card: CARD });
    expect(shownIdentifiers(row('exact'), 'card', false)).toEqual({ nik: NIK, card: CARD });
    expect(shownIdentifiers(row('probable'), 'nik', false)).toEqual({ nik: maskNik(NIK), card: maskCard(CARD) });
    expect(shownIdentifiers(row('possible'), 'name', false)).toEqual({ nik: maskNik(NIK), card: maskCard(CARD) });
  });

  it('shows the whole numbers of the row the clerk picked', () => {
    expect(shownIdentifiers(row('possible'), 'name', true)).toEqual({ nik: NIK, card: CARD });
  });

  it('a name search never reveals a row the clerk has not picked, whatever its confidence', () => {
    fc.assert(
      fc.property(fc.constantFrom<Confidence>('exact', 'probable', 'possible'), fc.constantFrom<QueryKind>('nik', 'card', 'name', 'mrn'), fc.boolean(), (confidence, kind, picked) => {
        const shown = shownIdentifiers(row(confidence), kind, picked);
        const revealed = revealsIdentifiers({ confidence }, kind, picked);
        expect(shown.nik === NIK).toBe(revealed);
        if (kind === 'name' && !picked) expect(revealed).toBe(false);
        if (!revealed) expect(shown.nik!.includes(NIK.slice(4, 12)) || shown.card!.includes(CARD.slice(0, 9))).toBe(false);
      }),
    );
  });

  it('a missing number stays missing', () => {
    expect(shownIdentifiers({ nik: null, card: null, confidence: 'possible' }, 'name', false)).toEqual({ nik: null, card: null });
  });
});
