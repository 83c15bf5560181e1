import { describe, expect, it } from 'vitest';
import { CircuitBreaker } from '../../../src/core/bpjs/circuit-breaker';

describe('circuit breaker', () => {
  it('opens after 3 consecutive failures, half-opens after the cool-down, closes on a good trial', () => {
    let t = 0;
    const b = new CircuitBreaker({ now: () => t });
    for (let i = 0; i < 3; i++) {
      expect(b.tryAcquire()).toBe(true);
      b.fail();
    }
    expect(b.state).toBe('open');
    expect(b.tryAcquire()).toBe(false);
    t = 59_999;
    expect(b.state).toBe('open');
    t = 60_000;
    expect(b.state).toBe('half-open');
    expect(b.tryAcquire()).toBe(true);
    expect(b.tryAcquire()).toBe(false); // one trial at a time
    b.succeed();
    expect(b.state).toBe('closed');
  });

  it('a success resets the count; a failed trial reopens for a fresh cool-down', () => {
    let t = 0;
    const b = new CircuitBreaker({ failureThreshold: 2, coolDownMs: 1000, now: () => t });
    b.fail();
    b.succeed();
    b.fail();
    expect(b.state).toBe('closed');
    b.fail();
    expect(b.state).toBe('open');
    t = 1000;
    expect(b.tryAcquire()).toBe(true);
    b.fail();
    expect(b.state).toBe('open');
    t = 1999;
    expect(b.state).toBe('open');
    t = 2000;
    expect(b.state).toBe('half-open');
  });
});
