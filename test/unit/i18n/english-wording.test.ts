import { describe, expect, it } from 'vitest';
import { uiEn } from '../../../src/renderer/src/i18n/messages-en';
import { words, wordsText } from '../../../src/renderer/src/i18n/words';
import { uiTranslate } from '../../helpers/ui-translate';
import { CORE_MESSAGES } from '../../../src/shared/i18n/messages';
import { CLI_MESSAGES } from '../../../src/cli/messages';
import { auditWordsEn } from '../../../src/shared/i18n/audit-words-en';

/** Every string of a catalog, however deeply nested. */
const texts = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(texts) : [];

const en = uiTranslate('en');
const id = uiTranslate('id');

/** UI tester, finding 12: English read "1 patient(s)", "1 earlier change(s)" and "back to Payer pending". */
describe('English screens count and name things as English does', () => {
  it('no "(s)" stand-in for a plural: i18next plurals (_one, _other) say 1 patient, 2 patients', () => {
    // The audit's words (shared with the core's export), the core's messages and the CLI's have
    // no plural forms (their readers fill placeholders only): they say "visits moved: 2" instead.
    const catalogs = [uiEn, CORE_MESSAGES.en, auditWordsEn, CLI_MESSAGES.en];
    expect(catalogs.flatMap(texts).filter((t) => /\w\(s\)/.test(t))).toEqual([]);
    expect(en('undo.more', { count: 1 })).toBe('Ctrl+Z again: 1 earlier change');
    expect(en('undo.more', { count: 3 })).toBe('Ctrl+Z again: 3 earlier changes');
    const unit = { name: 'KIA/KB', code: 'KIA' };
    expect(en('settings.unitHasPatients', { ...unit, count: 1 })).toMatch(/^KIA\/KB \(KIA\): 1 patient is still waiting or called today\. .* until the patient is served or cancelled/);
    expect(en('settings.unitHasPatients', { ...unit, count: 2 })).toMatch(/^KIA\/KB \(KIA\): 2 patients are still waiting or called today\. .* until they are served or cancelled/);
    expect(en('merge.done', { merged: '000002', survivor: '000001', count: 1 })).toContain(': 1 visit moved.');
    expect(en('merge.done', { merged: '000002', survivor: '000001', count: 2 })).toContain(': 2 visits moved.');
    // Indonesian has no plural: one sentence for any count, as before.
    expect(id('undo.more', { count: 1 })).toBe('Ctrl+Z lagi: 1 perubahan sebelumnya');
    expect(id('merge.done', { merged: '000002', survivor: '000001', count: 2 })).toContain(': 2 kunjungan dipindah.');
  });

  it('a status or payer inside an English sentence in lower case (names of schemes as they are); Indonesian as the queue shows it', () => {
    const say = (lang: 'id' | 'en', w: ReturnType<typeof words>): string => wordsText(w, uiTranslate(lang), lang);
    const undone = words('queue.undone', { queue: 'U-001', name: 'BUDI SANTOSO', status: words('queue.statusInSentence.waiting') });
    expect(say('en', undone)).toBe('Undone: U-001 BUDI SANTOSO back to waiting');
    expect(say('id', undone)).toBe('Diurungkan: U-001 BUDI SANTOSO kembali Menunggu');
    const payer = (p: 'pending' | 'umum' | 'insurance' | 'jkn' | 'jasa-raharja') => words('followUps.payerUndone', { name: 'BUDI SANTOSO', payer: words(`register.payerInSentence.${p}`) });
    expect(say('en', payer('pending'))).toBe('Undone: BUDI SANTOSO back to payer pending');
    expect(say('en', payer('umum'))).toBe('Undone: BUDI SANTOSO back to self-pay');
    expect(say('en', payer('insurance'))).toBe('Undone: BUDI SANTOSO back to other insurance');
    expect(say('en', payer('jkn'))).toBe('Undone: BUDI SANTOSO back to JKN');
    expect(say('en', payer('jasa-raharja'))).toBe('Undone: BUDI SANTOSO back to Jasa Raharja (traffic accident)');
    expect(say('id', payer('pending'))).toBe('Diurungkan: BUDI SANTOSO kembali Penjamin menyusul');
  });
});
