import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstFreePrefix } from '../../../src/hub/enrollment/counters-admin';
import { routeMatcher } from '../../../src/hub/http/match';
import type { HubRoute } from '../../../src/hub/http/route';

const prefix = fc.stringMatching(/^[A-Z0-9]{1,3}$/);

describe('offline prefixes', () => {
  it('the chosen prefix is always a valid prefix that is not taken', () => {
    fc.assert(
      fc.property(fc.uniqueArray(prefix, { maxLength: 300 }), (taken) => {
        const chosen = firstFreePrefix(new Set(taken));
        expect(chosen).toMatch(/^[A-Z0-9]{1,3}$/);
        expect(taken).not.toContain(chosen);
      }),
    );
  });

  it('prefers K1, K2, … in order', () => {
    expect(firstFreePrefix(new Set())).toBe('K1');
    expect(firstFreePrefix(new Set(['K1', 'K3']))).toBe('K2');
    expect(firstFreePrefix(new Set(Array.from({ length: 99 }, (_, i) => `K${i + 1}`)))).toBe('AA');
  });
});

describe('route matching', () => {
  const route = (method: HubRoute['method'], path: string): HubRoute => ({ method, path, auth: 'none', handle: async () => ({}) });
  const routes = [route('GET', '/v1/pull'), route('DELETE', '/v1/admin/counters/:name'), route('GET', '/v1/editions/:id/file')];
  const match = routeMatcher(routes);

  it('any segment value comes back decoded as the parameter', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (name) => {
        const found = match('DELETE', `/v1/admin/counters/${encodeURIComponent(name)}`);
        expect(found).toEqual({ route: routes[1], params: { name } });
      }),
    );
  });

  it('tells an unknown path from a known path with another method', () => {
    expect(match('GET', '/v1/pull')).toEqual({ route: routes[0], params: {} });
    expect(match('POST', '/v1/pull')).toBe('method');
    expect(match('GET', '/v1/admin/counters/x')).toBe('method');
    expect(match('GET', '/v1/editions/7/file')).toEqual({ route: routes[2], params: { id: '7' } });
    expect(match('GET', '/v1/editions//file')).toBeNull();
    expect(match('GET', '/v1/nothing')).toBeNull();
    expect(match('DELETE', '/v1/admin/counters/%E0%A4%A')).toBeNull(); // not decodable
  });
});
