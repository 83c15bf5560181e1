import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { registerHtml } from '../../../src/hub/register/register-html';
import { NO_SESSION_ACTOR } from '../../../src/shared/audit';
import type { FacilityDays } from '../../../src/hub/register/reports';
import { fileFor } from '../../helpers/files';
import { useTempDir } from '../../helpers/temp';
import { ADMIN, accountsCore } from './accounts-fixture';

const tempDir = useTempDir();
/** The last column (Petugas / Clerk) of each row of a register CSV, heading left out, unquoted. */
const clerkColumn = (csv: string): string[] =>
  csv.trim().split(/\r?\n/).slice(1).map((line) => line.split(';').at(-1)!.replace(/^"(.*)"$/, '$1'));

/**
 * The register's clerk column names who registered each visit as the audit trail's screen does:
 * an account by its username, and what no account did (F9 on the sign-in screen, the `loket`
 * command) in the reader's words, never the stored token (`loket:no-session`, `cli:<os user>`).
 */
describe("the register export's clerk column", () => {
  it('words an emergency registered with nobody signed in, and a visit the command line registered, in the file’s language', async () => {
    const dir = tempDir();
    const { core, call, clock } = accountsCore(dir);
    await call('setupAdmin', ADMIN);
    await call('signOut', {});
    await call('registerEmergency', {}); // F9 on the sign-in screen
    await call('signIn', { username: ADMIN.username, password: ADMIN.password });
    await call('registerEmergency', {});
    const today = core.db.prepare('SELECT service_date FROM visits LIMIT 1').pluck().get() as string;
    const exported = async (lang: 'id' | 'en'): Promise<string> => {
      const file = join(dir, `register-${lang}.csv`);
      await call('exportReport', { report: 'register', from: today, to: today, format: 'csv', file: fileFor(core, file, 'save-csv'), lang });
      return readFileSync(file, 'utf8');
    };
    const id = await exported('id');
    const en = await exported('en');
    core.close();
    expect(clerkColumn(id)).toEqual(['(tidak ada yang masuk)', 'Ani']);
    expect(clerkColumn(en)).toEqual(['(nobody signed in)', 'Ani']);
    for (const text of [id, en]) expect(text).not.toContain(NO_SESSION_ACTOR);

    // The `loket` command registers as cli:<os user>.
    const cli = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, bpjsBackground: false, hubBackground: false, now: () => clock.now, actor: { username: 'cli:ops', role: 'admin' } });
    await cli.registerEmergency({});
    const file = join(dir, 'register-cli.csv');
    await cli.exportReport({ report: 'register', from: today, to: today, format: 'csv', file: fileFor(cli, file, 'save-csv'), lang: 'id' });
    cli.close();
    expect(clerkColumn(readFileSync(file, 'utf8')).at(-1)).toBe('(baris perintah, pengguna ops)');
  });

  it("is worded the same on the hub's printable register page", () => {
    const row = { visitUid: 'u1', serviceDate: '2026-11-23', queue: 'GD-001', unit: 'IGD', emergency: true, mrn: '000001', name: 'TANPA IDENTITAS 08:00', payer: 'pending' as const, status: 'waiting' as const, registeredAt: '2026-11-23T01:00:00.000Z', calledAt: null, servedAt: null, cancelledAt: null, waitMinutes: null, firstVisit: true, registeredBy: NO_SESSION_ACTOR, counter: 'K1', counterName: 'Loket 1' };
    const days: FacilityDays = { register: [row], recap: { from: '2026-11-23', to: '2026-11-23', total: 1, byUnit: {}, byPayer: { jkn: 0, jamkesda: 0, umum: 0, 'jasa-raharja': 0, 'bpjs-tk': 0, insurance: 0, pending: 1 }, byHour: {}, byDay: {}, emergencies: 1, cancelled: 0, newVisits: 1, returningVisits: 0 }, equalService: { from: '2026-11-23', to: '2026-11-23', lines: [] } };
    const html = registerHtml('2026-11-23', '2026-11-23', days, { lang: 'en', timeZone: 'Asia/Jakarta', units: [] });
    expect(html).toContain('<td>(nobody signed in)</td>');
    expect(html).not.toContain(NO_SESSION_ACTOR);
  });
});
