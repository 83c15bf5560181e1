import { describe, expect, it } from 'vitest';
import { CLI_MESSAGES } from '../../../src/cli/messages';
import { COMMANDS, usage } from '../../../src/cli/usage';
import { EXPORT_WORDS } from '../../../src/core/reports/export-words';
import { uiEn } from '../../../src/renderer/src/i18n/messages-en';
import { AUDIT_ERROR_WORDS } from '../../../src/shared/i18n/audit-error-words';
import { auditWordsEn } from '../../../src/shared/i18n/audit-words-en';
import { CORE_MESSAGES } from '../../../src/shared/i18n/messages';
import { PATIENT_EDIT_WORDS } from '../../../src/shared/i18n/patient-edit-words';
import { SHARED_NAMES } from '../../../src/shared/i18n/shared-names';
import { SLIP_LABELS } from '../../../src/shared/slip';

/** Every string of a catalog, however deeply nested. */
const texts = (value: unknown): string[] =>
  typeof value === 'string' ? [value] : value && typeof value === 'object' ? Object.values(value).flatMap(texts) : [];

/**
 * reporttester F3: English named the medical-record number three ways ("MRN", "Record no.", the
 * Indonesian "RM"). English says "MRN" everywhere; "RM lama" is only ever quoted as what a clerk
 * may type, and the --rm / --rm-lama options keep their names. Nor "MR" (the returning patient's
 * line said "MR 000002"; UI tester, finding 9).
 */
const otherNames = (text: string): string[] =>
  [...text.matchAll(/(?<![-\w])RMs?\b(?! lama)|RM_\w+|\brecord (?:no\.|numbers?)/gi), ...text.matchAll(/(?<![-\w])MR\b/g)].map((m) => `${m[0]} in "${text}"`);

describe('English names the medical-record number one way: MRN', () => {
  it('in the screens, the slips, the exports, the audit, the core messages and the loket command', () => {
    const english = [
      uiEn,
      CORE_MESSAGES.en,
      CLI_MESSAGES.en,
      COMMANDS.map((c) => usage('en', c)),
      usage('en'),
      EXPORT_WORDS.en,
      SLIP_LABELS.en,
      auditWordsEn,
      AUDIT_ERROR_WORDS.en,
      PATIENT_EDIT_WORDS.en,
      SHARED_NAMES.en,
    ].flatMap(texts);
    expect(english.flatMap(otherNames)).toEqual([]);
    expect(english.filter((t) => /\bMRN\b/.test(t)).length).toBeGreaterThan(50);
  });

  it('Indonesian keeps "RM" and "No. RM"', () => {
    expect(SLIP_LABELS.id.mrn).toBe('No. RM');
    expect(EXPORT_WORDS.id.register).toContain('No. RM');
  });
});
