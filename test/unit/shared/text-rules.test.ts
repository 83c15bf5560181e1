/**
 * The one rule for characters that steer display instead of showing (controls, bidi controls,
 * invisible format characters), and the contract's text schemas that apply it to typed text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract } from '../../../src/shared/contract';
import { identitySchema } from '../../../src/shared/counter';
import { issueRule, issuesOf } from '../../../src/shared/input-issues';
import { counterSettingsFields, unitSchema } from '../../../src/shared/settings';
import { asciiLinesHoldControlCharacters, hasControlCharacters, linesHoldControlCharacters, withoutControlCharacters, withoutFormatCharacters } from '../../../src/shared/text-rules';

const HIDDEN: [string, string][] = [
  ['NUL', '\u0000'],
  ['escape', '\u001b'],
  ['DEL', '\u007f'],
  ['C1 next line', '\u0085'],
  ['soft hyphen', '\u00ad'],
  ['Arabic letter mark', '\u061c'],
  ['zero-width space', '\u200b'],
  ['zero-width non-joiner', '\u200c'],
  ['zero-width joiner', '\u200d'],
  ['left-to-right mark', '\u200e'],
  ['right-to-left mark', '\u200f'],
  ['line separator', '\u2028'],
  ['LRE', '\u202a'],
  ['RLE', '\u202b'],
  ['PDF', '\u202c'],
  ['LRO', '\u202d'],
  ['RLO', '\u202e'],
  ['word joiner', '\u2060'],
  ['LRI', '\u2066'],
  ['RLI', '\u2067'],
  ['FSI', '\u2068'],
  ['PDI', '\u2069'],
  ['BOM inside text', '\ufeff'],
  ['tag letter A', '\u{e0041}'],
];

const LEGITIMATE = ["MA'RUF", 'JOSÉ MARÍA ÑOÑO', 'Ni Luh Putu Ayu', 'محمد عبد الله', 'Nguyễn Thị Minh Khai', 'SITI AMINAH, S.KM.', 'Jl. Raya Ubud No. 5 (RT 01/RW 02)', "D'ARTAGNAN – O’NEIL"];

describe('text rules', () => {
  it.each(HIDDEN)('%s counts as a control character and is removed', (_, ch) => {
    const name = `BUDI ${ch}SANTOSO`;
    expect(hasControlCharacters(name)).toBe(true);
    expect(withoutControlCharacters(name)).toBe('BUDI SANTOSO');
    expect(linesHoldControlCharacters(`NIK,NAMA\r\n1,${name}\r\n`)).toBe(true);
  });

  it.each(LEGITIMATE)('%s is plain text', (text) => {
    expect(hasControlCharacters(text)).toBe(false);
    expect(withoutControlCharacters(text)).toBe(text);
    expect(withoutFormatCharacters(text)).toBe(text);
  });

  it('tab, LF and CR are a file\'s structure in lines, but not part of a name', () => {
    expect(linesHoldControlCharacters('NIK\tNAMA\r\n1\tSITI\n')).toBe(false);
    expect(hasControlCharacters('SITI\tAMINAH')).toBe(true);
  });

  it('ASCII lines read from their bytes, four at a time: the same answer as the Unicode rule, at any offset and length', () => {
    // Mostly letters and line ends, with every control byte and DEL now and then.
    const byte = fc.oneof({ arbitrary: fc.integer({ min: 0x20, max: 0x7e }), weight: 30 }, { arbitrary: fc.constantFrom(0x09, 0x0a, 0x0d), weight: 3 }, { arbitrary: fc.constantFrom(...Array.from({ length: 32 }, (_, b) => b), 0x7f), weight: 1 });
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 80 }), fc.nat(3), (values, offset) => {
        const bytes = new Uint8Array(offset + values.length);
        bytes.set(values, offset);
        const view = bytes.subarray(offset); // unaligned starts: the words begin after a head of single bytes
        expect(asciiLinesHoldControlCharacters(view)).toBe(linesHoldControlCharacters(Buffer.from(view).toString('latin1')));
      }),
      { numRuns: 3000 },
    );
    // A control byte in each position of a word, and in the head and tail around the words.
    for (let at = 0; at < 11; at++) {
      const bytes = new Uint8Array(11).fill(0x41);
      bytes[at] = 0x1b;
      expect(asciiLinesHoldControlCharacters(bytes.subarray(1))).toBe(at > 0);
    }
  });

  it('a query loses format characters but keeps controls (which the schema refuses)', () => {
    expect(withoutFormatCharacters('\u200eBUDI \u202eNAMSOR\u202c\u200b')).toBe('BUDI NAMSOR');
    expect(withoutFormatCharacters('SITI\u0000')).toBe('SITI\u0000');
  });
});

describe('typed text at the contract', () => {
  it('a name or an address with a bidi override or a zero-width space is refused, worded in both languages', () => {
    const name = identitySchema.safeParse({ name: 'BUDI \u202eNAMSOR\u202c SANTOSO' }, { reportInput: true });
    expect(name.success).toBe(false);
    const issues = issuesOf(name.error!.issues);
    expect(issues).toEqual([{ path: ['name'], kind: 'control-characters' }]);
    expect(issueRule('id', issues[0]!)).toBe('berisi karakter kendali atau tak terlihat (mis. NUL, tanda arah teks, spasi lebar nol); ketik ulang tanpa menempel');
    expect(issueRule('en', issues[0]!)).toBe('contains control or invisible characters (such as NUL, a text-direction mark, a zero-width space); type it again instead of pasting');
    const address = identitySchema.safeParse({ name: 'Budi', address: 'JL. MAWAR\u200b 3' }, { reportInput: true });
    expect(address.success ? [] : issuesOf(address.error.issues)).toEqual([{ path: ['address'], kind: 'control-characters' }]);
    for (const ch of ['\u2066', '\u00ad', '\u200d', '\ufeff', '\u061c']) expect(identitySchema.safeParse({ name: `SITI${ch}AMINAH` }).success).toBe(false);
  });

  it('facility and unit names printed on slips follow the same rule', () => {
    expect(counterSettingsFields.shape.facilityName.safeParse('PUSKESMAS \u202eKOTA').success).toBe(false);
    expect(counterSettingsFields.shape.facilityAddress.safeParse('JL. MERDEKA\u200b 1').success).toBe(false);
    expect(counterSettingsFields.shape.facilityName.safeParse("PUSKESMAS MA'RUF").success).toBe(true);
    expect(unitSchema.safeParse({ code: 'UMUM', name: 'Poli \u2067Umum', prefix: 'U' }).success).toBe(false);
  });

  it.each(LEGITIMATE)('%s passes as a name and an address', (text) => {
    expect(identitySchema.safeParse({ name: text, address: text }).success).toBe(true);
  });

  it('a typed query drops format characters instead of refusing; controls are still refused', () => {
    const parsed = contract.lookup.input.safeParse({ query: '\u200e3673015203850003\u200f' });
    expect(parsed.success && parsed.data.query).toBe('3673015203850003');
    const name = contract.lookupOnline.input.safeParse({ query: 'BUDI \u202eNAMSOR\u202c' });
    expect(name.success && name.data.query).toBe('BUDI NAMSOR');
    expect(contract.lookup.input.safeParse({ query: '\u200b\u200b' }).success).toBe(false);
    expect(contract.lookup.input.safeParse({ query: 'SITI\u0000AMINAH' }).success).toBe(false);
  });
});
