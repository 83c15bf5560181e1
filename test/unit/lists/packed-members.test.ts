import { describe, expect, it } from 'vitest';
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { forEachMember, packMembers, transferablesOf } from '../../../src/core/lists/packed-members';
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

  it('packs an empty batch', () => {
    const out: MemberInsert[] = [];
    forEachMember(packMembers([]), (m) => out.push(m));
    expect(out).toEqual([]);
  });
});
