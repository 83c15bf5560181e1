import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { decodeEnrollmentCode, transportFor } from '../../../src/core/sync/enroll';
import { hashSecret } from '../../../src/hub/http/counter-auth';
import { readHubConfig } from '../../../src/hub/hub-config';
import { connectPool } from '../../../src/hub/pg/connect';
import { migrate } from '../../../src/hub/pg/migrate';
import { HUB_MIGRATIONS } from '../../../src/hub/pg/migrations';
import { startHub, type RunningHub } from '../../../src/hub/hub-main';
import { COUNTER_CLOCK_HEADER } from '../../../src/shared/hub-clock';
import type { HubCounterStatus, HubStatus } from '../../../src/shared/hub-protocol';
import { runCaptured } from '../../helpers/cli-capture';
import { useHubTestbed } from '../../helpers/hub-testbed';
import { callOk } from '../audit/audit-core';
import { hubFetch } from './service-fetch';

/**
 * Finding: a counter whose clock was more than 5 minutes off the hub's was warned on its own screen
 * only; the IT officer running `loket hub status` could not see which counter's clock was off. The
 * counter now sends its clock (X-Loket-Clock) on every request and at enrollment; the hub keeps the
 * difference (counters.clock_ahead_s, hub migration 010) and the status shows it per counter.
 */
const bed = useHubTestbed('loket-counter-clock-');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let databases = 0;
async function hubAt(pgUrl?: string): Promise<{ hub: RunningHub; admin: string; dataDir: string }> {
  const dataDir = bed.tempDir();
  const hub = await startHub({ pgUrl: pgUrl ?? (await bed.server().createDatabase(`counter_clock_${++databases}`)), dataDir, host: '127.0.0.1', port: 0, facility: 'Puskesmas Uji' });
  bed.hubs.push(hub);
  return { hub, admin: `Admin ${readHubConfig(dataDir)!.adminKey}`, dataDir };
}

async function code(hub: RunningHub, admin: string, name: string): Promise<string> {
  const added = await hubFetch(hub.urls[0]!, 'POST', '/v1/admin/counters', { authorization: admin, body: { name } });
  expect(added.status).toBe(201);
  return (added.json as { code: string }).code;
}

/** A counter core whose computer's clock is `aheadMs` ahead of the real one (negative: behind). */
function counter(aheadMs: number): Core {
  const core = createCore({
    dbPath: join(bed.tempDir(), 'loket.db'),
    workerScript: null,
    bpjsBackground: false,
    hubBackground: false,
    actor: { username: 'ani', role: 'admin' },
    now: () => new Date(Date.now() + aheadMs),
    hubTransport: (credential, standing) =>
      transportFor(credential, { outboxBacklog: standing.outboxBacklog, clock: () => Date.now() + aheadMs }),
  });
  bed.cores.push(core);
  return core;
}

async function status(hub: RunningHub, admin: string): Promise<Map<string, HubCounterStatus>> {
  const reply = (await hubFetch(hub.urls[0]!, 'GET', '/v1/admin/status', { authorization: admin })).json as HubStatus;
  return new Map(reply.counters.map((c) => [c.name, c]));
}

/** The lines `loket hub status` prints for one counter: its own line and the indented ones under it. */
function linesOf(lines: string[], name: string): string[] {
  const at = lines.findIndex((l) => l.startsWith(`  ${name}  [`));
  expect(at).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > at && !l.startsWith('    '));
  return lines.slice(at, end < 0 ? undefined : end);
}

