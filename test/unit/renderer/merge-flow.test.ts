import { describe, expect, it } from 'vitest';
import { initialMerge, mergeReducer, type MergeEvent, type MergeState } from '../../../src/renderer/src/features/merge/merge-flow';
import type { PatientMergePreview, PatientMergeResult } from '../../../src/shared/patient-merge';

const patient = (id: number, mrn: string) => ({ id, uid: `u${id}`, mrn, nik: null, card: null, name: 'DEWI LESTARI', dob: null, sex: null, address: null, oldMrn: null, identified: true });
const preview: PatientMergePreview = { survivor: { patient: patient(1, '000032'), visits: 1, lastVisit: null }, merged: { patient: patient(2, '000048'), visits: 1, lastVisit: null }, fills: [], notFilled: [], taken: null, alias: null };
const result: PatientMergeResult = { survivor: patient(1, '000032'), merged: patient(2, '000048'), visitsMoved: 1, filled: [], notFilled: [], taken: null, alias: null };
const run = (events: MergeEvent[], from: MergeState = initialMerge): MergeState => events.reduce(mergeReducer, from);

describe('merge-flow (Settings › Merge records)', () => {
  it('check, confirm, merged: back to editing with the merge to say', () => {
    expect(run([{ type: 'check' }, { type: 'checked', preview }])).toEqual({ phase: 'confirming', preview });
    expect(run([{ type: 'check' }, { type: 'checked', preview }, { type: 'confirm' }, { type: 'merged', result }])).toEqual({ phase: 'editing', error: null, done: result });
  });

  it('cancel leaves nothing; a refusal stays until the next check; keys pressed twice do nothing twice', () => {
    expect(run([{ type: 'check' }, { type: 'checked', preview }, { type: 'cancel' }])).toEqual(initialMerge);
    const error = { code: 'patient-merge/nik-differs' };
    const refused = run([{ type: 'check' }, { type: 'failed', error }]);
    expect(refused).toEqual({ phase: 'editing', error, done: null });
    expect(run([{ type: 'check' }], refused)).toEqual({ phase: 'checking' });
    // A second Enter while the check is out, or a confirm while merging: ignored.
    expect(run([{ type: 'check' }, { type: 'check' }])).toEqual({ phase: 'checking' });
    expect(run([{ type: 'check' }, { type: 'checked', preview }, { type: 'confirm' }, { type: 'confirm' }])).toEqual({ phase: 'merging', preview });
    // A confirm that failed (the records changed meanwhile): said, back to editing.
    expect(run([{ type: 'check' }, { type: 'checked', preview }, { type: 'confirm' }, { type: 'failed', error }])).toEqual({ phase: 'editing', error, done: null });
  });
});
