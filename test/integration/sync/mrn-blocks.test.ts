import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPatient, findPatient } from '../../../src/core/patients/patients.repo';
import { addMrnBlock, mrnBlockLow, takeMrnSeq } from '../../../src/core/sync/mrn-blocks';
import type { Db } from '../../../src/core/store/open-database';
import { useTempDir } from '../../helpers/temp';
import { NOW, SETTINGS, enrolledCounterDb, openCounterDb } from './sync-fixture';

const tempDir = useTempDir();

describe('record numbers from the hub blocks', () => {
  it('takes the blocks in order, says when half is used, and gives null when all are', () => {
    const db = enrolledCounterDb(tempDir());
    expect(takeMrnSeq(db)).toBeNull();
    expect(mrnBlockLow(db)).toBe(true);
    addMrnBlock(db, { first: 101, last: 104 });
    addMrnBlock(db, { first: 101, last: 104 }); // the same block twice is one block
    expect(mrnBlockLow(db)).toBe(false);
    expect([takeMrnSeq(db), takeMrnSeq(db)]).toEqual([101, 102]);
    expect(mrnBlockLow(db)).toBe(true);
    addMrnBlock(db, { first: 201, last: 204 });
    expect([takeMrnSeq(db), takeMrnSeq(db), takeMrnSeq(db)]).toEqual([103, 104, 201]);
    expect([takeMrnSeq(db), takeMrnSeq(db), takeMrnSeq(db), takeMrnSeq(db)]).toEqual([202, 203, 204, null]);
    db.close();
  });

  it('numbers as before while alone, from the blocks when enrolled, with the offline prefix when none is left', () => {
    const alone = openCounterDb(tempDir());
    expect(createPatient(alone, { name: 'A' }, SETTINGS, NOW).mrn).toBe('000001');
    alone.close();

    const db = enrolledCounterDb(tempDir(), 'K2');
    addMrnBlock(db, { first: 501, last: 501 });
    const settings = { ...SETTINGS, mrnFormat: 'RM-{yyyy}-{seq:5}' };
    expect(createPatient(db, { name: 'A' }, settings, NOW).mrn).toBe('RM-2026-00501');
    expect(createPatient(db, { name: 'B' }, settings, NOW).mrn).toBe('K2-000001');
    expect(createPatient(db, { name: 'C' }, settings, NOW).mrn).toBe('K2-000002');
    expect(findPatient(db, { mrn: 'k2-000002' })?.name).toBe('C');
    db.close();
  });

  it('skips a block value whose RM a record made before enrolment already has', () => {
    const dir = tempDir();
    const db = openCounterDb(dir);
    createPatient(db, { name: 'Old' }, SETTINGS, NOW); // 000001 by the local sequence
    db.close();
    const enrolled = enrolledCounterDb(dir, 'K4');
    addMrnBlock(enrolled, { first: 1, last: 10 });
    expect(createPatient(enrolled, { name: 'New' }, SETTINGS, NOW).mrn).toBe('000002');
    enrolled.close();
  });

  it('never gives two counters the same RM, whatever the blocks and offline periods', () => {
    type Step = { counter: 0 | 1; action: 'create' | 'refill' | 'toggle-offline' };
    const step = fc.record({ counter: fc.constantFrom<0 | 1>(0, 1), action: fc.constantFrom<Step['action']>('create', 'create', 'create', 'refill', 'toggle-offline') });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60 }), fc.integer({ min: 1, max: 5 }), (steps, blockSize) => {
        const dir = tempDir();
        const counters: Db[] = [enrolledCounterDb(dir, 'K1', 'a.db'), enrolledCounterDb(dir, 'K2', 'b.db')];
        const offline = [false, false];
        let hubNext = 1; // the hub's one sequence of record numbers, handed out in blocks
        const made: string[] = [];
        try {
          for (const s of steps) {
            const db = counters[s.counter]!;
            if (s.action === 'toggle-offline') offline[s.counter] = !offline[s.counter];
            else if (s.action === 'refill' && !offline[s.counter]) {
              addMrnBlock(db, { first: hubNext, last: hubNext + blockSize - 1 });
              hubNext += blockSize;
            } else if (s.action === 'create') made.push(createPatient(db, { name: 'P' }, SETTINGS, NOW).mrn);
          }
        } finally {
          for (const db of counters) db.close();
        }
        expect(new Set(made).size).toBe(made.length);
      }),
      { numRuns: 25 },
    );
  });

  it('never numbers below the first sequence number (mrnStart), alone or from blocks; never gives a number twice', () => {
    const paper = { ...SETTINGS, mrnStart: 200000 };
    const alone = openCounterDb(tempDir());
    expect(createPatient(alone, { name: 'A' }, SETTINGS, NOW).mrn).toBe('000001');
    expect(createPatient(alone, { name: 'B' }, paper, NOW).mrn).toBe('200000');
    expect(createPatient(alone, { name: 'C' }, paper, NOW).mrn).toBe('200001');
    // Lowered again (or back to the default): the sequence goes on, a number is never reused.
    expect(createPatient(alone, { name: 'D' }, SETTINGS, NOW).mrn).toBe('200002');
    alone.close();

    const db = enrolledCounterDb(tempDir(), 'K3');
    addMrnBlock(db, { first: 11, last: 20 }); // reserved before the start was raised, or by an older hub
    addMrnBlock(db, { first: 199995, last: 200004 });
    expect(createPatient(db, { name: 'E' }, paper, NOW).mrn).toBe('200000');
    expect(createPatient(db, { name: 'F' }, paper, NOW).mrn).toBe('200001');
    expect(mrnBlockLow(db)).toBe(true); // the values below the start count as used: time to ask the hub
    db.close();
  });
});

