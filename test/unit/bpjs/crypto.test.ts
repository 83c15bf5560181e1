import { describe, expect, it } from 'vitest';
import { BpjsCryptoError, decryptResponse, encryptResponse, hmacSha256Base64, signature } from '../../../src/core/bpjs/crypto';

describe('BPJS signature', () => {
  it('HMAC-SHA256 matches the documented vector (message "aaa", key "bbb")', () => {
    expect(hmacSha256Base64('bbb', 'aaa')).toBe('20BKS3PWnD3XU4JbSSZvVlGi2WWnDa8Sv9uHJ+wsELA=');
  });

  it('signs "consId&timestamp" with the secret (vector cross-checked with Python hmac)', () => {
    expect(signature('12345', 'rahasia', '1700000000')).toBe('zOtyqSPQbx0di1bhHX9d9hbBOSHBCV8Jdv3/UrAb7og=');
    expect(signature('12345', 'rahasia', '1700000001')).not.toBe(signature('12345', 'rahasia', '1700000000'));
  });
});

describe('BPJS response decryption', () => {
  it('decrypts a fixed vector (cross-checked with openssl enc -aes-256-cbc and lz-string)', () => {
    expect(decryptResponse('vPYGT+aVjqdfRC41M4S0qg==', '12345', 'rahasia', '1700000000')).toEqual({ a: 1 });
  });

  it('round-trips a peserta through encrypt → decrypt with the same timestamp', () => {
    const value = { peserta: { noKartu: '0001234567890', nama: 'SITI AMINAH', statusPeserta: { kode: '0', keterangan: 'AKTIF' } } };
    const cipher = encryptResponse(value, 'cons', 'secret', '1763880000');
    expect(decryptResponse(cipher, 'cons', 'secret', '1763880000')).toEqual(value);
  });

  it('a different timestamp cannot decrypt it', () => {
    const cipher = encryptResponse({ x: 'y'.repeat(100) }, 'cons', 'secret', '1763880000');
    expect(() => decryptResponse(cipher, 'cons', 'secret', '1763880001')).toThrow(BpjsCryptoError);
  });

  it.each([
    ['empty', '', 'not-base64'],
    ['not Base64', 'hello world!', 'not-base64'],
    ['HTML', '<html>error</html>', 'not-base64'],
    ['not whole blocks', Buffer.from('short').toString('base64'), 'decrypt-failed'],
  ])('garbage (%s) throws a typed error', (_label, input, code) => {
    try {
      decryptResponse(input, 'cons', 'secret', '1763880000');
      expect.unreachable('should throw');
    } catch (error) {
      expect(error).toBeInstanceOf(BpjsCryptoError);
      expect((error as BpjsCryptoError).code).toBe(code);
    }
  });

  it('whole blocks of noise never escape as anything but BpjsCryptoError', () => {
    for (let i = 0; i < 200; i++) {
      const noise = Buffer.alloc(48, i).toString('base64');
      expect(() => decryptResponse(noise, 'cons', 'secret', String(1763880000 + i))).toThrow(BpjsCryptoError);
    }
  });
});
