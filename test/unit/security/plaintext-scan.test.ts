import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { PlaintextScanner, identifyingName } from '../../integration/security/plaintext-scan';

const SITI = { nik: '3673015203850003', card: '0001336526592', name: 'SITI AMINAH' };
const scanner = new PlaintextScanner([SITI]);
const kinds = (bytes: Buffer): string[] => [...new Set(scanner.scanBytes(bytes).map((f) => `${f.kind}:${f.encoding}`))].sort();

/** Random bytes with an identifier written into them, in one of the forms a file may hold it. */
const planted = fc.record({
  before: fc.uint8Array({ maxLength: 300 }),
  after: fc.uint8Array({ maxLength: 300 }),
  what: fc.constantFrom(SITI.nik, SITI.card, SITI.name, 'siti aminah', 'Siti Aminah'),
  encoding: fc.constantFrom<BufferEncoding>('latin1', 'utf16le'),
});

describe('the plaintext scanner (the proof of no-plaintext-on-disk.test.ts must be able to fail)', () => {
  it('finds an identifier planted anywhere in random bytes, as single bytes or UTF-16LE, in any letter case', () => {
    fc.assert(
      fc.property(planted, ({ before, after, what, encoding }) => {
        const bytes = Buffer.concat([Buffer.from(before), Buffer.from(what, encoding), Buffer.from(after)]);
        const kind = /^\d{16}$/.test(what) ? 'nik' : /^\d{13}$/.test(what) ? 'card' : 'name';
        expect(scanner.scanBytes(bytes).some((f) => f.kind === kind)).toBe(true);
      }),
    );
  });

  it('finds a name glued to a record header letter and a NIK inside a longer digit run', () => {
    expect(kinds(Buffer.from(`\u0001MSITI AMINAHX`, 'latin1'))).toEqual(['name:utf8']);
    expect(kinds(Buffer.from(`99${SITI.nik}12`, 'latin1'))).toEqual(['nik:utf8']);
  });

  it('looks inside a gzip stream', () => {
    expect(kinds(gzipSync(Buffer.from(`nik=${SITI.nik};`)))).toEqual(['nik:utf8+gunzip']);
  });

  it('finds nothing where the identifiers are not', () => {
    expect(scanner.scanBytes(Buffer.from(`SITI AMINA 367301520385000 000133652659`, 'latin1'))).toEqual([]);
  });

  it('looks for the identifying part of a name', () => {
    expect(identifyingName('H. AHMAD FAUZI, S.PD')).toBe('AHMAD FAUZI');
    expect(identifyingName('SITI')).toBeNull();
  });
});
