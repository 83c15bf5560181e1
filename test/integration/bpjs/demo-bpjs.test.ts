// `npm run harness -- --bpjs-sim`: the simulator answers for whoever is in the lists.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { startDemoBpjs } from '../../../src/harness/demo-bpjs';
import { NUR, SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import type { BpjsSimulator } from '../../../src/simulators/bpjs-simulator';
import { fileFor } from '../../helpers/files';

const tempDir = useTempDir();
const opened: { core: Core; sim: BpjsSimulator }[] = [];
afterEach(async () => {
  for (const { core, sim } of opened.splice(0)) {
    core.close();
    await sim.close();
  }
});

describe('the harness demo against the BPJS simulator', () => {
  it.each(['vclaim', 'pcare'] as const)('%s: configured at once; answers from the lists, NIKs ending in 7 with the opposite status', async (service) => {
    const dir = tempDir();
    const core = createCore({ dbPath: join(dir, 'demo.db'), workerScript: null, bpjsBackground: false });
    await core.importList({ file: fileFor(core, writeSampleCsv(dir)), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
    const sim = await startDemoBpjs(core, service);
    opened.push({ core, sim });
    expect((await core.getBpjsSettings({})).use).toBe(service);
    expect(await core.testBpjsConnection({ service })).toMatchObject({ ok: true });
    const siti = await core.lookupOnline({ query: SITI.nik });
    expect(siti.online).toMatchObject({ status: 'answered', found: true });
    expect(siti.result!.matches.find((m) => m.list.kind === 'bpjs-live')?.status).toBe('active');
    // Nur's NIK ends in 7: not active in the list (deceased), "active" at the demo BPJS.
    const nur = await core.lookupOnline({ query: NUR.nik });
    expect(nur.result!.matches.map((m) => [m.list.kind, m.status])).toEqual([['pbi-apbd', 'inactive'], ['bpjs-live', 'active']]);
    const unknown = await core.lookupOnline({ query: '3673010101000009' });
    expect(unknown.online).toMatchObject({ status: 'answered', found: false });
  });
});
