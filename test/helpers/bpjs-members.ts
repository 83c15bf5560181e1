import type { BpjsSettingsForm } from '../../src/shared/bpjs';
import { SIM_CREDENTIALS, type BpjsSimulator, type SimMember } from '../../src/simulators/bpjs-simulator';
import { DJOKO, RIZKI, SITI } from './sample-list';

/** A member of the sample list as the BPJS simulator knows them: active unless told otherwise. */
export function simMemberOf(person: { nik: string; card: string; name: string; dob: string }, over: Partial<SimMember> = {}): SimMember {
  return {
    nik: person.nik,
    noKartu: person.card,
    nama: person.name,
    sex: 'P',
    tglLahir: person.dob,
    statusKode: '0',
    statusKeterangan: 'AKTIF',
    jenisPeserta: { kode: '22', keterangan: 'PBI (APBD)' },
    hakKelas: { kode: '3', keterangan: 'KELAS III' },
    provider: { kdProvider: '0115P001', nmProvider: 'PUSKESMAS SERANG KOTA' },
    tglTAT: '2099-12-31',
    ...over,
  };
}

/**
 * What BPJS says about the sample list's people, where it differs from the list:
 * Siti (active in the list) stopped paying; Djoko (not active in the list) is active again.
 */
export const SAMPLE_ON_BPJS: SimMember[] = [
  simMemberOf(SITI, { statusKode: '9', statusKeterangan: 'NON AKTIF KARENA PREMI', jenisPeserta: { kode: '14', keterangan: 'PEKERJA MANDIRI' }, tglTAT: '2026-10-31' }),
  simMemberOf(DJOKO, { sex: 'L' }),
  simMemberOf(RIZKI, { sex: 'L' }),
];

/** Settings pointing at the simulator with its credentials: VClaim in use, PCare filled in too. */
export function simSettingsForm(sim: BpjsSimulator, over: Partial<BpjsSettingsForm> = {}): BpjsSettingsForm {
  const credentials = { consId: SIM_CREDENTIALS.consId, secret: SIM_CREDENTIALS.secret, userKey: SIM_CREDENTIALS.userKey };
  return {
    use: 'vclaim',
    vclaim: { baseUrl: sim.vclaimUrl, ...credentials },
    pcare: { baseUrl: sim.pcareUrl, ...credentials, pcareUser: SIM_CREDENTIALS.pcareUser, pcarePass: SIM_CREDENTIALS.pcarePass, pcareApp: SIM_CREDENTIALS.pcareApp },
    timeoutSeconds: 3,
    slowSeconds: 2,
    probeSeconds: 60,
    ...over,
  };
}
