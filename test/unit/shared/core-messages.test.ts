import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ContractError } from '../../../src/shared/contract';
import { formatContractError } from '../../../src/shared/i18n/format-error';
import { CORE_MESSAGES, formatCoreMessage, isMessageKey, type CoreMessage, type Lang, type MessageKey } from '../../../src/shared/i18n/messages';
import { noticeMessage, type ImportNotice } from '../../../src/shared/lists';

const LANGS: Lang[] = ['id', 'en'];
const KEYS = Object.keys(CORE_MESSAGES.id) as MessageKey[];
/** Messages with a parameter that is itself a code (or a list of codes) of the catalog, worded inside. */
const NESTED: Partial<Record<MessageKey, string>> = { 'row/nik-invalid': 'detail', 'row/card-invalid': 'detail', 'bpjs/incomplete': 'missing' };
const placeholders = (template: string): string[] => [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

/**
 * Every message the core now returns as a code instead of words, with parameters as the core
 * sends them. Each must read as a whole sentence in both languages.
 */
const CONVERTED: CoreMessage[] = [
  { code: 'query/partial-number', params: { digits: 15 } },
  { code: 'query/several-numbers', params: { count: 2 } },
  { code: 'query/card-not-found', params: { digits: 10, card: '0003673015203' } },
  { code: 'query/no-record', params: { mrn: '000042' } },
  { code: 'query/nik-province', params: { code: '99' } },
  { code: 'query/nik-date', params: { digits: '32-13-85' } },
  { code: 'query/nik-serial' },
  ...(['no-status-column', 'status-by-values', 'status-flag', 'unknown-status', 'repeated-rows', 'scientific-nik'] as const).map((code) =>
    noticeMessage({ code, params: { header: 'KET', count: 3, withCard: 2, rejected: 1, rows: 299, values: '"TERDAFTAR" (299)' } } satisfies ImportNotice),
  ),
  { code: 'row/no-identifier', params: { detail: '' } },
  { code: 'row/nik-invalid', params: { detail: 'length' } },
  { code: 'row/card-invalid', params: { detail: 'not-digits' } },
  { code: 'row/no-name', params: { detail: '' } },
  { code: 'row/nik-damaged', params: { detail: '' } },
  { code: 'row/nik-dob-mismatch', params: { detail: '' } },
  { code: 'row/nik-sex-mismatch', params: { detail: '' } },
  { code: 'row/dob-unreadable', params: { detail: 'dua belas' } },
  { code: 'row/duplicate', params: { detail: '12' } },
  { code: 'row/repeated', params: { detail: '7' } },
  { code: 'bpjs/offline', params: { detail: 'ECONNREFUSED' } },
  { code: 'bpjs/timeout', params: { seconds: 5 } },
  { code: 'bpjs/credentials' },
  { code: 'bpjs/credentials-pcare' },
  { code: 'bpjs/clock' },
  { code: 'bpjs/service-down', params: { detail: 'HTTP 500' } },
  { code: 'bpjs/bad-response', params: { detail: 'not JSON' } },
  { code: 'bpjs/breaker-open', params: { time: '10:01' } },
  { code: 'bpjs/incomplete', params: { service: 'BPJS PCare', missing: 'base-url, pcare-user, pcare-pass' } },
  { code: 'bpjs/ok', params: { service: 'BPJS PCare', ms: 120 } },
  { code: 'bpjs/secret-store-unavailable', params: { detail: 'the key file is damaged' } },
  { code: 'unknown-method', params: { method: 'dropTables' } },
  { code: 'forbidden' },
  { code: 'bridge', params: { detail: 'TypeError: Failed to fetch' } },
];

describe('the core catalog', () => {
  it('has every key in both languages, with the same placeholders, never empty', () => {
    expect(Object.keys(CORE_MESSAGES.en).sort()).toEqual([...KEYS].sort());
    for (const key of KEYS) {
      expect(placeholders(CORE_MESSAGES.en[key]), key).toEqual(placeholders(CORE_MESSAGES.id[key]));
      for (const lang of LANGS) expect(CORE_MESSAGES[lang][key].trim(), `${lang} ${key}`).not.toBe('');
    }
  });

  it.each(LANGS)('%s: every code the core returns reads as a sentence, with its parameters in it', (lang) => {
    for (const message of CONVERTED) {
      expect(isMessageKey(message.code), message.code).toBe(true);
      const text = formatCoreMessage(lang, message);
      expect(text, message.code).not.toMatch(/\{\{|\}\}|undefined|null/);
      for (const name of placeholders(CORE_MESSAGES[lang][message.code])) {
        if (NESTED[message.code] === name) continue; // worded below
        expect(text, `${message.code} ${name}`).toContain(String(message.params?.[name] ?? ''));
      }
    }
  });

  it('words the same code differently in each language', () => {
    for (const message of CONVERTED) expect(formatCoreMessage('id', message), message.code).not.toBe(formatCoreMessage('en', message));
  });

  it("words a row's reason code inside its message; an unknown reason (an old stored row) is shown as it came", () => {
    expect(formatCoreMessage('id', { code: 'row/nik-invalid', params: { detail: 'length' } })).toBe('NIK tidak valid (harus 16 digit)');
    expect(formatCoreMessage('en', { code: 'row/nik-invalid', params: { detail: 'length' } })).toBe('Invalid NIK (must be 16 digits)');
    expect(formatCoreMessage('en', { code: 'row/card-invalid', params: { detail: 'length' } })).toBe('Invalid card number (must be 13 digits)');
    expect(formatCoreMessage('en', { code: 'row/nik-invalid', params: { detail: 'something else' } })).toBe('Invalid NIK (something else)');
  });

  it('words each BPJS field still missing in the language asked', () => {
    const incomplete: CoreMessage = { code: 'bpjs/incomplete', params: { service: 'BPJS PCare', missing: 'base-url, pcare-user, pcare-pass' } };
    expect(formatCoreMessage('id', incomplete)).toBe('Isian BPJS PCare belum lengkap: alamat (base URL), pengguna PCare, kata sandi PCare.');
    expect(formatCoreMessage('en', incomplete)).toBe('The BPJS PCare settings are incomplete: base URL, PCare username, PCare password.');
  });

  it('puts any parameter value in verbatim and leaves no placeholder (property)', () => {
    const value = fc.oneof(fc.string().filter((s) => !s.includes('{{') && !s.includes('}}')), fc.integer());
    fc.assert(
      fc.property(fc.constantFrom(...KEYS), fc.constantFrom(...LANGS), value, (code, lang, v) => {
        const names = placeholders(CORE_MESSAGES[lang][code]);
        const params = Object.fromEntries(names.map((n) => [n, v]));
        const text = formatCoreMessage(lang, { code, params });
        if (names.length > 0 && NESTED[code] === undefined) expect(text).toContain(String(v));
        expect(text.includes('{{')).toBe(String(v).includes('{{'));
      }),
    );
  });
});

describe('contract errors, worded by the caller', () => {
  it('words invalid input from its issues, with the screen labels when given', () => {
    const error: ContractError = { code: 'invalid-input', issues: [{ path: ['verdict'], kind: 'required' }, { path: ['units', 1, 'prefix'], kind: 'not-unique', other: 1 }] };
    expect(formatContractError('en', error)).toBe('Invalid input: verdict: required; units.1.prefix: same as row 1; must differ');
    expect(formatContractError('id', error)).toBe('Masukan tidak valid: verdict: wajib diisi; units.1.prefix: sama dengan baris 1; harus berbeda');
    expect(formatContractError('en', error, (path) => (path[0] === 'verdict' ? 'Verdict' : undefined))).toMatch(/^Invalid input: Verdict: required;/);
  });

  it('words a known code with its parameters, in each language', () => {
    const error: ContractError = { code: 'visit/duplicate', params: { name: 'SITI AMINAH', unit: 'Poli Umum', queue: 'U-001' } };
    expect(formatContractError('id', error)).toBe('SITI AMINAH sudah terdaftar hari ini di Poli Umum (nomor U-001). Daftarkan lagi hanya jika memang perlu.');
    expect(formatContractError('en', error)).toMatch(/^SITI AMINAH is already registered today at Poli Umum \(number U-001\)/);
  });

  it("keeps the shell's refusal readable in both languages (it knows no language: it sends a code)", () => {
    expect(formatContractError('id', { code: 'forbidden' })).toMatch(/hanya jendela utama Loket/);
    expect(formatContractError('en', { code: 'forbidden' })).toMatch(/only the Loket main window/);
    expect(formatContractError('en', { code: 'unknown-method', params: { method: 'dropTables' } })).toBe('Unknown function "dropTables".');
  });

  it('still says something for a code this catalog does not know (a newer core)', () => {
    const text = formatContractError('en', { code: 'visit/teleported', params: { detail: 'beam' } });
    expect(text).toMatch(/^Something went wrong in the app: visit\/teleported: beam\./);
  });
});
