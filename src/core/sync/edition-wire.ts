import { z } from 'zod';
import { listKindSchema } from '../../shared/list-schemas';

/**
 * The editions part of the hub protocol (kept beside the code that uses it on both sides; the
 * hub imports it from here). An edition travels as its SQLite file, encrypted with its transfer
 * key (transfer-key.ts), gzip-compressed, over the pinned TLS connection; its SHA-256 is over the
 * uncompressed file. The transfer key travels in the upload's headers and in the manifest.
 */
export const EDITIONS_PATH = '/v1/editions';
export const ADMIN_EDITIONS_PATH = '/v1/admin/editions';
export const editionDownloadPath = (fileSha256: string): string => `${EDITIONS_PATH}/${fileSha256}`;

/** Upload headers (lower-case, as Node gives them). The list name is URI-encoded (it may hold any character). */
export const EDITION_HEADERS = {
  list: 'x-loket-list',
  kind: 'x-loket-kind',
  asOf: 'x-loket-as-of',
  contentHash: 'x-loket-content-hash',
  fileSha256: 'x-loket-file-sha256',
  /** The key the file is encrypted with (absent: an unencrypted file, as versions before it sent). */
  transferKey: 'x-loket-transfer-key',
} as const;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const transferKey = z.string().regex(/^[0-9a-f]{64}$/);

export const uploadedEditionHeaders = z.object({
  list: z.string().min(1).max(200),
  kind: listKindSchema,
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  contentHash: sha256Hex,
  fileSha256: sha256Hex,
  transferKey: transferKey.optional(),
});
export type UploadedEditionHeaders = z.infer<typeof uploadedEditionHeaders>;

export const hubEditionEntry = z.object({
  list: z.string().min(1).max(200),
  kind: listKindSchema,
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  contentHash: sha256Hex,
  fileSha256: sha256Hex,
  /** Bytes of the compressed file (what a download transfers). */
  size: z.number().int().nonnegative(),
  members: z.number().int().nonnegative(),
  rev: z.number().int().nonnegative(),
  /** When the hub took it (ISO instant): among editions of the same as-of, the later one is the facility's. */
  uploadedAt: z.string().min(20).max(40),
  /** The key the file is encrypted with; null for a file the hub took unencrypted. Absent from older hubs. */
  transferKey: transferKey.nullable().optional(),
});
export type HubEditionEntry = z.infer<typeof hubEditionEntry>;

/** GET /v1/editions: each list's current edition at the hub (newest as-of; the later upload among equal ones). */
export const editionManifest = z.object({ editions: z.array(hubEditionEntry) });
export type EditionManifest = z.infer<typeof editionManifest>;

/**
 * GET /v1/admin/editions?list=&kind=&asOf=&contentHash= (admin): the edition of that list, kind
 * and as-of date with those members the hub already holds, if any, so that `loket hub edition
 * add` need not send a file the hub has (an upload of it would change nothing).
 */
export interface HeldEditionResponse {
  edition: HubEditionEntry | null;
  /** The held edition is its list's current one at the hub (false when none is held). */
  current: boolean;
}

/** POST /v1/editions answers this (also for a file the hub already had: uploads are idempotent by file SHA-256). */
export interface UploadEditionResponse {
  edition: HubEditionEntry;
  /** The list's current edition at the hub is this one (false: an older as-of, kept but not current). */
  current: boolean;
  duplicate: boolean;
}
