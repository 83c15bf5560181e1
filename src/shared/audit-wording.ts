import { auditErrorText, type DetailWording } from './audit-detail';
import { formatCalendarDate } from './dates';
import { auditWordsEn } from './i18n/audit-words-en';
import { auditWordsId } from './i18n/audit-words-id';
import { catalogText, type CatalogTree } from './i18n/catalog';
import type { Lang } from './i18n/messages';
import { PATIENT_EDIT_WORDS, SEX_NAMES } from './i18n/patient-edit-words';
import { SHARED_NAMES } from './i18n/shared-names';
import { PAYER_NAMES } from './payer-names';
import type { ServiceUnit } from './settings';

/**
 * The audit's words under the keys the screens' catalogs give them (the renderer's i18next
 * catalogs spread the same objects), so t() here finds what the screen's t() would.
 */
const catalogOf = (lang: Lang): CatalogTree => {
  const names = SHARED_NAMES[lang];
  const audit = lang === 'en' ? auditWordsEn : auditWordsId;
  return {
    ...audit,
    settings: names.settingsFields,
    bpjsAdmin: names.bpjsFields,
    verdict: names.verdicts,
    listKind: names.listKinds,
    role: names.roles,
    queue: { statuses: names.visitStatuses },
    patientEdit: PATIENT_EDIT_WORDS[lang],
    sex: SEX_NAMES[lang],
  };
};

const CATALOGS: Readonly<Record<Lang, CatalogTree>> = { id: catalogOf('id'), en: catalogOf('en') };

/**
 * The audit trail's wording in one language, for the audit screen and the core's export alike:
 * the caller says its language (the design rule: the core never picks one), the facility's
 * units name the units as the other screens do.
 */
export function auditWording(lang: Lang, units: readonly Pick<ServiceUnit, 'code' | 'name'>[] = []): DetailWording {
  return {
    t: (key, options) => catalogText(CATALOGS[lang], key, options),
    unit: (code) => units.find((u) => u.code === code)?.name ?? code,
    payer: (code) => (PAYER_NAMES[lang] as Record<string, string>)[code] ?? code,
    date: (iso) => formatCalendarDate(iso, lang),
    error: (code) => auditErrorText(lang, code),
  };
}
