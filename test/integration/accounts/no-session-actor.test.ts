import { describe, expect, it } from 'vitest';
import { NO_SESSION_ACTOR } from '../../../src/shared/audit';
import { usernameSchema } from '../../../src/shared/accounts';
import { useTempDir } from '../../helpers/temp';
import { ADMIN, CLERK, accountsCore } from './accounts-fixture';

const tempDir = useTempDir();

/**
 * What is done while nobody is signed in (an emergency, a failed sign-in, a refusal) is recorded
 * under one name no account can take, so the trail never reads a clerk's work as nobody's
 * (protecttester P8: a clerk named "loket" or "no-session").
 */
describe('the trail’s name for nobody signed in', () => {
  it('is no username, and an emergency, a failed sign-in and a refusal made signed out all carry it', async () => {
    expect(usernameSchema.safeParse(NO_SESSION_ACTOR).success).toBe(false);
    const { core, call, refusal } = accountsCore(tempDir());
    await call('setupAdmin', ADMIN);
    await call('saveAccount', CLERK);
    await call('signOut', {});
    const before = core.db.prepare('SELECT MAX(seq) FROM audit_log').pluck().get() as number;
    const emergency = await call('registerEmergency', {});
    await refusal('signIn', { username: 'budi', password: 'salah-salah-salah' });
    await refusal('saveSettings', {} as never);
    const actors = core.db.prepare('SELECT actor, action FROM audit_log WHERE seq > ? ORDER BY seq').all(before) as { actor: string; action: string }[];
    expect(actors).toEqual([
      { actor: NO_SESSION_ACTOR, action: 'emergency' },
      { actor: NO_SESSION_ACTOR, action: 'login-failed' },
      { actor: NO_SESSION_ACTOR, action: 'refused' },
    ]);
    expect(core.db.prepare('SELECT registered_by FROM visits WHERE id = ?').pluck().get(emergency.id)).toBe(NO_SESSION_ACTOR);
  });

  it("stamps a refusal with the core's clock, like every other entry, not the wall clock", async () => {
    const { core, call, refusal, clock } = accountsCore(tempDir());
    await call('setupAdmin', ADMIN);
    await call('saveAccount', CLERK);
    await call('signOut', {});
    clock.now = new Date('2026-03-04T05:06:07Z'); // another day than today's wall clock
    const before = core.db.prepare('SELECT MAX(seq) FROM audit_log').pluck().get() as number;
    await refusal('saveSettings', {} as never);
    await call('signIn', { username: CLERK.username, password: CLERK.password });
    await refusal('exportMembers', {} as never);
    const entries = core.db.prepare('SELECT at, actor, action FROM audit_log WHERE seq > ? ORDER BY seq').all(before);
    expect(entries).toEqual([
      { at: '2026-03-04T05:06:07.000Z', actor: NO_SESSION_ACTOR, action: 'refused' },
      { at: '2026-03-04T05:06:07.000Z', actor: 'budi', action: 'login' },
      { at: '2026-03-04T05:06:07.000Z', actor: 'budi', action: 'export' },
    ]);
  });
});
