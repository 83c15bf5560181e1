import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { AUDIT_HEAD_EVERY_MS } from '../../../src/core/audit/audit-head-sync';
import { AUDIT_HEADS_PER_HOUR, receiveAuditHead } from '../../../src/hub/audit/audit-heads.repo';
import { readHubConfig } from '../../../src/hub/hub-config';
import { auditHeadRequest } from '../../../src/shared/audit-head';
import { startHub, type RunningHub } from '../../../src/hub/hub-main';
import type { HubStatus } from '../../../src/shared/hub-protocol';
import { useHubTestbed } from '../../helpers/hub-testbed';
import { hubFetch } from '../hub/service-fetch';
import { runCaptured } from '../../helpers/cli-capture';
import { callOk } from './audit-core';
import { rewriteFrom, tamper, truncateAfter } from './tamper';
import type { Db } from '../../../src/core/store/open-database';

const { server, hubs, cores, tempDir } = useHubTestbed('loket-audit-head-');

let databases = 0;
/** A real hub (HTTPS, PostgreSQL) and a counter core enrolled at it, on a clock the test moves. */
async function enrolledCounter(): Promise<{ hub: RunningHub; admin: string; dbPath: string; open: () => Core; clock: { now: Date }; dataDir: string }> {
  const dataDir = tempDir();
  const hub = await startHub({ pgUrl: await server().createDatabase(`audit_head_${++databases}`), dataDir, host: '127.0.0.1', port: 0, facility: 'Puskesmas Uji' });
  hubs.push(hub);
  const admin = `Admin ${readHubConfig(dataDir)!.adminKey}`;
  const added = await hubFetch(hub.urls[0]!, 'POST', '/v1/admin/counters', { authorization: admin, body: { name: 'Loket 1' } });
  const clock = { now: new Date('2026-11-30T02:00:00Z') };
  const dbPath = join(tempDir(), 'loket.db');
  const open = (): Core => {
    const core = createCore({ dbPath, workerScript: null, bpjsBackground: false, hubBackground: false, actor: { username: 'ani', role: 'admin' }, now: () => clock.now });
    cores.push(core);
    return core;
  };
  const core = open();
  await callOk(core, 'enrollHub', { code: (added.json as { code: string }).code });
  core.close();
  cores.splice(cores.indexOf(core), 1);
  return { hub, admin, dbPath, open, clock, dataDir };
}

const later = (clock: { now: Date }): void => {
  clock.now = new Date(clock.now.getTime() + AUDIT_HEAD_EVERY_MS);
};

async function hubHead(hub: RunningHub, admin: string) {
  const status = (await hubFetch(hub.urls[0]!, 'GET', '/v1/admin/status', { authorization: admin })).json as HubStatus;
  return status.counters[0]!.auditHead;
}

async function lookups(core: Core, n: number): Promise<void> {
  for (let i = 0; i < n; i++) await callOk(core, 'lookup', { query: `Nama ${i}` });
}

/** An enrolled counter after `n` look-ups and a sync round: the head the hub acknowledged; the core closed (the test tampers with its file). */
async function ackedCounter(n: number) {
  const counter = await enrolledCounter();
  const core = counter.open();
  await lookups(core, n);
  await callOk(core, 'syncNow', {});
  const acked = (await callOk(core, 'verifyAudit', {})).head!;
  core.close();
  cores.splice(cores.indexOf(core), 1);
  return { ...counter, acked };
}

