import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { METHOD_ACCESS, type MethodAccess } from '../../../src/shared/method-access';
import { FIRST_LOCKOUT_MINUTES, MAX_FAILED_ATTEMPTS } from '../../../src/core/accounts/lockout';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

const WHO: Record<MethodAccess, string> = {
  open: 'anyone, in any phase (also before the first account, and on the lock screen)',
  emergency: 'any signed-in account, also while the screen is locked',
  self: 'any signed-in account (its own PIN and password)',
  counter: 'clerk, admin',
  admin: 'admin',
  audit: 'data-officer, admin',
};

/** The table docs/accounts.md carries between its markers, made from METHOD_ACCESS. */
function accessTable(): string {
  const rows = (Object.keys(WHO) as MethodAccess[]).map((access) => {
    const methods = Object.entries(METHOD_ACCESS)
      .filter(([, a]) => a === access)
      .map(([m]) => `\`${m}\``)
      .sort()
      .join(', ');
    return `| ${access} | ${WHO[access]} | ${methods || '(none yet)'} |`;
  });
  return ['| Access | Who may call | Methods |', '| --- | --- | --- |', ...rows].join('\n');
}

describe('docs/accounts.md', () => {
  const doc = readFileSync(join(__dirname, '../../../docs/accounts.md'), 'utf8');

  it('its table of who may call what is the one METHOD_ACCESS says (regenerate it from this test when it fails)', () => {
    const between = /<!-- method-access:start -->\n([\s\S]*?)\n<!-- method-access:end -->/.exec(doc)?.[1];
    expect(between).toBe(accessTable());
  });

  it('states the lock-out rule and the auto-lock default as the code has them', () => {
    expect(doc).toContain(`${MAX_FAILED_ATTEMPTS} wrong passwords or PINs in a row`);
    expect(doc).toContain(`locked out for ${FIRST_LOCKOUT_MINUTES} minutes`);
    expect(doc).toContain(`default ${DEFAULT_SETTINGS.autoLockMinutes}`);
  });
});
