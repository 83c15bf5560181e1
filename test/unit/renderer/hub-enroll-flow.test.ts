import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { HubEnrollment } from '../../../src/shared/hub-link';
import {
  EMPTY_ENROLL,
  cleanCode,
  cleanHubUrl,
  enrollInput,
  enrollProblem,
  enrollStep,
  fieldOfError,
  type EnrollEvent,
  type EnrollState,
} from '../../../src/renderer/src/features/hub/hub-enroll-flow';

const CODE = 'eyJ2IjoxLCJ1cmxzIjpbImh0dHBzOi8vMTkyLjE2OC4xLjEwOjc0NDMiXX0';
const ENROLLED: HubEnrollment = { hubUrl: 'https://192.168.1.10:7443', facility: 'RSUD Kota Serang', name: 'Loket 2', offlinePrefix: 'K2' };
const run = (events: EnrollEvent[], from: EnrollState = EMPTY_ENROLL): EnrollState => events.reduce(enrollStep, from);
const edit = (field: 'code' | 'hubUrl', value: string): EnrollEvent => ({ type: 'edit', field, value });

describe('the enroll form before sending', () => {
  it('asks for the code first; the address is optional', () => {
    expect(enrollProblem({ hubUrl: '', code: '' })).toBe('codeMissing');
    expect(enrollProblem({ hubUrl: 'https://192.168.1.10:7443', code: ' \n ' })).toBe('codeMissing');
    expect(enrollProblem({ hubUrl: '', code: CODE })).toBeNull();
    expect(enrollInput({ hubUrl: '  ', code: CODE })).toEqual({ code: CODE });
  });

  it('takes an address typed without https:// and refuses one that is not https', () => {
    expect(cleanHubUrl('192.168.1.10:7443')).toBe('https://192.168.1.10:7443');
    expect(enrollInput({ hubUrl: ' 192.168.1.10:7443 ', code: CODE })).toEqual({ hubUrl: 'https://192.168.1.10:7443', code: CODE });
    expect(enrollProblem({ hubUrl: 'http://192.168.1.10:7443', code: CODE })).toBe('urlInvalid');
    expect(enrollProblem({ hubUrl: 'https://', code: CODE })).toBe('urlInvalid');
    expect(enrollProblem({ hubUrl: 'hub lantai 2', code: CODE })).toBe('urlInvalid');
  });

  it('a code pasted over several lines or with spaces is sent whole (property)', () => {
    // Whitespace of any kind before, between and after the characters of the code.
    const gap = fc.stringMatching(/^[ \t\r\n]{0,3}$/);
    fc.assert(
      fc.property(fc.array(gap, { minLength: CODE.length + 1, maxLength: CODE.length + 1 }), (gaps) => {
        const pasted = [...CODE].map((ch, i) => gaps[i] + ch).join('') + gaps[CODE.length];
        expect(cleanCode(pasted)).toBe(CODE);
        expect(enrollInput({ hubUrl: '', code: pasted }).code).toBe(CODE);
      }),
    );
  });
});

describe('the enroll steps', () => {
  it('submit with no code shows the problem under the code and sends nothing', () => {
    const state = run([{ type: 'submit' }]);
    expect(state).toMatchObject({ phase: 'editing', problem: 'codeMissing', error: null });
    // Typing clears it.
    expect(run([edit('code', 'x')], state).problem).toBeNull();
  });

  it('editing → sending → enrolled, the form emptied', () => {
    const sending = run([edit('code', CODE), { type: 'submit' }]);
    expect(sending.phase).toBe('sending');
    // A second Enter while it is on its way changes nothing (one send), and so does typing.
    expect(run([{ type: 'submit' }, edit('code', 'other')], sending)).toEqual(sending);
    const done = run([{ type: 'answer', result: { ok: true, value: ENROLLED } }], sending);
    expect(done).toMatchObject({ phase: 'enrolled', enrollment: ENROLLED, error: null, form: { code: '', hubUrl: '' } });
    // A late answer for nothing sent is ignored.
    expect(run([{ type: 'answer', result: { ok: false, error: { code: 'hub/code-used' } } }], done)).toEqual(done);
  });

  it('a refusal goes back to editing with the code kept, shown under the field it concerns', () => {
    const refused = run([edit('code', CODE), { type: 'submit' }, { type: 'answer', result: { ok: false, error: { code: 'hub/certificate-mismatch' } } }]);
    expect(refused).toMatchObject({ phase: 'editing', error: { code: 'hub/certificate-mismatch' }, form: { code: CODE } });
    expect(fieldOfError(refused.error!)).toBe('hubUrl');
    expect(fieldOfError({ code: 'hub/unreachable', params: { detail: 'ECONNREFUSED' } })).toBe('hubUrl');
    for (const code of ['hub/code-invalid', 'hub/code-used', 'hub/code-expired', 'hub/code-unknown', 'hub/already-enrolled', 'bridge']) expect(fieldOfError({ code })).toBe('code');
    expect(fieldOfError({ code: 'invalid-input', issues: [{ path: ['hubUrl'], kind: 'invalid' }] })).toBe('hubUrl');
    expect(fieldOfError({ code: 'invalid-input', issues: [{ path: ['code'], kind: 'too-short', bound: 20 }] })).toBe('code');
    // Correcting the address and sending again is allowed with the same code.
    const again = run([edit('hubUrl', '192.168.1.11:7443'), { type: 'submit' }], refused);
    expect(again.phase).toBe('sending');
    expect(enrollInput(again.form)).toEqual({ hubUrl: 'https://192.168.1.11:7443', code: CODE });
  });

  it('whatever the events, at most one send is in flight and an enrolled form never goes back (property)', () => {
    const event = fc.oneof(
      fc.constant<EnrollEvent>({ type: 'submit' }),
      fc.constantFrom<EnrollEvent>(edit('code', ''), edit('code', CODE), edit('hubUrl', 'x y'), edit('hubUrl', '10.0.0.2:7443')),
      fc.constantFrom<EnrollEvent>(
        { type: 'answer', result: { ok: true, value: ENROLLED } },
        { type: 'answer', result: { ok: false, error: { code: 'hub/code-expired' } } },
      ),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        let state = EMPTY_ENROLL;
        let sends = 0;
        for (const e of events) {
          const next = enrollStep(state, e);
          if (state.phase !== 'sending' && next.phase === 'sending') {
            sends++;
            expect(enrollProblem(state.form)).toBeNull();
          }
          if (state.phase === 'enrolled') expect(next).toEqual(state);
          if (next.phase === 'sending') expect(next.problem).toBeNull();
          state = next;
        }
        expect(sends).toBeLessThanOrEqual(events.filter((e) => e.type === 'answer').length + 1);
      }),
    );
  });
});
