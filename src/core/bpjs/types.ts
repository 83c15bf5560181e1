// What a live BPJS answer becomes inside Loket, whichever service gave it.

export interface LiveMember {
  nik: string | null;
  card: string | null; // 13 digits
  name: string;
  dob: string | null; // ISO yyyy-MM-dd
  sex: 'L' | 'P' | null;
  status: 'active' | 'inactive';
  statusReason: string | null; // null when active
  segment: string | null; // jenisPeserta keterangan / jnsPeserta nama
  class: string | null; // hakKelas / jnsKelas
  facility: string | null; // provUmum / kdProviderPst nmProvider
  validUntil: string | null; // ISO; tglTAT / tglAkhirBerlaku
}

export type BpjsService = 'vclaim' | 'pcare';

export type BpjsFailureReason = 'offline' | 'timeout' | 'credentials' | 'clock' | 'service-down' | 'bad-response' | 'breaker-open';

export type BpjsResult =
  | { ok: true; member: LiveMember | null; metaCode: string; tookMs: number }
  | { ok: false; reason: BpjsFailureReason; detail: string; metaCode?: string; tookMs: number };
