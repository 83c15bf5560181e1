import { describe, expect, it } from 'vitest';
import { RECOVERED_NOTICE_MS, coreNotice } from '../../../src/renderer/src/features/core-status/core-status-notice';

describe('coreNotice', () => {
  it('says nothing before any status and while the first core simply runs', () => {
    expect(coreNotice(null, 0)).toBeNull();
    expect(coreNotice({ state: 'running', restarts: 0 }, 0)).toBeNull();
    expect(coreNotice({ state: 'starting', restarts: 0 }, 0)).toBeNull();
  });

  it('tells of a restart while it happens and for a while after', () => {
    expect(coreNotice({ state: 'restarting', restarts: 1, reason: 'exit code null' }, 0)).toEqual({ kind: 'restarting' });
    expect(coreNotice({ state: 'running', restarts: 1 }, 1000)).toEqual({ kind: 'recovered', restarts: 1 });
    expect(coreNotice({ state: 'running', restarts: 1 }, RECOVERED_NOTICE_MS + 1)).toBeNull();
  });

  it('a core that cannot run stays on screen with its reason', () => {
    expect(coreNotice({ state: 'failed', restarts: 5, reason: 'exit code 133' }, 10 * RECOVERED_NOTICE_MS)).toEqual({ kind: 'failed', reason: 'exit code 133' });
  });
});