describe("each counter's clock at the hub", () => {
  it('a counter two hours behind is flagged in loket hub status (id, en, --json) with what to do; one on time is not', async () => {
    const { hub, admin, dataDir } = await hubAt();
    const slow = counter(-2 * HOUR);
    const onTime = counter(0);
    await callOk(slow, 'enrollHub', { code: await code(hub, admin, 'Loket Lambat') });
    await callOk(onTime, 'enrollHub', { code: await code(hub, admin, 'Loket Tepat') });
    // The counter's own warning, as before: the hub's clock minus its own.
    expect((await callOk(slow, 'syncNow', {})).clockMinutes).toBe(120);
    expect((await callOk(onTime, 'syncNow', {})).clockMinutes).toBeNull();

    const counters = await status(hub, admin);
    expect(counters.get('Loket Lambat')).toMatchObject({ clockAheadMinutes: -120, clockOff: true });
    // One counter on time: the slow one is wrong, not the hub.
    expect(((await hubFetch(hub.urls[0]!, 'GET', '/v1/admin/status', { authorization: admin })).json as HubStatus).hubClockOff).toBeNull();
    expect(counters.get('Loket Tepat')).toMatchObject({ clockAheadMinutes: 0, clockOff: false });

    const json = await runCaptured(['hub', 'status', '--hub-dir', dataDir, '--json']);
    expect(json.code).toBe(0);
    expect((json.data[0] as HubStatus).counters).toEqual([
      expect.objectContaining({ name: 'Loket Lambat', clockAheadMinutes: -120, clockOff: true }),
      expect.objectContaining({ name: 'Loket Tepat', clockAheadMinutes: 0, clockOff: false }),
    ]);

    const id = await runCaptured(['hub', 'status', '--hub-dir', dataDir, '--lang', 'id']);
    expect(id.code).toBe(0);
    expect(linesOf(id.lines, 'Loket Lambat')).toContain(
      '    PERIKSA: jam komputer loket ini 2 jam lebih lambat dari jam hub, jadi kunjungannya tercatat dengan tanggal dan jam yang salah. ' +
        'Betulkan jam Windows di PC loket itu: Pengaturan → Waktu & bahasa → Tanggal & waktu, nyalakan "Atur waktu secara otomatis" lalu tekan "Sinkronkan sekarang" ' +
        '(tanpa internet: atur tanggal dan jamnya sama dengan jam hub). Lalu jalankan loket sync di loket itu dan lihat loket hub status lagi.',
    );
    expect(linesOf(id.lines, 'Loket Tepat')).toContain('    jam komputer: cocok dengan jam hub (selisih 0 menit)');
    expect(linesOf(id.lines, 'Loket Tepat').join('\n')).not.toContain('PERIKSA');

    const en = await runCaptured(['hub', 'status', '--hub-dir', dataDir, '--lang', 'en']);
    const slowEn = linesOf(en.lines, 'Loket Lambat').join('\n');
    expect(slowEn).toContain("CHECK: this counter's clock is 2 hours behind the hub's");
    expect(slowEn).toContain('Fix the Windows clock on that counter\'s PC: Settings → Time & language → Date & time, turn on "Set time automatically"');
    expect(linesOf(en.lines, 'Loket Tepat')).toContain("    clock: matches the hub's (off by 0 minutes)");
  });

  it('every counter about an hour ahead of the hub: the status suspects the hub\'s clock and does not tell the counters to take its time', async () => {
    const { hub, admin, dataDir } = await hubAt();
    // As a hub whose PC is an hour slow sees two counters whose clocks are right (finding F9).
    const first = counter(HOUR);
    const second = counter(HOUR + MINUTE);
    await callOk(first, 'enrollHub', { code: await code(hub, admin, 'Loket Satu') });
    await callOk(second, 'enrollHub', { code: await code(hub, admin, 'Loket Dua') });
    await callOk(first, 'syncNow', {});
    await callOk(second, 'syncNow', {});

    const json = await runCaptured(['hub', 'status', '--hub-dir', dataDir, '--json']);
    expect(json.data[0] as HubStatus).toMatchObject({ hubClockOff: { minutes: expect.toSatisfy((m: number) => m <= -60 && m >= -61), counters: 2 } });

    const id = await runCaptured(['hub', 'status', '--hub-dir', dataDir, '--lang', 'id']);
    expect(id.lines[1]).toMatch(/^PERIKSA JAM HUB: jam semua 2 loket aktif berselisih hampir sama dengan jam hub, jadi kemungkinan jam komputer hub ini yang salah \(1 jam (1 menit )?lebih lambat\), bukan jam loket-loketnya\. Periksa dulu tanggal dan jam komputer hub/);
    const satu = linesOf(id.lines, 'Loket Satu').join('\n');
    expect(satu).toContain('jam komputer: selisih 1 jam dengan jam hub, sama seperti loket lain (lihat PERIKSA JAM HUB di atas; jangan ubah jam loket ini dulu)');
    expect(id.lines.join('\n')).not.toContain('atur tanggal dan jamnya sama dengan jam hub');

    const en = await runCaptured(['hub', 'status', '--hub-dir', dataDir, '--lang', 'en']);
    expect(en.lines[1]).toMatch(/^CHECK THE HUB'S CLOCK: all 2 active counters are off the hub's clock by about the same amount, so the hub computer's own clock is likely the wrong one \(1 hour (1 minute )?behind\)/);
    expect(en.lines.join('\n')).toContain('Do not set the counters to the hub\'s time.');
  });

  it('the clock a counter sends when it enrolls is kept, before any sync; a clock ahead is said as ahead', async () => {
    const { hub, admin, dataDir } = await hubAt();
    const token = decodeEnrollmentCode(await code(hub, admin, 'Loket Cepat')).token;
    const enrolled = await hubFetch(hub.urls[0]!, 'POST', '/v1/enroll', { body: { token }, headers: { [COUNTER_CLOCK_HEADER]: String(Date.now() + 3 * HOUR + 20 * MINUTE) } });
    expect(enrolled.status).toBe(200);
    expect((await status(hub, admin)).get('Loket Cepat')).toMatchObject({ lastContact: null, clockAheadMinutes: 200, clockOff: true });
    const lines = linesOf((await runCaptured(['hub', 'status', '--hub-dir', dataDir, '--lang', 'id'])).lines, 'Loket Cepat').join('\n');
    expect(lines).toContain('PERIKSA: jam komputer loket ini 3 jam 20 menit lebih cepat dari jam hub');
  });

  it('an older counter (no X-Loket-Clock) is shown as not known, and a request without it keeps what was learnt', async () => {
    const { hub, admin, dataDir } = await hubAt();
    const token = decodeEnrollmentCode(await code(hub, admin, 'Loket Lama')).token;
    const enrolled = await hubFetch(hub.urls[0]!, 'POST', '/v1/enroll', { body: { token } });
    expect(enrolled.status).toBe(200);
    const { counterId, secret } = enrolled.json as { counterId: string; secret: string };
    const bearer = `Bearer ${counterId}.${secret}`;
    expect((await hubFetch(hub.urls[0]!, 'GET', '/v1/settings', { authorization: bearer })).status).toBe(200);
    expect((await status(hub, admin)).get('Loket Lama')).toMatchObject({ lastContact: expect.any(String), clockAheadMinutes: null, clockOff: false });
    expect(linesOf((await runCaptured(['hub', 'status', '--hub-dir', dataDir, '--lang', 'en'])).lines, 'Loket Lama')).toContain(
      '    clock: not known yet (this counter has not been in contact with this hub version, or runs an older version)',
    );

    // Updated once a counter says it (seven minutes behind), and kept by a request that does not.
    const said = await hubFetch(hub.urls[0]!, 'GET', '/v1/settings', { authorization: bearer, headers: { [COUNTER_CLOCK_HEADER]: String(Date.now() - 7 * MINUTE) } });
    expect(said.status).toBe(200);
    expect((await status(hub, admin)).get('Loket Lama')).toMatchObject({ clockAheadMinutes: -7, clockOff: true });
    expect((await hubFetch(hub.urls[0]!, 'GET', '/v1/settings', { authorization: bearer })).status).toBe(200);
    expect((await status(hub, admin)).get('Loket Lama')).toMatchObject({ clockAheadMinutes: -7, clockOff: true });
    // A clock put right: the next request clears the flag.
    expect((await hubFetch(hub.urls[0]!, 'GET', '/v1/settings', { authorization: bearer, headers: { [COUNTER_CLOCK_HEADER]: String(Date.now()) } })).status).toBe(200);
    expect((await status(hub, admin)).get('Loket Lama')).toMatchObject({ clockAheadMinutes: 0, clockOff: false });
  });

  it('a hub upgraded from before migration 010 keeps its counters; their clocks are not known until they call', async () => {
    const pgUrl = await bed.server().createDatabase(`counter_clock_${++databases}`);
    const pool = connectPool(pgUrl);
    try {
      await migrate(pool, HUB_MIGRATIONS.filter((m) => m.version < 10));
      await pool.query(`INSERT INTO facility (id, name) VALUES (1, 'Puskesmas Uji')`);
      await pool.query(`INSERT INTO counters (id, name, offline_prefix, secret_hash) VALUES ('c-old', 'Loket Dulu', 'K1', $1)`, [hashSecret('rahasia').toString('hex')]);
    } finally {
      await pool.end();
    }
    const { hub, admin, dataDir } = await hubAt(pgUrl);
    expect((await status(hub, admin)).get('Loket Dulu')).toMatchObject({ clockAheadMinutes: null, clockOff: false });
    expect(linesOf((await runCaptured(['hub', 'status', '--hub-dir', dataDir, '--lang', 'id'])).lines, 'Loket Dulu')).toContain(
      '    jam komputer: belum diketahui (loket ini belum menghubungi hub versi ini, atau versinya lama)',
    );
    const called = await hubFetch(hub.urls[0]!, 'GET', '/v1/settings', { authorization: 'Bearer c-old.rahasia', headers: { [COUNTER_CLOCK_HEADER]: String(Date.now() + 6 * MINUTE) } });
    expect(called.status).toBe(200);
    expect((await status(hub, admin)).get('Loket Dulu')).toMatchObject({ clockAheadMinutes: 6, clockOff: true });
  });
});
