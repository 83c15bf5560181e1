/**
 * Values that cannot exist are refused at the contract, with an issue a screen can word, before
 * the core sees them: dates that match the pattern but are no day, control characters in what a
 * person types. (Settings rules across fields have their own tests in counter-contract.)
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { READ_ONLY_METHODS, dispatch } from '../../../src/core/dispatch';
import { METHOD_NAMES } from '../../../src/shared/contract';
import { formatContractError } from '../../../src/shared/i18n/format-error';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

describe('impossible values at the contract', () => {
  const cases: [string, unknown, string, (string | number)[]][] = [
    ['lookup', { query: 'SITI AMINAH', dob: '0000-00-00' }, 'no-such-date', ['dob']],
    ['lookup', { query: 'SITI AMINAH', dob: '2026-02-30' }, 'no-such-date', ['dob']],
    ['lookup', { query: 'SITI AMINAH', dob: '9999-12-31' }, 'no-such-date', ['dob']],
    ['lookup', { query: 'SITI\u0000AMINAH' }, 'control-characters', ['query']],
    ['createPatient', { name: 'BUDI\u0000SANTOSO' }, 'control-characters', ['name']],
    ['createPatient', { name: 'BUDI\u001b[31mSANTOSO' }, 'control-characters', ['name']],
    ['createPatient', { name: 'Budi', address: 'JL. MAWAR\u0007' }, 'control-characters', ['address']],
    ['createPatient', { name: 'BUDI \u202eNAMSOR\u202c SANTOSO' }, 'control-characters', ['name']],
    ['createPatient', { name: 'BUDI\u200bSANTOSO' }, 'control-characters', ['name']],
    ['createPatient', { name: 'Budi', address: 'JL. MAWAR \u202e3' }, 'control-characters', ['address']],
    ['likelyDuplicates', { name: 'SITI\u2066AMINAH', dob: null }, 'control-characters', ['name']],
    ['createPatient', { name: 'Budi', dob: '2026-13-01' }, 'no-such-date', ['dob']],
    ['recap', { from: '2026-02-29' }, 'no-such-date', ['from']],
    ['visitRegister', { from: '2026-11-01', to: '1899-12-31' }, 'no-such-date', ['to']],
  ];

  it.each(cases)('%s %j is refused: %s at %j', async (method, input, kind, path) => {
    const core = createCore({ dbPath: join(tempDir(), 'loket.db'), workerScript: null, actor: { username: 'ani', role: 'admin' }, bpjsBackground: false });
    const result = await dispatch(core, method, input);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('invalid-input');
    expect(!result.ok && result.error.issues).toContainEqual(expect.objectContaining({ kind, path }));
    core.close();
  });

  it('real days pass, 29 February of a leap year included', async () => {
    const core = createCore({ dbPath: join(tempDir(), 'loket.db'), workerScript: null, actor: { username: 'ani', role: 'admin' }, bpjsBackground: false });
    expect((await dispatch(core, 'recap', { from: '2024-02-29' })).ok).toBe(true);
    expect((await dispatch(core, 'createPatient', { name: 'Ni Luh Putu Ayu', dob: '1900-01-01', address: 'Jl. Raya Ubud No. 5' })).ok).toBe(true);
    expect((await dispatch(core, 'createPatient', { name: "MA'RUF AMIN", address: 'JL. JOSÉ RIZAL' })).ok).toBe(true);
    core.close();
  });

  it('a typed query loses direction marks and zero-width spaces instead of being refused', async () => {
    const core = createCore({ dbPath: join(tempDir(), 'loket.db'), workerScript: null, actor: { username: 'ani', role: 'admin' }, bpjsBackground: false });
    const result = await dispatch(core, 'lookup', { query: '\u200eBUDI\u200b \u202eSANTOSO\u202c' });
    expect(result.ok && (result.value as { query: string }).query).toBe('BUDI SANTOSO');
    core.close();
  });
});

describe('an internal error says the data is safe only when that is known', () => {
  it('a read fails: nothing was changed; a write fails: check before repeating', async () => {
    const core = createCore({ dbPath: join(tempDir(), 'loket.db'), workerScript: null, actor: { username: 'ani', role: 'admin' }, bpjsBackground: false });
    const patient = await core.createPatient({ name: 'Budi Santoso' });
    core.db.close(); // any fault below the contract: a closed connection will do
    const read = await dispatch(core, 'lookup', { query: 'BUDI' });
    const write = await dispatch(core, 'registerVisit', { patientId: patient.id, unit: 'UMUM', verdict: null });
    expect(!read.ok && read.error.code).toBe('internal/read-only');
    expect(!write.ok && write.error.code).toBe('internal');
    expect(formatContractError('en', !read.ok ? read.error : { code: '' })).toMatch(/Nothing was changed/);
    expect(formatContractError('en', !write.ok ? write.error : { code: '' })).toMatch(/Check whether the last step was saved/);
    expect(formatContractError('id', !write.ok ? write.error : { code: '' })).not.toMatch(/aman/);
  });

  it('every read-only method is a contract method', () => {
    for (const method of READ_ONLY_METHODS) expect(METHOD_NAMES).toContain(method);
  });
});
