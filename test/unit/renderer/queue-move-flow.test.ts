import { describe, expect, it } from 'vitest';
import type { MovedVisit, QueueEntry } from '../../../src/shared/counter';
import { MOVE_CLOSED, moveFocus, moveReducer, moveTargets, targetOfKey } from '../../../src/renderer/src/features/queue/move-flow';
import { queueLetterAction } from '../../../src/renderer/src/features/queue/queue-keys';
import { keyedUnits } from '../../../src/renderer/src/unit-keys';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

const entry = (status: QueueEntry['status']): QueueEntry => ({
  visitId: 7,
  visitUid: '0190f1a0-0000-7000-8000-000000000007',
  serviceDate: '2026-11-30',
  queue: 'U-002',
  unit: 'UMUM',
  emergency: false,
  sameNumber: false, waitingTwice: false, yesterday: false,
  status,
  patient: { id: 1, uid: '0190f1a0-0000-7000-8000-000000000001', mrn: '000001', nik: null, name: 'ASEP SUNANDAR' },
  registeredAt: '2026-11-30T01:00:00.000Z',
  calledAt: null,
  servedAt: null,
  waitingMinutes: 3,
  recalls: 0,
});
const moved: MovedVisit = { visitId: 7, name: 'ASEP SUNANDAR', from: { unit: 'UMUM', queue: 'U-002', status: 'waiting' }, to: { unit: 'GIGI', queue: 'G-002' } };

describe('Ganti poli, without a window', () => {
  it('opens for a waiting or called row only; picks another unit; a failure goes back to the choice with the reason', () => {
    expect(moveReducer(MOVE_CLOSED, { type: 'open', entry: entry('served') })).toBe(MOVE_CLOSED);
    expect(moveReducer(MOVE_CLOSED, { type: 'open', entry: entry('cancelled') })).toBe(MOVE_CLOSED);
    const choosing = moveReducer(MOVE_CLOSED, { type: 'open', entry: entry('called') });
    expect(choosing).toMatchObject({ step: 'choosing', error: null });
    expect(moveReducer(choosing, { type: 'pick', unit: 'UMUM' })).toBe(choosing);
    const moving = moveReducer(choosing, { type: 'pick', unit: 'GIGI' });
    expect(moving).toMatchObject({ step: 'moving', unit: 'GIGI' });
    // Esc while the move is on its way: the answer decides, not the key.
    expect(moveReducer(moving, { type: 'close' })).toBe(moving);
    expect(moveReducer(moving, { type: 'failed', error: { code: 'visit/duplicate' } })).toMatchObject({ step: 'choosing', error: { code: 'visit/duplicate' } });
    const done = moveReducer(moving, { type: 'done', moved });
    expect(done).toMatchObject({ step: 'moved', moved });
    expect(moveReducer(done, { type: 'close' })).toBe(MOVE_CLOSED);
  });

  it('the choice opens on Kembali (a reflex Enter moves nobody); the move done, on the new slip', () => {
    expect(moveFocus('choosing')).toBe('back');
    expect(moveFocus('moved')).toBe('print');
    expect(moveFocus('moving')).toBeNull();
  });

  it('offers the units with their usual number keys; the own unit is shown but not picked', () => {
    const targets = moveTargets(keyedUnits(DEFAULT_SETTINGS.units), 'UMUM');
    expect(targets.map((t) => [t.key, t.code, t.current])).toEqual([
      ['1', 'UMUM', true],
      ['2', 'GIGI', false],
      ['3', 'KIA', false],
      ['4', 'LANSIA', false],
      ['5', 'IGD', false],
    ]);
    expect(targetOfKey(targets, '1')).toBeNull();
    expect(targetOfKey(targets, '2')?.code).toBe('GIGI');
    expect(targetOfKey(targets, '9')).toBeNull();
  });

  it('the IGD is no target (an emergency goes by F9), only shown as where a patient already is', () => {
    const from = (unit: string) => moveTargets(keyedUnits(DEFAULT_SETTINGS.units), unit, DEFAULT_SETTINGS.emergencyUnit).map((t) => t.code);
    expect(from('UMUM')).toEqual(['UMUM', 'GIGI', 'KIA', 'LANSIA']);
    expect(from('IGD')).toEqual(['UMUM', 'GIGI', 'KIA', 'LANSIA', 'IGD']);
  });

  it('letters: G moves an open row, U calls a called row again, nothing else', () => {
    expect(queueLetterAction('g', entry('waiting'))).toBe('move');
    expect(queueLetterAction('g', entry('served'))).toBeNull();
    expect(queueLetterAction('g', null)).toBeNull();
    expect(queueLetterAction('u', entry('called'))).toBe('recall');
    expect(queueLetterAction('u', entry('waiting'))).toBeNull();
    expect(queueLetterAction('p', null)).toBe('call-next');
    expect(queueLetterAction('b', entry('called'))).toBe('cancel');
  });
});
