import { describe, expect, it } from 'vitest';
import { uiEn } from '../../../src/renderer/src/i18n/messages-en';
import { uiId } from '../../../src/renderer/src/i18n/messages-id';
import { changeUnitCode, checkSettings, emptyUnit, messagesOfError, settingsLabel, type Translate } from '../../../src/renderer/src/features/settings/settings-form';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

/** The screen's own catalog, looked up like i18next does (dotted keys, {{name}} placeholders). */
const translator = (catalog: object): Translate => (key, options = {}) => {
  const value = key.split('.').reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), catalog);
  if (typeof value !== 'string') throw new Error(`no text for ${key}`);
  return value.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name] ?? ''));
};
const tId = translator(uiId);
const tEn = translator(uiEn);

describe('settings checked before saving', () => {
  it('names the field as the screen labels it and says the rule in the UI language', () => {
    const bad = { ...DEFAULT_SETTINGS, followUpHours: 0 };
    expect(checkSettings(bad, 'id', tId)?.list).toEqual(['Batas tindak lanjut gawat darurat (jam): minimal 1']);
    expect(checkSettings(bad, 'en', tEn)?.list).toEqual(['Emergency follow-up deadline (hours): at least 1']);
    expect(checkSettings(bad, 'id', tId)?.byField).toEqual({ followUpHours: 'Batas tindak lanjut gawat darurat (jam): minimal 1' });
    expect(checkSettings(DEFAULT_SETTINGS, 'id', tId)).toBeNull();
  });

  it('per-unit fields and cross-field rules are named by row, with no zod text or field key in them', () => {
    const units = DEFAULT_SETTINGS.units.map((u) => (u.code === 'GIGI' ? { ...u, prefix: 'U' } : u));
    const result = checkSettings({ ...DEFAULT_SETTINGS, units: [...units, { code: '', name: '', prefix: '' }], emergencyUnit: 'UGD', mrnFormat: 'RM-', staleAfterDays: 1000 }, 'id', tId)!;
    expect(result.byField).toMatchObject({
      'units.1.prefix': 'Awalan (poli baris 2): sama dengan baris 1; harus berbeda',
      'units.5.code': 'Kode (poli baris 6): wajib diisi',
      'units.5.prefix': 'Awalan (poli baris 6): bentuknya tidak sesuai',
      emergencyUnit: 'Unit gawat darurat: harus salah satu poli/unit di daftar',
      mrnFormat: 'Format No. RM: harus memuat {seq} atau {seq:N}',
      staleAfterDays: 'Daftar peserta dianggap lama setelah (hari): maksimal 365',
    });
    for (const line of result.list) expect(line).not.toMatch(/Too small|expected|units\.|Invalid|staleAfterDays/);
    const en = checkSettings({ ...DEFAULT_SETTINGS, emergencyPrefix: 'K' }, 'en', tEn)!;
    expect(en.list).toEqual(['Emergency number prefix: same as row 3; must differ']);
  });

  it("the core's refusal with issues is worded the same way", () => {
    const error = { code: 'invalid-input', issues: [{ path: ['counterPrefix'], kind: 'format' as const }] };
    expect(messagesOfError(error, 'en', tEn)?.list).toEqual(['Counter prefix: not in the expected form']);
    expect(messagesOfError({ code: 'internal', params: { detail: 'x' } }, 'en', tEn)).toBeNull();
  });

  it('every settings field has a label in both languages', () => {
    for (const key of Object.keys(DEFAULT_SETTINGS)) {
      expect(settingsLabel([key], tId)).toBeTruthy();
      expect(settingsLabel([key], tEn)).toBeTruthy();
    }
    for (const field of ['code', 'name', 'prefix']) expect(settingsLabel(['units', 0, field], tEn)).toMatch(/unit row 1/);
  });
});

describe('a unit code typed', () => {
  it('brings its prefix along (first letter, made unique) until the clerk sets one', () => {
    let units = [...DEFAULT_SETTINGS.units, emptyUnit()];
    units = changeUnitCode(units, 5, 'F', 'GD');
    expect(units[5]!.prefix).toBe('F');
    units = changeUnitCode(units, 5, 'KB', 'GD');
    expect(units[5]!.prefix).toBe('KB'); // K is KIA's
    units = units.map((u, i) => (i === 5 ? { ...u, prefix: 'Z' } : u));
    expect(changeUnitCode(units, 5, 'KBX', 'GD')[5]!.prefix).toBe('Z');
    expect(changeUnitCode([emptyUnit()], 0, '', 'GD')[0]!.prefix).toBe('');
  });
});
