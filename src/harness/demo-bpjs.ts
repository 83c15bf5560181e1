// `npm run harness -- --bpjs-sim`: the app in a browser against the BPJS simulator, for demos
// and training. The simulator answers for whoever is in the current lists, so any patient the
// trainer looks up gets a live answer; NIKs ending in 7 get the opposite status, to show what
// the counter does when the lists and BPJS disagree.
import { createInterface } from 'node:readline';
import type { Core } from '../core/core';
import type { MemberMatch } from '../shared/lookup';
import { SIM_CREDENTIALS, startBpjsSimulator, type BpjsSimulator, type SimFault, type SimMember } from '../simulators/bpjs-simulator';

export async function startDemoBpjs(core: Core, service: 'vclaim' | 'pcare'): Promise<BpjsSimulator> {
  const sim = await startBpjsSimulator({
    resolve: async (_by, id) => {
      const result = await core.lookup({ query: id });
      const fromList = result.matches.find((m) => m.list.kind !== 'bpjs-live' && m.confidence === 'exact');
      return fromList ? simMemberOf(fromList) : undefined;
    },
  });
  const fields = { consId: SIM_CREDENTIALS.consId, secret: SIM_CREDENTIALS.secret, userKey: SIM_CREDENTIALS.userKey };
  await core.saveBpjsSettings({
    use: service,
    vclaim: { baseUrl: sim.vclaimUrl, ...fields },
    pcare: { baseUrl: sim.pcareUrl, ...fields, pcareUser: SIM_CREDENTIALS.pcareUser, pcarePass: SIM_CREDENTIALS.pcarePass, pcareApp: SIM_CREDENTIALS.pcareApp },
    timeoutSeconds: 5,
    slowSeconds: 2,
    probeSeconds: 15,
  });
  return sim;
}

/** Lines typed in the harness terminal switch the simulator: up, down, slow, hang, error, clock. */
export function controlFromTerminal(sim: BpjsSimulator): void {
  const faults: Record<string, SimFault | null> = {
    up: null,
    down: { kind: 'down' },
    slow: { kind: 'slow', delayMs: 3000 },
    hang: { kind: 'hang' },
    error: { kind: 'http500' },
    clock: { kind: 'clockSkew' },
  };
  console.log(`BPJS simulator at ${sim.url}. Type one of: ${Object.keys(faults).join(', ')} (then Enter) to change how it behaves.`);
  createInterface({ input: process.stdin }).on('line', (line) => {
    const word = line.trim().toLowerCase();
    if (!(word in faults)) return console.log(`unknown: ${word}; try ${Object.keys(faults).join(', ')}`);
    sim.setFault(faults[word] ?? null);
    console.log(`BPJS simulator: ${word}`);
  });
}

function simMemberOf(m: MemberMatch): SimMember {
  const active = (m.status === 'active') !== (m.nik?.endsWith('7') ?? false);
  return {
    nik: m.nik ?? '',
    noKartu: m.card ?? '0000000000000',
    nama: m.name,
    sex: m.sex ?? 'L',
    tglLahir: m.dob ?? '1970-01-01',
    statusKode: active ? '0' : '9',
    statusKeterangan: active ? 'AKTIF' : 'NON AKTIF KARENA PREMI',
    jenisPeserta: { kode: '22', keterangan: m.segment ?? 'PBI (APBD)' },
    hakKelas: { kode: '3', keterangan: m.class ?? 'KELAS III' },
    provider: { kdProvider: '0000P000', nmProvider: m.facility ?? 'PUSKESMAS DEMO' },
    tglTAT: active ? '2099-12-31' : '2026-10-31',
  };
}
