import { describe, expect, it } from 'vitest';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { dobAt, forEachMember, forEachName, packMembers, transferablesOf } from '../../../src/core/lists/packed-members';
import type { MemberInsert } from '../../../src/core/lists/row-validator';

const members: MemberInsert[] = [
  ['3673040306671875', 1197496885, 19670603, 1, 'PRIYO POLAPA', 'L\x1f\x1fPBI APBD', 2],
  [null, 1161559180, null, 32, 'SITI ÅMINAH', '', 3], // no NIK, no birth date, a non-ASCII name, an empty detail
  ['3604010911191727', null, 20191109, 0, 'UDIN', 'L\x1fmeninggal\x1f\x1e\x1f', 4], // no card; separators inside the detail
];

describe('packed members (the reader-to-writer batch)', () => {
  it('gives back every member, field for field, after crossing a real message port', () => {
    const packed = packMembers(members);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(packed, transferablesOf(packed));
    expect(packed.numbers.byteLength).toBe(0); // moved, not copied
    const received = receiveMessageOnPort(port2)?.message;
    port1.close();
    const out: MemberInsert[] = [];
    forEachMember(received, (m) => out.push([...m] as MemberInsert));
    expect(out).toEqual(members);
  });

  it('names and birth dates alone, what the name index takes: the same as the whole members, past missing NIKs and recent details', () => {
    const details = ['L\x1f\x1f2025-01-01', 'P\x1f\x1f2025-01-01', ''];
    const many: MemberInsert[] = [...members, ...[0, 1, 0, 2, 2, 1].map((d, i): MemberInsert => [i % 2 ? null : '3673040306671875', null, i % 3 ? 19670603 + i : null, 0, `NAMA KE ${i}`, details[d]!, i + 5])];
    const packed = packMembers(many);
    const whole: [number, string, number | null][] = [];
    forEachMember(packed, (m) => whole.push([whole.length, m[4], m[2]]));
    const alone: [number, string, number | null][] = [];
    forEachName(packed, (i, name) => {
      const dob = dobAt(packed, i);
      alone.push([i, name, Number.isNaN(dob) ? null : dob]);
    });
    expect(alone).toEqual(whole);
    expect(alone.map(([, name]) => name)).toContain('SITI ÅMINAH');
  });

  it('sends a detail repeated among the last few once, and gives every member its own back', () => {
    // Six distinct details: the list of recent ones (four) overflows, so some come back after being forgotten.
    const details = ['L\x1f\x1f2025-01-01', 'P\x1f\x1f2025-01-01', 'L\x1fmeninggal', 'P\x1f\x1f2026-06-30', '', 'L\x1f\x1fJL. MAWAR'];
    const order = [0, 1, 0, 0, 1, 2, 3, 4, 5, 0, 1, 5, 5, 4, 3, 2, 1, 0, 0, 1];
    const many: MemberInsert[] = order.map((d, i) => ['3673040306671875', null, 19670603, 1, 'PRIYO', details[d]!, i + 2]);
    const packed = packMembers(many);
    const { port1, port2 } = new MessageChannel();
    port1.postMessage(packed, transferablesOf(packed));
    const received = receiveMessageOnPort(port2)?.message;
    port1.close();
    const out: MemberInsert[] = [];
    forEachMember(received, (m) => out.push([...m] as MemberInsert));
    expect(out).toEqual(many);
    const eachSent = many.reduce((n, m) => n + m[0]!.length + m[4].length + m[5].length, 0);
    expect(received.text.length).toBeLessThan(eachSent - 8 * details[0]!.length);
  });

  it('packs an empty batch', () => {
    const out: MemberInsert[] = [];
    forEachMember(packMembers([]), (m) => out.push(m));
    expect(out).toEqual([]);
  });
});
