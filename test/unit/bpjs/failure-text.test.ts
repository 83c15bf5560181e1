import { describe, expect, it } from 'vitest';
import { failureText } from '../../../src/core/bpjs/failure-text';
import type { BpjsFailure } from '../../../src/shared/bpjs';

const REASONS: BpjsFailure[] = ['offline', 'timeout', 'credentials', 'clock', 'service-down', 'bad-response', 'breaker-open'];
const ctx = { service: 'pcare' as const, timeoutSeconds: 5, timeZone: 'Asia/Makassar' };

describe('BPJS failures in words', () => {
  it.each(['id', 'en'] as const)('%s: every reason has its own complete sentence (no placeholder left)', (lang) => {
    const texts = REASONS.map((r) => failureText(lang, r, 'paused until 2026-11-23T03:01:00.000Z', ctx));
    expect(new Set(texts).size).toBe(REASONS.length);
    for (const t of texts) expect(t).not.toMatch(/\{\{|\}\}|undefined/);
  });

  it('says what to do, with the facts that help: the timeout, the PCare fields, the local time the pause ends', () => {
    expect(failureText('id', 'timeout', '', ctx)).toMatch(/5 detik/);
    expect(failureText('id', 'credentials', '', ctx)).toMatch(/pengguna dan kata sandi PCare/);
    expect(failureText('en', 'credentials', '', { ...ctx, service: 'vclaim' })).not.toMatch(/PCare/);
    expect(failureText('id', 'breaker-open', 'paused until 2026-11-23T03:01:00.000Z', ctx)).toMatch(/11:01/); // WITA
    expect(failureText('en', 'offline', 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9', ctx)).toMatch(/ECONNREFUSED/);
    expect(failureText('id', 'bad-response', 'x'.repeat(300), ctx).length).toBeLessThan(250);
  });
});
