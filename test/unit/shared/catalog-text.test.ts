import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { catalogText } from '../../../src/shared/i18n/catalog';

const CATALOG = { audit: { detail: { visit: 'antrean {{queue}} di {{unit}}', plain: 'slip dicetak' } } };

describe('catalogText: a catalog text found and filled as i18next does it for the screens', () => {
  const i18n = i18next.createInstance();
  void i18n.init({ lng: 'id', resources: { id: { ui: CATALOG } }, defaultNS: 'ui', initAsync: false, interpolation: { escapeValue: false } });
  const cases: [string, Record<string, unknown>][] = [
    ['audit.detail.visit', { queue: 'U-001', unit: 'Poli Umum' }],
    ['audit.detail.plain', {}],
    ['audit.detail.missing', { defaultValue: 'as stored' }],
    ['audit.detail.missing', { defaultValue: 'cek ulang ({{verdict}})', verdict: 'Tidak aktif' }],
    ['audit.detail.missing', {}],
    ['audit.detail.visit', { queue: 'U-001' }],
  ];
  it.each(cases)('%s %j', (key, options) => {
    expect(catalogText(CATALOG, key, options)).toBe(i18n.t(key as never, options as never));
  });
});
