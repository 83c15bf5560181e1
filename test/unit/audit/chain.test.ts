import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, canonicalEncoding, canonicalJson, checkChain, entryHash, type ChainFields, type ChainedEntry } from '../../../src/core/audit/chain';

/** A well-formed chain of these fields, as appendAudit builds it. */
function chainOf(fields: Omit<ChainFields, 'seq'>[]): ChainedEntry[] {
  let prevHash = GENESIS_HASH;
  return fields.map((f, i) => {
    const entry = { ...f, seq: i + 1 };
    const hash = entryHash(prevHash, entry);
    const chained = { ...entry, prevHash, hash };
    prevHash = hash;
    return chained;
  });
}

const fieldsArb = fc.record({
  at: fc.date({ min: new Date('2020-01-01'), max: new Date('2030-01-01'), noInvalidDate: true }).map((d) => d.toISOString()),
  actor: fc.constantFrom('ani', 'budi', 'cli:root'),
  action: fc.constantFrom('lookup', 'register', 'print', 'export'),
  subject: fc.option(fc.string({ maxLength: 8 }), { nil: null }),
  detail: fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.oneof(fc.string({ maxLength: 10 }), fc.integer())).map(canonicalJson),
});

describe('the hash chain', () => {
  it('encodes fields unambiguously: moving text between fields changes the encoding', () => {
    const a = { seq: 1, at: 't', actor: 'ab', action: 'c', subject: null, detail: '{}' };
    const b = { ...a, actor: 'a', action: 'bc' };
    expect(canonicalEncoding(a)).not.toBe(canonicalEncoding(b));
    expect(entryHash(GENESIS_HASH, a)).not.toBe(entryHash(GENESIS_HASH, b));
  });

  it('sorts detail keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}');
  });

  it('accepts a whole chain and an empty one', () => {
    fc.assert(
      fc.property(fc.array(fieldsArb, { maxLength: 30 }), (fields) => {
        expect(checkChain(chainOf(fields))).toEqual({ ok: true, entries: fields.length, firstBroken: null, reason: null });
      }),
    );
  });

  it('detects any single edit at the edited entry', () => {
    fc.assert(
      fc.property(fc.array(fieldsArb, { minLength: 1, maxLength: 30 }), fc.nat(), fc.constantFrom('at', 'actor', 'action', 'subject', 'detail'), (fields, pick, field) => {
        const chain = chainOf(fields);
        const i = pick % chain.length;
        const edited = { ...chain[i]!, [field]: `${String(chain[i]![field as keyof ChainedEntry])}x` };
        chain[i] = edited;
        expect(checkChain(chain)).toMatchObject({ ok: false, firstBroken: i + 1, reason: 'hash' });
      }),
    );
  });

  it('detects any single deletion (not of the last entry) at the missing seq', () => {
    fc.assert(
      fc.property(fc.array(fieldsArb, { minLength: 2, maxLength: 30 }), fc.nat(), (fields, pick) => {
        const chain = chainOf(fields);
        const i = pick % (chain.length - 1);
        chain.splice(i, 1);
        expect(checkChain(chain)).toMatchObject({ ok: false, firstBroken: i + 1, reason: 'gap' });
      }),
    );
  });

  it('detects a deletion renumbered to close the gap at the first moved entry', () => {
    fc.assert(
      fc.property(fc.array(fieldsArb, { minLength: 2, maxLength: 30 }), fc.nat(), (fields, pick) => {
        const chain = chainOf(fields);
        const i = pick % (chain.length - 1);
        chain.splice(i, 1);
        const renumbered = chain.map((e, k) => ({ ...e, seq: k + 1 }));
        expect(checkChain(renumbered)).toMatchObject({ ok: false, firstBroken: i + 1 });
      }),
    );
  });

  it('detects any swap of two entries (contents exchanged under their seqs) at the earlier one', () => {
    fc.assert(
      fc.property(fc.array(fieldsArb, { minLength: 2, maxLength: 30 }), fc.nat(), fc.nat(), (fields, p, q) => {
        const chain = chainOf(fields);
        const i = p % chain.length;
        let j = q % chain.length;
        if (j === i) j = (i + 1) % chain.length;
        const [lo, hi] = [Math.min(i, j), Math.max(i, j)];
        const a = chain[lo]!;
        const b = chain[hi]!;
        chain[lo] = { ...b, seq: a.seq };
        chain[hi] = { ...a, seq: b.seq };
        expect(checkChain(chain)).toMatchObject({ ok: false, firstBroken: lo + 1 });
      }),
    );
  });

  it('cannot see a cut tail by itself: a shorter chain is whole (the hub head catches it)', () => {
    const chain = chainOf([fieldsArb, fieldsArb, fieldsArb].map(() => ({ at: 't', actor: 'a', action: 'lookup', subject: null, detail: '{}' })));
    expect(checkChain(chain.slice(0, 2))).toMatchObject({ ok: true, entries: 2 });
  });
});