describe('the audit chain head at the hub', () => {
  it('is sent with a sync round once it moved, kept by the hub and here; verify checks against it', async () => {
    const { hub, admin, open, clock } = await enrolledCounter();
    const core = open();
    await lookups(core, 3);
    await callOk(core, 'syncNow', {});
    const head = (await callOk(core, 'verifyAudit', {})).head!;
    expect(await hubHead(hub, admin)).toEqual({ seq: head.seq, hash: head.hash, receivedAt: expect.any(String), flagged: 0, lastFlag: null });
    expect(await callOk(core, 'verifyAudit', {})).toMatchObject({ ok: true, hubHead: head });

    // Within the minute a moved head waits; after it, it goes.
    await lookups(core, 1);
    await callOk(core, 'syncNow', {});
    expect((await hubHead(hub, admin))!.seq).toBe(head.seq);
    later(clock);
    await callOk(core, 'syncNow', {});
    expect((await hubHead(hub, admin))!.seq).toBeGreaterThan(head.seq);
  });

  it('detects a cut tail the chain alone cannot see, and the hub flags the head that went backwards', async () => {
    const { hub, admin, dbPath, open, clock, acked } = await ackedCounter(5);
    tamper(dbPath, truncateAfter(acked.seq - 2));
    const core = open();
    const verdict = await callOk(core, 'verifyAudit', {});
    expect(verdict).toMatchObject({ ok: false, reason: 'truncated', firstBroken: acked.seq - 1 });

    // The counter goes on; its next head is below what the hub holds: flagged there.
    later(clock);
    await callOk(core, 'syncNow', {});
    expect(await hubHead(hub, admin)).toMatchObject({ flagged: 1, lastFlag: 'seq-backwards' });
  });

  it('detects a past rebuilt from scratch (a consistent chain) against the acknowledged head; the hub flags the other hash', async () => {
    const { hub, admin, dbPath, open, clock } = await enrolledCounter();
    let core = open();
    await lookups(core, 4);
    await callOk(core, 'syncNow', {});
    const acked = (await callOk(core, 'verifyAudit', {})).head!;
    later(clock);
    await lookups(core, 2);
    await callOk(core, 'syncNow', {});
    const second = (await callOk(core, 'verifyAudit', {})).head!;
    core.close();
    // Entry 2 rewritten, every hash after it recomputed: the chain itself is whole again.
    tamper(dbPath, rewriteFrom(2, 'budi'));
    core = open();
    expect(await callOk(core, 'verifyAudit', {})).toMatchObject({ ok: false, reason: 'head-mismatch', firstBroken: 1 });
    expect(acked.seq).toBeLessThan(second.seq);

    // An attacker who also wipes the kept heads cannot make the hub forget them.
    core.close();
    tamper(dbPath, (db) => db.exec('DROP TRIGGER audit_heads_no_delete; DELETE FROM audit_heads;'));
    core = open();
    expect(await callOk(core, 'verifyAudit', {})).toMatchObject({ ok: true, hubHead: null });
    const rewritten = (await callOk(core, 'verifyAudit', {})).head!;
    expect(rewritten.seq).toBe(second.seq);
    later(clock);
    await callOk(core, 'syncNow', {});
    expect(await hubHead(hub, admin)).toMatchObject({ seq: second.seq, hash: rewritten.hash, flagged: 1, lastFlag: 'hash-changed' });
  });
});

describe('a head tied to the one the hub holds (security tester 1)', () => {
  const wipeHeads = (db: Db): void => void db.exec('DROP TRIGGER audit_heads_no_delete; DELETE FROM audit_heads;');

  it('a past rewritten, with the heads here wiped, is flagged even once the trail has grown past the head the hub holds; the changed chain is flagged once', async () => {
    const { hub, admin, dbPath, open, clock, dataDir, acked } = await ackedCounter(4);
    tamper(dbPath, (db) => {
      rewriteFrom(2, 'budi')(db);
      wipeHeads(db);
    });
    const core = open();
    expect(await callOk(core, 'verifyAudit', {})).toMatchObject({ ok: true, hubHead: null });
    // One more look-up: the new head is past the one the hub holds, so only the anchor can tell.
    await lookups(core, 1);
    later(clock);
    await callOk(core, 'syncNow', {});
    const grown = (await callOk(core, 'verifyAudit', {})).head!;
    expect(grown.seq).toBeGreaterThan(acked.seq);
    expect(await hubHead(hub, admin)).toMatchObject({ seq: grown.seq, flagged: 1, lastFlag: 'hash-changed' });
    // The officer reads it in words, with what may explain it and what to do.
    const status = (await runCaptured(['hub', 'status', '--hub-dir', dataDir])).lines.join('\n');
    expect(status).toContain('PERIKSA: 1 kepala rantai tidak cocok (terakhir: isi rantai yang lalu berubah). Pemulihan dari cadangan (loket restore) menjelaskan satu');
    expect(status).not.toContain('hash-changed');

    // The counter goes on on its changed chain: its next heads fit the last one, no new flag.
    await lookups(core, 2);
    later(clock);
    await callOk(core, 'syncNow', {});
    expect(await hubHead(hub, admin)).toMatchObject({ seq: grown.seq + 2, flagged: 1 });
  });

  it('a tail cut and written again past the head the hub holds is flagged', async () => {
    const { hub, admin, dbPath, open, clock, acked } = await ackedCounter(5);
    tamper(dbPath, (db) => {
      truncateAfter(acked.seq - 2)(db);
      wipeHeads(db);
    });
    const core = open();
    await lookups(core, 4);
    expect((await callOk(core, 'verifyAudit', {})).head!.seq).toBeGreaterThan(acked.seq);
    later(clock);
    await callOk(core, 'syncNow', {});
    expect(await hubHead(hub, admin)).toMatchObject({ flagged: 1, lastFlag: 'hash-changed' });
  });
});

