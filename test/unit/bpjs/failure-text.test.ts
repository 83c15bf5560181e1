import { describe, expect, it } from 'vitest';
import { failureMessage, type FailureContext } from '../../../src/core/bpjs/failure-text';
import type { BpjsFailure } from '../../../src/shared/bpjs';
import { formatCoreMessage, type Lang } from '../../../src/shared/i18n/messages';

const REASONS: BpjsFailure[] = ['offline', 'timeout', 'credentials', 'clock', 'service-down', 'bad-response', 'breaker-open'];
const ctx: FailureContext = { service: 'pcare', timeoutSeconds: 5, timeZone: 'Asia/Makassar' };
const text = (lang: Lang, reason: BpjsFailure, detail: string, c: FailureContext = ctx): string => formatCoreMessage(lang, failureMessage(reason, detail, c));

describe('BPJS failures in words', () => {
  it.each(['id', 'en'] as const)('%s: every reason has its own complete sentence (no placeholder left)', (lang) => {
    const texts = REASONS.map((r) => text(lang, r, 'paused until 2026-11-23T03:01:00.000Z'));
    expect(new Set(texts).size).toBe(REASONS.length);
    for (const t of texts) expect(t).not.toMatch(/\{\{|\}\}|undefined/);
  });

  it('is a code with parameters, in no language: the caller words it', () => {
    expect(failureMessage('timeout', '', ctx)).toEqual({ code: 'bpjs/timeout', params: { seconds: 5 } });
    expect(failureMessage('credentials', '', ctx)).toEqual({ code: 'bpjs/credentials-pcare' });
    expect(failureMessage('credentials', '', { ...ctx, service: 'vclaim' })).toEqual({ code: 'bpjs/credentials' });
    expect(failureMessage('breaker-open', 'paused until 2026-11-23T03:01:00.000Z', ctx)).toEqual({ code: 'bpjs/breaker-open', params: { time: '11:01' } }); // WITA
  });

  it('says what to do, with the facts that help: the timeout, the PCare fields, the local time the pause ends', () => {
    expect(text('id', 'timeout', '')).toMatch(/5 detik/);
    expect(text('id', 'credentials', '')).toMatch(/pengguna dan kata sandi PCare/);
    expect(text('en', 'credentials', '')).toMatch(/PCare username and password/);
    expect(text('en', 'credentials', '', { ...ctx, service: 'vclaim' })).not.toMatch(/PCare/);
    expect(text('id', 'breaker-open', 'paused until 2026-11-23T03:01:00.000Z')).toMatch(/11:01/); // WITA
    expect(text('en', 'offline', 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:9')).toMatch(/ECONNREFUSED/);
    expect(text('id', 'bad-response', 'x'.repeat(300)).length).toBeLessThan(250);
  });
});
