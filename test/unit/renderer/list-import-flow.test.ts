import { describe, expect, it } from 'vitest';
import type { ListPreview, ListSummary } from '../../../src/shared/lists';
import { HAND_FIELDS, asOfAfterPreview, asOfAhead, cleanMapping, columnChoices, importBlock, mappingFields, mappingToSend, replaceCaution, statusCheckNote, statusNote, unplacedTarget, unplacedToShow } from '../../../src/renderer/src/features/lists/import-flow';

const preview = (over: Partial<ListPreview> = {}): ListPreview => ({
  file: 'pbi.csv', recognized: true, format: 'csv', headerRow: 1, headers: ['NIK', 'NAMA', 'KET'], mapping: { nik: 'NIK', name: 'NAMA' },
  sample: [], sizeBytes: 10, statusColumn: null, asOf: null, asOfLimit: '2026-12-01', ...over,
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

  it('a date in the file after the latest as-of the import accepts is never filled in: the field is emptied for the officer to type', () => {
    const ahead = preview({ asOf: { date: '2027-01-01', source: 'title', text: 'BULAN : JANUARI 2027' } });
    expect(asOfAhead(ahead)).toEqual(ahead.asOf);
    expect(asOfAfterPreview({ value: '2026-12-01', touched: false }, ahead)).toEqual({ value: '', touched: false });
    expect(asOfAfterPreview({ value: '2026-11-15', touched: true }, ahead)).toEqual({ value: '2026-11-15', touched: true });
    expect(asOfAhead(preview({ asOf: { date: '2026-12-01', source: 'file-name', text: 'pbi-2026-12.csv' } }))).toBeNull();
    expect(importBlock({ name: 'PBI', asOf: '2026-12-02', mapping: { nik: 'NIK' }, asOfLimit: '2026-12-01' })).toBe('asOfAhead');
    expect(importBlock({ name: 'PBI', asOf: '2026-12-01', mapping: { nik: 'NIK' }, asOfLimit: '2026-12-01' })).toBeNull();
  });

  it('an unplaced NIK column is shown until mapped, with the field a click maps it to when that field is free', () => {
    const p = preview({ headers: ['NO. IDENTITAS', 'NOKA', 'NAMA', ''], unplacedIdentifiers: [{ header: 'NO. IDENTITAS', looksLike: 'nik' }, { header: '#4', looksLike: 'card' }] });
    expect(unplacedToShow(p, { card: 'NOKA' }).map((u) => u.header)).toEqual(['NO. IDENTITAS', '#4']);
    expect(unplacedToShow(p, { card: 'NOKA', nik: 'NO. IDENTITAS' }).map((u) => u.header)).toEqual(['#4']);
    expect(unplacedTarget(p.unplacedIdentifiers![0]!, p, { card: 'NOKA' })).toBe('nik');
    expect(unplacedTarget(p.unplacedIdentifiers![0]!, p, { nik: 'NAMA' })).toBeNull(); // NIK has a column: the choice is the officer's
    expect(unplacedTarget(p.unplacedIdentifiers![1]!, p, {})).toBeNull(); // no header to name it by
  });

  it('unknown status values of the first rows are said while that column is the status; mostly spreadsheet errors apart', () => {
    const check = { header: 'STATUS', rows: 5, unknown: 4, errors: 4, values: '"#N/A" (4)' };
    const p = preview({ statusCheck: check });
    expect(statusCheckNote(p, { status: 'STATUS' })).toEqual({ ...check, errorShare: 'most' });
    expect(statusCheckNote(p, { status: 'KET' })).toBeNull();
    expect(statusCheckNote(preview({ statusCheck: { ...check, unknown: 1, errors: 1 } }), { status: 'STATUS' })?.errorShare).toBe('some');
    expect(statusCheckNote(preview({ statusCheck: { ...check, errors: 0 } }), { status: 'STATUS' })?.errorShare).toBe('none');
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