describe('the hub route alone', () => {
  it('takes the same head again without a flag (a retried round), and refuses a malformed one', async () => {
    const { hub, admin, open } = await enrolledCounter();
    const core = open();
    await lookups(core, 2);
    await callOk(core, 'syncNow', {});
    const head = (await callOk(core, 'verifyAudit', {})).head!;
    const counterId = (await hub.pg.query<{ id: string }>('SELECT id FROM counters')).rows[0]!.id;
    const rows = async (): Promise<number> => Number((await hub.pg.query<{ n: string }>('SELECT count(*) AS n FROM audit_heads')).rows[0]!.n);
    const kept = await rows();
    expect(await receiveAuditHead(hub.pg, counterId, head, new Date())).toBeNull();
    expect(await receiveAuditHead(hub.pg, counterId, { ...head, anchor: { seq: head.seq, hash: head.hash } }, new Date())).toBeNull();
    expect(await rows()).toBe(kept); // a retried round adds no row
    expect(await hubHead(hub, admin)).toMatchObject({ seq: head.seq, flagged: 0 });
    expect(auditHeadRequest.safeParse({ seq: 0, hash: head.hash }).success).toBe(false);
    expect(auditHeadRequest.safeParse({ seq: 3, hash: 'not-a-hash' }).success).toBe(false);
  });

  it('keeps at most AUDIT_HEADS_PER_HOUR heads of a counter an hour (a credential in a script cannot grow the table without end); the next hour takes them again', async () => {
    const { hub, open } = await enrolledCounter();
    const core = open();
    await lookups(core, 1);
    await callOk(core, 'syncNow', {});
    const head = (await callOk(core, 'verifyAudit', {})).head!;
    const counterId = (await hub.pg.query<{ id: string }>('SELECT id FROM counters')).rows[0]!.id;
    const start = new Date(Date.now() + 60_000); // after the head the sync round kept (the hub's own clock)
    const at = (seconds: number) => new Date(start.getTime() + seconds * 1000);
    const kept = Number((await hub.pg.query<{ n: string }>('SELECT count(*) AS n FROM audit_heads')).rows[0]!.n);
    // Heads that each move on (seq up, new hash), one a second.
    for (let i = kept; i < AUDIT_HEADS_PER_HOUR; i++) await receiveAuditHead(hub.pg, counterId, { seq: head.seq + i, hash: head.hash.replace(/^.{8}/, i.toString(16).padStart(8, '0')) }, at(i));
    await expect(receiveAuditHead(hub.pg, counterId, { seq: head.seq + 500, hash: head.hash }, at(AUDIT_HEADS_PER_HOUR))).rejects.toMatchObject({ status: 429, code: 'hub/audit-head-too-often' });
    expect(Number((await hub.pg.query<{ n: string }>('SELECT count(*) AS n FROM audit_heads')).rows[0]!.n)).toBe(AUDIT_HEADS_PER_HOUR);
    // An hour after the oldest of those: one more is kept.
    expect(await receiveAuditHead(hub.pg, counterId, { seq: head.seq + 600, hash: head.hash }, at(3_600 + kept))).toBeNull();
  });
});
