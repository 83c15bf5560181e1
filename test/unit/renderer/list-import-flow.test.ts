import { describe, expect, it } from 'vitest';
import type { ListPreview, ListSummary } from '../../../src/shared/lists';
import { HAND_FIELDS, asOfAfterPreview, cleanMapping, columnChoices, importBlock, mappingFields, mappingToSend, replaceCaution, statusNote } from '../../../src/renderer/src/features/lists/import-flow';

const preview = (over: Partial<ListPreview> = {}): ListPreview => ({
  file: 'pbi.csv', recognized: true, format: 'csv', headerRow: 1, headers: ['NIK', 'NAMA', 'KET'], mapping: { nik: 'NIK', name: 'NAMA' },
  sample: [], sizeBytes: 10, statusColumn: null, asOf: null, ...over,
});

describe('list import form decisions', () => {
  it('an unrecognized file shows only the fields mapped by hand; a recognized one every field, main ones first', () => {
    expect(mappingFields(preview({ recognized: false }))).toEqual(HAND_FIELDS);
    const all = mappingFields(preview());
    expect(all.slice(0, HAND_FIELDS.length)).toEqual(HAND_FIELDS);
    expect(new Set(all).size).toBe(all.length);
    expect(all).toContain('familyCard');
  });

  it('offers each non-empty header once', () => {
    expect(columnChoices(['NIK', '', 'NAMA', ' ', 'NIK'])).toEqual(['NIK', 'NAMA']);
  });

  it('the file suggests the as-of date unless the administrator typed one', () => {
    const suggested = preview({ asOf: { date: '2025-09-01', source: 'title', text: 'BULAN : SEPTEMBER 2025' } });
    expect(asOfAfterPreview({ value: '2026-11-29', touched: false }, suggested)).toEqual({ value: '2025-09-01', touched: false });
    expect(asOfAfterPreview({ value: '2026-10-01', touched: true }, suggested)).toEqual({ value: '2026-10-01', touched: true });
    expect(asOfAfterPreview({ value: '2026-11-29', touched: false }, preview())).toEqual({ value: '2026-11-29', touched: false });
  });

  it('the import waits for a name, a date, and a NIK or card column', () => {
    expect(importBlock({ name: ' ', asOf: '2026-11-01', mapping: { nik: 'NIK' } })).toBe('needFields');
    expect(importBlock({ name: 'PBI', asOf: '', mapping: { nik: 'NIK' } })).toBe('needFields');
    expect(importBlock({ name: 'PBI', asOf: '2026-11-01', mapping: { name: 'NAMA' } })).toBe('needIdentifier');
    expect(importBlock({ name: 'PBI', asOf: '2026-11-01', mapping: { card: 'NOKA' } })).toBeNull();
  });

  it('says whether a status column is used and how it was found', () => {
    const byValues = preview({ statusColumn: { header: 'KET', foundBy: 'values' } });
    expect(statusNote(byValues, { status: 'KET' })).toEqual({ kind: 'by-values', header: 'KET' });
    expect(statusNote(byValues, {})).toEqual({ kind: 'none' });
    expect(statusNote(byValues, { status: 'NAMA' })).toEqual({ kind: 'set' });
    const flag = preview({ statusColumn: { header: 'AKTIF', foundBy: 'header', reading: 'flag' } });
    expect(statusNote(flag, { status: 'AKTIF' })).toEqual({ kind: 'flag', header: 'AKTIF' });
    expect(statusNote(flag, { status: 'KET' })).toEqual({ kind: 'set' }); // chosen by hand: decided again at the import
  });

  it('drops unset fields from the mapping sent', () => {
    expect(cleanMapping({ nik: 'NIK', name: '', status: undefined })).toEqual({ nik: 'NIK' });
  });

  it('sends only what was changed from the preview; a column set to "not used" is sent as no column', () => {
    const found = preview({ mapping: { nik: 'NIK', name: 'NAMA', status: 'KET' }, statusColumn: { header: 'KET', foundBy: 'values' } });
    expect(mappingToSend({ nik: 'NIK', name: 'NAMA', status: 'KET' }, found)).toEqual({});
    expect(mappingToSend({ nik: 'NIK', name: 'NAMA' }, found)).toEqual({ status: '-' });
    expect(mappingToSend({ nik: 'NIK', name: 'NAMA', status: 'KET', dob: 'LAHIR' }, found)).toEqual({ dob: 'LAHIR' });
    const handMapped = preview({ recognized: false, mapping: {} });
    expect(mappingToSend({ nik: 'KTP', name: 'NAMA ORANG', sex: '' }, handMapped)).toEqual({ nik: 'KTP', name: 'NAMA ORANG' });
  });
});

describe('replacing a list: what is asked before the import', () => {
  const current = { name: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' } as ListSummary;
  it('a new list, or the same kind with a newer or equal date, asks nothing', () => {
    expect(replaceCaution([current], { name: 'Jamkesda', kind: 'jamkesda', asOf: '2020-01-01' })).toBeNull();
    expect(replaceCaution([current], { name: 'PBI APBD ', kind: 'pbi-apbd', asOf: '2026-12-01' })).toBeNull();
    expect(replaceCaution([current], { name: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' })).toBeNull();
  });
  it('an older as-of date or another kind is asked about, each named', () => {
    expect(replaceCaution([current], { name: 'PBI APBD', kind: 'pbi-apbd', asOf: '2025-01-01' })).toEqual({ list: 'PBI APBD', olderThan: '2026-11-01' });
    expect(replaceCaution([current], { name: 'PBI APBD', kind: 'jamkesda', asOf: '2026-12-01' })).toEqual({ list: 'PBI APBD', kindFrom: 'pbi-apbd' });
    expect(replaceCaution([current], { name: 'PBI APBD', kind: 'jamkesda', asOf: '2025-01-01' })).toEqual({ list: 'PBI APBD', olderThan: '2026-11-01', kindFrom: 'pbi-apbd' });
  });
});
