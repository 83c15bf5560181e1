import { describe, expect, it } from 'vitest';
import { formatCoreMessage, isMessageKey } from '../../../src/shared/i18n/messages';

/** Every code the editions path answers with, worded in both languages. */
const CODES = [
  'hub/edition-hash-mismatch', 'hub/edition-invalid', 'hub/edition-unknown',
  'edition/unreadable', 'edition/bad-schema', 'edition/damaged', 'edition/no-meta', 'edition/newer-format', 'edition/content-hash-mismatch',
  'edition/file-hash-mismatch', 'edition/meta-mismatch', 'edition/not-gzip', 'edition/too-large', 'edition/transfer-failed',
  'edition/bad-headers', 'edition/no-body',
];

describe('the editions path speaks through the message catalogs', () => {
  it('knows every code it answers with', () => {
    expect(CODES.filter((code) => !isMessageKey(code))).toEqual([]);
  });

  it('words a refusal with its reason, in Bahasa Indonesia and English', () => {
    const refused = { code: 'hub/edition-invalid' as const, params: { reason: 'edition/not-gzip' } };
    expect(formatCoreMessage('id', refused)).toBe('Hub menolak berkas daftar: kiriman terpotong atau rusak (gzip). Tidak ada yang disimpan.');
    expect(formatCoreMessage('en', refused)).toBe('The hub refused the list file: the transfer is cut or damaged (gzip). Nothing was kept.');
  });
});
