import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FileHandles, HANDLE_TTL_MS } from '../../../src/core/files/file-handles';
import { LoketError } from '../../../src/core/errors';
import { FILE_PURPOSES, fileHandleSchema, type FilePurpose } from '../../../src/shared/file-handle';
import { formatMessage } from '../../../src/shared/i18n/messages';

function clock(start = Date.parse('2026-11-23T03:00:00Z')) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

const errorKeyOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (error) {
    if (error instanceof LoketError) return error.key;
    throw error;
  }
  throw new Error('no error');
};

describe('FileHandles', () => {
  it('gives back the chosen path, as an absolute path, for the purpose it was chosen for, with the name to show', () => {
    const files = new FileHandles(clock().now);
    const chosen = files.register(join('data', 'pbi-apbd.xlsx'), 'open-list');
    expect(chosen.name).toBe('pbi-apbd.xlsx');
    expect(files.resolve(chosen.handle, 'open-list')).toEqual({ path: resolve('data', 'pbi-apbd.xlsx'), name: 'pbi-apbd.xlsx' });
    // Used again (preview, then import) while it lives.
    expect(files.resolve(chosen.handle, ['save-csv', 'open-list']).name).toBe('pbi-apbd.xlsx');
  });

  it('refuses an unknown handle with "choose the file again", in both languages', () => {
    const files = new FileHandles(clock().now);
    files.register('/tmp/a.csv', 'open-list');
    expect(errorKeyOf(() => files.resolve('AAAAAAAAAAAAAAAAAAAAAA', 'open-list'))).toBe('file/unknown-handle');
    expect(formatMessage('id', 'file/unknown-handle')).toMatch(/Pilih berkasnya lagi/);
    expect(formatMessage('en', 'file/unknown-handle')).toMatch(/Choose the file again/);
  });

  it('never takes a path for a handle, not even the path it was given', () => {
    const files = new FileHandles(clock().now);
    files.register('/etc/passwd', 'open-list');
    for (const path of ['/etc/passwd', 'C:\\Windows\\win.ini', '../loket.db']) {
      expect(errorKeyOf(() => files.resolve(path, 'open-list'))).toBe('file/unknown-handle');
      expect(fileHandleSchema.safeParse(path).success).toBe(false);
    }
  });

  it('refuses a handle used for another purpose: a list chosen to read cannot be written to', () => {
    const files = new FileHandles(clock().now);
    const list = files.register('/data/daftar.csv', 'open-list');
    for (const purpose of ['save-csv', 'save-xlsx', 'save-pdf'] as const) {
      expect(errorKeyOf(() => files.resolve(list.handle, purpose))).toBe('file/wrong-purpose');
    }
    const pdf = files.register('/data/slip.pdf', 'save-pdf');
    expect(errorKeyOf(() => files.resolve(pdf.handle, 'open-list'))).toBe('file/wrong-purpose');
    expect(errorKeyOf(() => files.resolve(pdf.handle, ['save-csv', 'save-xlsx']))).toBe('file/wrong-purpose');
    expect(formatMessage('en', 'file/wrong-purpose', { name: 'slip.pdf' })).toContain('"slip.pdf"');
  });

  it('forgets a handle when it expires', () => {
    const c = clock();
    const files = new FileHandles(c.now);
    const chosen = files.register('/data/a.csv', 'save-csv');
    c.advance(HANDLE_TTL_MS - 1);
    expect(files.resolve(chosen.handle, 'save-csv').name).toBe('a.csv');
    c.advance(1);
    expect(errorKeyOf(() => files.resolve(chosen.handle, 'save-csv'))).toBe('file/unknown-handle');
    // And it stays gone: expiry is not undone by the clock going back.
    c.advance(-HANDLE_TTL_MS);
    expect(errorKeyOf(() => files.resolve(chosen.handle, 'save-csv'))).toBe('file/unknown-handle');
  });

  it('drops expired handles when new ones come, and keeps at most a thousand', () => {
    const c = clock();
    const files = new FileHandles(c.now);
    const first = files.register('/data/first.csv', 'open-list');
    for (let i = 0; i < 1200; i++) files.register(`/data/${i}.csv`, 'open-list');
    expect(files.size).toBeLessThanOrEqual(1000);
    expect(errorKeyOf(() => files.resolve(first.handle, 'open-list'))).toBe('file/unknown-handle');
    c.advance(HANDLE_TTL_MS);
    files.register('/data/new.csv', 'open-list');
    expect(files.size).toBe(1);
  });

  it('hands out random 128-bit handles that fit the contract and carry nothing of the path', () => {
    const files = new FileHandles(clock().now);
    const purpose = fc.constantFrom<FilePurpose>(...FILE_PURPOSES);
    const seen = new Set<string>();
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 80 }), purpose, (path, p) => {
        const { handle } = files.register(`/data/${path}`, p);
        expect(fileHandleSchema.safeParse(handle).success).toBe(true);
        expect(Buffer.from(handle, 'base64url')).toHaveLength(16);
        expect(seen.has(handle)).toBe(false);
        seen.add(handle);
        expect(handle).not.toContain('/');
      }),
      { numRuns: 300 },
    );
    // The same path twice: two different handles (nothing derived from the path).
    expect(files.register('/data/a.csv', 'open-list').handle).not.toBe(files.register('/data/a.csv', 'open-list').handle);
  });
});
