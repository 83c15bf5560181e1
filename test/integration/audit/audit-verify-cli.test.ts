import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/core/store/open-database';
import { builtFile, repoRoot, useTempDir } from '../../helpers/temp';
import { auditCore, callOk } from './audit-core';
import { deleteEntry, editEntry, swapEntries, tamper, truncateAfter } from './tamper';

const run = promisify(execFile);
const tempDir = useTempDir();

/** The built `loket audit verify --json` in a child process; never throws on a non-zero exit. */
async function verify(dbPath: string, lang = 'en'): Promise<{ code: number; json: Record<string, unknown> | null; stdout: string; stderr: string }> {
  const args = [join(repoRoot, 'bin', 'loket.js'), 'audit', 'verify', '--db', dbPath, '--lang', lang];
  const json = async (): Promise<{ code: number; stdout: string; stderr: string }> => {
    try {
      const { stdout, stderr } = await run(process.execPath, [...args, '--json']);
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };
  const r = await json();
  return { ...r, json: r.stdout.trim() ? (JSON.parse(r.stdout) as Record<string, unknown>) : null };
}

beforeAll(() => {
  if (!existsSync(builtFile('main', 'cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` first (npm test does).');
});

/** A trail of 6 entries in a real database file. */
async function trail(): Promise<string> {
  const { core, dbPath } = auditCore(tempDir());
  for (let i = 0; i < 4; i++) await callOk(core, 'lookup', { query: `Nama ${i}` });
  const p = await callOk(core, 'createPatient', { name: 'Siti' });
  await callOk(core, 'registerVisit', { patientId: p.id, unit: 'UMUM', verdict: null });
  core.close();
  return dbPath;
}

describe('loket audit verify', () => {
  it('a whole trail: exit 0 and { ok, entries, firstBroken: null }', async () => {
    const r = await verify(await trail());
    expect(r.code).toBe(0);
    expect(r.json).toMatchObject({ ok: true, entries: 6, firstBroken: null });
  });

  it('the log refuses UPDATE and DELETE while its triggers stand', async () => {
    const db = openDatabase(await trail());
    expect(() => db.prepare("UPDATE audit_log SET actor = 'x' WHERE seq = 1").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
    db.close();
  });

  it.each([
    ['an edited entry', editEntry(3, 'budi'), 3, 'hash'],
    ['a deleted entry', deleteEntry(2), 2, 'gap'],
    ['two swapped entries', swapEntries(2, 5), 2, 'prev-hash'],
  ] as const)('%s: exit 1, naming the entry', async (_name, change, seq, reason) => {
    const dbPath = await trail();
    tamper(dbPath, change);
    const r = await verify(dbPath);
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ ok: false, firstBroken: seq, reason });
  });

  it('a cut tail is whole to the chain alone, and broken against the head the hub acknowledged', async () => {
    const dbPath = await trail();
    tamper(dbPath, truncateAfter(4));
    expect((await verify(dbPath)).json).toMatchObject({ ok: true, entries: 4 });

    const acked = await trail();
    const db = openDatabase(acked);
    const head = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
    db.prepare('INSERT INTO audit_heads (seq, hash, acked_at) VALUES (?, ?, ?)').run(head.seq, head.hash, '2026-11-30T02:00:00.000Z');
    db.close();
    tamper(acked, truncateAfter(4));
    const r = await verify(acked);
    expect(r.code).toBe(1);
    expect(r.json).toMatchObject({ ok: false, firstBroken: 5, reason: 'truncated', hubHead: head });
  });

  it('says it in words without --json, in Indonesian by default', async () => {
    const dbPath = await trail();
    tamper(dbPath, deleteEntry(2));
    try {
      await run(process.execPath, [join(repoRoot, 'bin', 'loket.js'), 'audit', 'verify', '--db', dbPath], { env: { ...process.env, LOKET_LANG: '' } });
      expect.unreachable();
    } catch (error) {
      const e = error as { code: number; stderr: string };
      expect(e.code).toBe(1);
      expect(e.stderr).toContain('Jejak audit RUSAK di entri 2 (entri hilang)');
    }
  });
});
