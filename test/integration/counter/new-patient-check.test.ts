import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { dispatch } from '../../../src/core/dispatch';
import { withIdentityCheck, type CheckApi } from '../../../src/renderer/src/features/register/identity-check';
import { chosen, flowReducer, initialFlow, registrationOf, type FlowEvent } from '../../../src/renderer/src/features/register/register-flow';
import type { Subject } from '../../../src/renderer/src/features/register/subject';
import type { Result } from '../../../src/shared/contract';
import type { Identity } from '../../../src/shared/counter';
import type { LookupResult } from '../../../src/shared/lookup';
import { fileFor } from '../../helpers/files';
import { DJOKO, SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const UNITS = [{ code: 'UMUM', key: '1' }];
/** F2: a new patient, nothing searched. */
const F2: Subject = { kind: 'new', nik: null, card: null, name: '', verdict: null };
const typed = (over: Partial<Identity>): Identity => ({ name: 'SITI AMINAH', nik: null, card: null, dob: null, sex: null, address: null, ...over });

/** The real core with the sample list, behind the contract (dispatch), counting the look-ups the flow makes. */
async function counter(): Promise<{ core: Core; api: CheckApi; lookups: string[] }> {
  const dir = tempDir();
  const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, actor: { username: 'ani', role: 'admin' }, now: () => new Date('2026-11-23T02:00:00Z'), clerk: 'ani' });
  await core.importList({ file: fileFor(core, writeSampleCsv(dir)), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
  const lookups: string[] = [];
  return {
    core,
    lookups,
    api: {
      lookup: async (input) => {
        lookups.push(input.query);
        return (await dispatch(core, 'lookup', input)) as Result<LookupResult>;
      },
    },
  };
}

/** The flow from F2 to the unit step with the given event after the check, and what "Daftar" would send. */
function unitStep(subject: Subject, event: FlowEvent | null) {
  const state = event ? flowReducer(initialFlow(subject), event) : initialFlow(subject);
  return { state, chosen: chosen(state, subject, UNITS), call: registrationOf(state, subject, UNITS, false) };
}

describe('the unit step checks a NIK the search never looked up (F2)', () => {
  it('an active member typed in the form: the verdict and payer from the lists, the card and address from the list', async () => {
    const { core, api, lookups } = await counter();
    const next = await withIdentityCheck(api, F2, { type: 'new', identity: typed({ name: 'siti aminah', nik: SITI.nik }) }, () => true);
    expect(lookups).toEqual([SITI.nik]);
    const { state, chosen: now, call } = unitStep(F2, next);
    expect(state.check).toMatchObject({ query: SITI.nik, verdict: 'eligible' });
    expect(now).toEqual({ unit: 'UMUM', payer: 'jkn', derived: 'jkn', checked: true });
    expect(call).toMatchObject({ method: 'registerNewPatient', input: { verdict: 'eligible', verdictSource: 'lists', payer: 'jkn', identity: { nik: SITI.nik, card: SITI.card, address: 'KP. CIBEBER, CIBEBER' } } });
    // Registered through the real core: no payer task, the card on the record.
    if (call?.method !== 'registerNewPatient') throw new Error('expected a new patient');
    const visit = await core.registerNewPatient(call.input);
    expect(visit.followUpIds).toEqual([]);
    expect(await core.findPatient({ nik: SITI.nik })).toMatchObject({ card: SITI.card });
    core.close();
  });

  it('the same NIK under another name: the verdict is the NIK’s, shown with the list’s name, but nothing of the list goes into this record', async () => {
    const { core, api } = await counter();
    const next = await withIdentityCheck(api, F2, { type: 'new', identity: typed({ name: 'BAYI NY SITI', nik: SITI.nik }) }, () => true);
    const { state, call } = unitStep(F2, next);
    expect(state.check?.basis.map((m) => m.name)).toContain(SITI.name);
    expect(call).toMatchObject({ input: { verdict: 'eligible', identity: { name: 'BAYI NY SITI', card: null, address: null } } });
    core.close();
  });

  it('a NIK on no list is "not found" (its task says so), a non-active member "not active"', async () => {
    const { core, api } = await counter();
    const unknown = unitStep(F2, await withIdentityCheck(api, F2, { type: 'new', identity: typed({ name: 'WIWIK', nik: '3674046505880004' }) }, () => true));
    expect(unknown.chosen).toMatchObject({ payer: 'pending', checked: true });
    expect(unknown.call).toMatchObject({ input: { verdict: 'unknown' } });
    const inactive = unitStep(F2, await withIdentityCheck(api, F2, { type: 'new', identity: typed({ name: DJOKO.name, nik: DJOKO.nik }) }, () => true));
    expect(inactive.call).toMatchObject({ input: { verdict: 'not-eligible', payer: 'pending' } });
    core.close();
  });

  it('a record found by the typed NIK is checked too; a record without NIK or card is not, and never said to be', async () => {
    const { core, api, lookups } = await counter();
    const known = await core.createPatient({ name: 'SITI AMINAH', nik: SITI.nik });
    const withNik = unitStep(F2, await withIdentityCheck(api, F2, { type: 'patient', patient: known }, () => true));
    expect(withNik.call).toMatchObject({ method: 'registerVisit', input: { verdict: 'eligible', payer: 'jkn' } });
    const baby = await core.createPatient({ name: 'BAYI NY SITI' });
    const without = unitStep(F2, await withIdentityCheck(api, F2, { type: 'patient', patient: baby }, () => true));
    expect(without.chosen).toMatchObject({ payer: 'pending', checked: false });
    expect(without.call).toMatchObject({ input: { verdict: null } });
    expect(lookups).toEqual([SITI.nik]);
    core.close();
  });

  it('nothing is looked up twice: a search by that NIK, or a list member, was the check', async () => {
    const { core, api, lookups } = await counter();
    const searched: Subject = { kind: 'new', nik: '3674046505880004', card: null, name: '', verdict: 'unknown' };
    const event: FlowEvent = { type: 'new', identity: typed({ name: 'WIWIK', nik: '3674046505880004' }) };
    expect(await withIdentityCheck(api, searched, event, () => true)).toBe(event);
    // A name search that found nobody, then the NIK typed in the form: that NIK was never looked up.
    const byName: Subject = { kind: 'new', nik: null, card: null, name: 'SITI AMINAH', verdict: 'unknown' };
    const next = await withIdentityCheck(api, byName, { type: 'new', identity: typed({ nik: SITI.nik }) }, () => true);
    expect(unitStep(byName, next).call).toMatchObject({ input: { verdict: 'eligible', payer: 'jkn' } });
    expect(lookups).toEqual([SITI.nik]);
    // A panel dropped while the look-up ran moves on to nothing.
    expect(await withIdentityCheck(api, F2, { type: 'new', identity: typed({ nik: SITI.nik }) }, () => false)).toBeNull();
    core.close();
  });
});
