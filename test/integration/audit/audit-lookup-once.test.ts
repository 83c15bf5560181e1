// "Who looked this person up?": one search by the clerk is one look-up entry. The search screen
// asks the core twice for a number (the local look-up, then the live check), and the live check
// once wrote a second look-up entry with "0 matches" even when BPJS was not set up at all.
import { afterEach, describe, expect, it } from 'vitest';
import { startBpjsSimulator, type BpjsSimulator } from '../../../src/simulators/bpjs-simulator';
import { SAMPLE_ON_BPJS, simSettingsForm } from '../../helpers/bpjs-members';
import { SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { allEntries, auditCore, callOk, NOW } from './audit-core';

const tempDir = useTempDir();
const sims: BpjsSimulator[] = [];
afterEach(async () => {
  for (const sim of sims.splice(0)) await sim.close();
});

/** A core with the sample list, as the CLI opens one. */
async function counter() {
  const dir = tempDir();
  const { core } = auditCore(dir);
  const file = core.registerFile(writeSampleCsv(dir), 'open-list').handle;
  await callOk(core, 'importList', { file, list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
  return core;
}

/** The search screen's two calls for a typed number (use-lookup.ts). */
async function searchScreen(core: Awaited<ReturnType<typeof counter>>, query: string): Promise<void> {
  await callOk(core, 'lookup', { query });
  await callOk(core, 'lookupOnline', { query });
}

const lookups = async (core: Awaited<ReturnType<typeof counter>>) => (await allEntries(core)).filter((e) => e.action === 'lookup');

describe('a NIK look-up in the audit trail', () => {
  it('without BPJS access: one entry, with the match count', async () => {
    const core = await counter();
    await searchScreen(core, SITI.nik);
    const entries = await lookups(core);
    expect(entries.map((e) => e.detail)).toEqual([{ method: 'lookup', query: SITI.nik, queryKey: SITI.nik, matches: expect.any(Number) }]);
    core.close();
  });

  it('with BPJS asked: the look-up, and a second entry of its own kind saying BPJS was asked and whether it knew the person, never a match count', async () => {
    const sim = await startBpjsSimulator({ members: SAMPLE_ON_BPJS, now: () => NOW.getTime() });
    sims.push(sim);
    const core = await counter();
    await callOk(core, 'saveBpjsSettings', simSettingsForm(sim, { timeoutSeconds: 2, slowSeconds: 1 }));
    await searchScreen(core, SITI.nik);
    const entries = await lookups(core);
    expect(entries.map((e) => e.detail)).toEqual([
      { method: 'lookup', query: SITI.nik, queryKey: SITI.nik, matches: expect.any(Number) },
      { method: 'lookupOnline', query: SITI.nik, queryKey: SITI.nik, service: 'vclaim', bpjs: 'found' },
    ]);
    core.close();
  });
});
