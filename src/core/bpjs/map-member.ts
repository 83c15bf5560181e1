// VClaim `peserta` and PCare answers → LiveMember. Field names follow DOMAIN.md section 6.
// The services are loosely typed (codes as strings or numbers, fields missing), so every read
// is defensive and a missing field becomes null rather than an exception.
import { parseDate } from '../../shared/dates';
import { mapVClaimStatus, parseSex } from '../../shared/status';
import { textReason } from '../../shared/status-reason';
import type { LiveMember } from './types';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | null {
  if (typeof value === 'string') {
    const t = value.trim();
    return t === '' ? null : t;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

function field(obj: unknown, key: string): unknown {
  return isObject(obj) ? obj[key] : undefined;
}

/** Only well-formed identifiers leave the mapper: a card is 13 digits, a NIK 16. */
function digits(value: unknown, length: number): string | null {
  const t = text(value);
  return t !== null && t.length === length && /^\d+$/.test(t) ? t : null;
}

function date(value: unknown): string | null {
  const t = text(value);
  return t === null ? null : parseDate(t);
}

/** Thrown when an answer is not a member at all; the client reports it as 'bad-response'. */
export class BpjsShapeError extends Error {
  override name = 'BpjsShapeError';
}

/** VClaim: the decrypted response is `{ peserta: {...} }`. */
export function mapVClaimPeserta(response: unknown): LiveMember {
  const p = isObject(response) && isObject(response.peserta) ? response.peserta : null;
  if (p === null) throw new BpjsShapeError('VClaim response has no peserta');
  const status = mapVClaimStatus(text(field(p.statusPeserta, 'kode')), text(field(p.statusPeserta, 'keterangan')));
  return {
    nik: digits(p.nik, 16),
    card: digits(p.noKartu, 13),
    name: text(p.nama) ?? '',
    dob: date(p.tglLahir),
    sex: parseSex(text(p.sex)),
    status: status.status,
    statusReason: status.reason,
    segment: text(field(p.jenisPeserta, 'keterangan')),
    class: text(field(p.hakKelas, 'keterangan')) ?? text(field(p.hakKelas, 'kode')),
    facility: text(field(p.provUmum, 'nmProvider')),
    validUntil: date(p.tglTAT),
  };
}

/** PCare: the decrypted response is the member itself, with `aktif` as a boolean. */
export function mapPCarePeserta(response: unknown): LiveMember {
  if (!isObject(response) || (text(response.noKartu) === null && text(response.nama) === null)) {
    throw new BpjsShapeError('PCare response is not a member');
  }
  const p = response;
  // Some gateways send "true"/"false" as text; anything else we cannot read counts as not active.
  const active = p.aktif === true || (typeof p.aktif === 'string' && p.aktif.trim().toLowerCase() === 'true');
  const note = text(p.ketAktif);
  return {
    nik: digits(p.noKTP, 16),
    card: digits(p.noKartu, 13),
    name: text(p.nama) ?? '',
    dob: date(p.tglLahir),
    sex: parseSex(text(p.sex)),
    status: active ? 'active' : 'inactive',
    statusReason: active ? null : note === null ? 'inactive' : textReason(note),
    segment: text(field(p.jnsPeserta, 'nama')),
    class: text(field(p.jnsKelas, 'nama')) ?? text(field(p.jnsKelas, 'kode')),
    facility: text(field(p.kdProviderPst, 'nmProvider')),
    validUntil: date(p.tglAkhirBerlaku),
  };
}
