import { describe, expect, it } from 'vitest';
import { encryptResponse } from '../../../src/core/bpjs/crypto';
import { readEnvelope } from '../../../src/core/bpjs/envelope';

const key = { consId: 'c', secret: 's', timestamp: '1763880000' };
const env = (meta: unknown, response: unknown = null): string => JSON.stringify({ metaData: meta, response });

describe('BPJS envelope shapes', () => {
  it('metaData.code as a string or a number', () => {
    const cipher = encryptResponse({ ok: 1 }, key.consId, key.secret, key.timestamp);
    expect(readEnvelope(200, env({ code: '200', message: 'OK' }, cipher), key)).toEqual({ kind: 'data', metaCode: '200', payload: { ok: 1 } });
    expect(readEnvelope(200, env({ code: 200, message: 'OK' }, cipher), key)).toEqual({ kind: 'data', metaCode: '200', payload: { ok: 1 } });
    expect(readEnvelope(200, env({ code: 201, message: 'NO_CONTENT' }), key)).toMatchObject({ kind: 'not-found', metaCode: '201' });
    expect(readEnvelope(200, env({ code: '204', message: 'No content' }), key)).toMatchObject({ kind: 'not-found', metaCode: '204' });
  });

  it('an unencrypted object response is accepted as it is', () => {
    expect(readEnvelope(200, env({ code: '200' }, { peserta: {} }), key)).toMatchObject({ kind: 'data', payload: { peserta: {} } });
  });

  it.each([
    [200, '', 'bad-response'],
    [200, '   ', 'bad-response'],
    [200, '<html><body>Maintenance</body></html>', 'bad-response'],
    [200, 'OK', 'bad-response'],
    [200, '{"foo":1}', 'bad-response'],
    [200, '[1,2]', 'bad-response'],
    [200, env({ code: '200', message: 'OK' }), 'bad-response'],
    [200, env({ code: '200', message: 'OK' }, 'AAAA'), 'bad-response'],
    [200, env({ code: '500', message: 'Internal' }), 'bad-response'],
    [404, '<html>Not Found</html>', 'bad-response'],
    [403, '<html><h1>403 Forbidden</h1></html>', 'credentials'],
    [401, '', 'credentials'],
    [200, env({ code: '401', message: 'Unauthorized' }), 'credentials'],
    [502, '<html>Bad Gateway</html>', 'service-down'],
    [503, '', 'service-down'],
    [200, env({ code: '201', message: 'Timestamp tidak valid' }), 'clock'],
    [200, env({ code: 201, message: 'Request time is out of range' }), 'clock'],
  ])('HTTP %i with %j → %s', (status, body, reason) => {
    expect(readEnvelope(status, body, key)).toMatchObject({ kind: 'failure', reason });
  });

  it('only 5xx is worth a retry', () => {
    expect(readEnvelope(500, '', key)).toMatchObject({ retry: true });
    expect(readEnvelope(403, '', key)).toMatchObject({ retry: false });
  });
});
