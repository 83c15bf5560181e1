import { describe, expect, it } from 'vitest';
import { checkDate } from '../../../src/cli/checks';
import { CLI_MESSAGES, cliText } from '../../../src/cli/messages';
import { COMMANDS, usage } from '../../../src/cli/usage';

const placeholders = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!).sort();

describe('the CLI speaks one language at a time', () => {
  it('every message exists in both languages with the same placeholders, and they differ', () => {
    const keys = Object.keys(CLI_MESSAGES.id);
    expect(Object.keys(CLI_MESSAGES.en).sort()).toEqual([...keys].sort());
    for (const key of keys as (keyof typeof CLI_MESSAGES.id)[]) {
      expect(placeholders(CLI_MESSAGES.en[key]), key).toEqual(placeholders(CLI_MESSAGES.id[key]));
      expect(CLI_MESSAGES.en[key].trim(), key).not.toBe('');
    }
    const same = keys.filter((k) => CLI_MESSAGES.en[k as keyof typeof CLI_MESSAGES.en] === CLI_MESSAGES.id[k as keyof typeof CLI_MESSAGES.id]);
    expect(same).toEqual([]);
  });

  it('the usage of every command exists in both languages; the Indonesian one has no English frame', () => {
    for (const c of COMMANDS) {
      expect(usage('id', c)).toContain(`loket ${c}`);
      expect(usage('en', c)).toContain(`loket ${c}`);
    }
    const id = usage('id');
    for (const english of ['Usage:', 'Options for every command', 'machine-readable', 'the database', 'asks BPJS', 'checks one patient']) expect(id).not.toContain(english);
    const en = usage('en');
    for (const indonesian of ['Pemakaian', 'basis data', 'bahasa', 'memeriksa', 'berkas']) expect(en).not.toContain(indonesian);
  });

  it('fills placeholders', () => {
    expect(cliText('en', 'usage/bad-lang', { value: 'fr' })).toBe('--lang "fr" is not known; use one of: id, en');
  });
});

describe('dates on the command line', () => {
  const now = new Date('2026-11-23T05:00:00Z');
  it('a real date, not after today anywhere in Indonesia', () => {
    expect(checkDate('--as-of', '2026-11-23', { notFuture: true, command: 'import', now })).toBe('2026-11-23');
    expect(checkDate('--as-of', '2024-02-29', { notFuture: true, command: 'import', now })).toBe('2024-02-29');
    for (const bad of ['2026-13-01', '2025-02-29', '2026-11-31', '26-11-01', '2026-1-1', '']) {
      expect(() => checkDate('--as-of', bad, { notFuture: true, command: 'import', now }), bad).toThrow(expect.objectContaining({ key: 'usage/bad-date' }));
    }
    expect(() => checkDate('--as-of', '2099-01-01', { notFuture: true, command: 'import', now })).toThrow(expect.objectContaining({ key: 'usage/future-date' }));
    // 15:30 UTC is already the 24th in Jayapura (WIT): not in the future there.
    expect(checkDate('--as-of', '2026-11-24', { notFuture: true, command: 'import', now: new Date('2026-11-23T15:30:00Z') })).toBe('2026-11-24');
    expect(checkDate('--x', '2099-01-01', { notFuture: false, command: 'cek', now })).toBe('2099-01-01');
  });
});
