// BPJS web-service cryptography (DOMAIN.md section 6): the request signature and the
// AES-256-CBC + LZ-string envelope around every `response`. Pure functions, no I/O.
import { createCipheriv, createDecipheriv, createHash, createHmac } from 'node:crypto';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from './lz';

export type BpjsCryptoErrorCode = 'not-base64' | 'decrypt-failed' | 'decompress-failed' | 'not-json';

/** A `response` that cannot be turned back into JSON; the client maps it to 'bad-response'. */
export class BpjsCryptoError extends Error {
  constructor(
    readonly code: BpjsCryptoErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BpjsCryptoError';
  }
}

/** Base64(HMAC-SHA256(key, message)): the primitive behind X-signature. */
export function hmacSha256Base64(key: string, message: string): string {
  return createHmac('sha256', key).update(message, 'utf8').digest('base64');
}

/** X-signature: the consumer secret signs "consId&timestamp". */
export function signature(consId: string, secret: string, timestamp: string): string {
  return hmacSha256Base64(secret, `${consId}&${timestamp}`);
}

/** The AES key is SHA-256(consId + secret + timestamp); the IV is its first 16 bytes (BPJS's choice, not ours). */
function keyAndIv(consId: string, secret: string, timestamp: string): { key: Buffer; iv: Buffer } {
  const key = createHash('sha256').update(consId + secret + timestamp, 'utf8').digest();
  return { key, iv: key.subarray(0, 16) };
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decrypts and decompresses a `response` field into its JSON value. Throws BpjsCryptoError for anything else. */
export function decryptResponse(cipherBase64: string, consId: string, secret: string, timestamp: string): unknown {
  const compact = cipherBase64.replace(/\s+/g, '');
  // Buffer.from silently skips bad characters, so check the alphabet and the block size first.
  if (compact === '' || !BASE64.test(compact)) throw new BpjsCryptoError('not-base64', 'response is not Base64');
  const data = Buffer.from(compact, 'base64');
  if (data.length === 0 || data.length % 16 !== 0) throw new BpjsCryptoError('decrypt-failed', `cipher text of ${data.length} bytes is not whole AES blocks`);
  const { key, iv } = keyAndIv(consId, secret, timestamp);
  let plain: string;
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, iv);
    plain = Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  } catch (error) {
    // Wrong key or timestamp shows up as bad PKCS#7 padding.
    throw new BpjsCryptoError('decrypt-failed', `AES decryption failed: ${(error as Error).message}`);
  }
  let text: string | null;
  try {
    text = decompressFromEncodedURIComponent(plain);
  } catch (error) {
    throw new BpjsCryptoError('decompress-failed', `LZ-string decompression failed: ${(error as Error).message}`);
  }
  if (text === null || text === '') throw new BpjsCryptoError('decompress-failed', 'LZ-string decompression gave nothing');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new BpjsCryptoError('not-json', 'decrypted response is not JSON');
  }
}

/** The reverse of decryptResponse, as the BPJS gateway does it; used by the simulator and tests. */
export function encryptResponse(value: unknown, consId: string, secret: string, timestamp: string): string {
  const { key, iv } = keyAndIv(consId, secret, timestamp);
  const packed = compressToEncodedURIComponent(JSON.stringify(value));
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([cipher.update(packed, 'utf8'), cipher.final()]).toString('base64');
}
