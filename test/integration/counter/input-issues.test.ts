import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { dispatch } from '../../../src/core/dispatch';
import { formatContractError } from '../../../src/shared/i18n/format-error';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

describe('invalid input through the contract', () => {
  it('lists each field with the kind of rule and its bound; each caller says the rule in its own language', async () => {
    const core = createCore({ dbPath: join(tempDir(), 'loket.db'), workerScript: null, actor: { username: 'ani', role: 'admin' } });
    const bad = { ...DEFAULT_SETTINGS, followUpHours: 0, counterPrefix: 'a b', units: DEFAULT_SETTINGS.units.map((u) => ({ ...u, prefix: 'U' })) };
    const refused = await dispatch(core, 'saveSettings', bad);
    expect(refused).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    if (refused.ok) throw new Error('accepted');
    expect(refused.error.issues).toEqual([
      { path: ['counterPrefix'], kind: 'format' },
      { path: ['followUpHours'], kind: 'too-small', bound: 1 },
      ...[1, 2, 3, 4].map((i) => ({ path: ['units', i, 'prefix'], kind: 'not-unique', other: 1 })),
    ]);
    expect(refused.error).not.toHaveProperty('message'); // no words from the core
    expect(formatContractError('id', refused.error)).toMatch(/^Masukan tidak valid: counterPrefix: bentuknya tidak sesuai; followUpHours: minimal 1; units\.1\.prefix: sama dengan baris 1; harus berbeda/);
    expect(formatContractError('id', refused.error)).not.toMatch(/Too small|expected/);

    const missing = await dispatch(core, 'registerVisit', { patientId: 1, unit: 'UMUM' });
    if (missing.ok) throw new Error('accepted');
    expect(missing.error).toEqual({ code: 'invalid-input', issues: [{ path: ['verdict'], kind: 'required' }] });
    expect(formatContractError('en', missing.error)).toBe('Invalid input: verdict: required');
    expect(formatContractError('id', missing.error)).toBe('Masukan tidak valid: verdict: wajib diisi');
    core.close();
  });

  it('a refusal by the core carries its parameters for a screen to word itself', async () => {
    const core = createCore({ dbPath: join(tempDir(), 'loket.db'), workerScript: null, actor: { username: 'ani', role: 'admin' } });
    const refused = await dispatch(core, 'registerVisit', { patientId: 42, unit: 'UMUM', verdict: null });
    expect(refused).toMatchObject({ ok: false, error: { code: 'patient/not-found', params: { id: 42 } } });
    core.close();
  });
});
