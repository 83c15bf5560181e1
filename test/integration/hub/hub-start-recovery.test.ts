import { execFile, type ChildProcess } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { loketBin, runLoket, startHubProcess, stopHubProcess } from '../../helpers/hub-process';
import { builtFile, useTempDir } from '../../helpers/temp';

/**
 * docs/hub.md "Running the hub", after a crash: a hub killed with SIGKILL leaves its embedded
 * PostgreSQL running; the next start stops that orphan and serves, while a start beside a hub that
 * still runs is refused in words (never "undefined"). Real hub child processes, real PostgreSQL.
 */
const tempDir = useTempDir();
const children: ChildProcess[] = [];
const pgDirs: string[] = [];

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};
const postmasterPid = (hubDir: string): number => Number(readFileSync(join(hubDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

async function hubIn(hubDir: string, extra: string[] = ['--facility', 'RSUD Uji']): Promise<Awaited<ReturnType<typeof startHubProcess>>> {
  pgDirs.push(hubDir);
  const hub = await startHubProcess(['--embedded', hubDir, '--port', '0', ...extra]);
  children.push(hub.child);
  return hub;
}

/** `loket hub` in the user's language (runLoket always asks for English). */
async function hubStartIn(lang: 'id' | 'en', args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    const { stderr } = await promisify(execFile)(process.execPath, [loketBin, 'hub', ...args, '--host', '127.0.0.1', '--lang', lang], { timeout: 60_000 });
    return { code: 0, stderr };
  } catch (error) {
    return { code: (error as { code: number }).code, stderr: (error as { stderr: string }).stderr };
  }
}

function rootDir(): string {
  const root = tempDir();
  chmodSync(root, 0o755); // as root, the embedded PostgreSQL runs as 'postgres' and must reach the folder
  return root;
}

beforeAll(() => {
  if (!existsSync(builtFile('main', 'cli.js'))) throw new Error('out/main/cli.js is missing: run `npm run build` first (npm test does).');
});
afterEach(async () => {
  for (const child of children.splice(0)) await stopHubProcess(child);
  // A failed test must not leave an orphan PostgreSQL behind.
  for (const dir of pgDirs.splice(0)) {
    if (!existsSync(join(dir, 'pg', 'postmaster.pid'))) continue;
    const pid = postmasterPid(dir);
    if (isAlive(pid)) process.kill(pid, 'SIGINT');
    while (isAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 100));
  }
});

it('a hub killed with SIGKILL leaves its PostgreSQL running; the next start stops it, says so, and serves the same data', async () => {
  const hubDir = join(rootDir(), 'hub');
  const first = await hubIn(hubDir);
  const orphan = postmasterPid(hubDir);
  await stopHubProcess(first.child, 'SIGKILL');
  expect(isAlive(orphan)).toBe(true); // what the tester saw: the hub is gone, its PostgreSQL is not

  const second = await hubIn(hubDir, []); // the facility's name from the first start: same database
  expect(second).toMatchObject({ stoppedLeftoverPg: orphan });
  expect(isAlive(orphan)).toBe(false);
  const status = await runLoket(['hub', 'status', '--hub-dir', hubDir, '--json']);
  expect(status.code).toBe(0);
  expect(JSON.parse(status.stdout)).toMatchObject({ facility: 'RSUD Uji' });

  // In words too: one line before the usual start report.
  await stopHubProcess(second.child, 'SIGKILL');
  const third = await new Promise<string>((resolve, reject) => {
    const child = execFile(process.execPath, [loketBin, 'hub', '--embedded', hubDir, '--port', '0', '--host', '127.0.0.1', '--lang', 'id']);
    children.push(child);
    let stdout = '';
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString();
      if (stdout.includes('Hub berjalan')) resolve(stdout);
    });
    child.once('exit', (code) => reject(new Error(`loket hub exited (${code})`)));
  });
  expect(third).toMatch(/^PostgreSQL yang ditinggalkan hub sebelumnya \(pid \d+, hub itu sudah mati\) dihentikan dulu/);
}, 90_000);

it('a second start beside a running hub is refused in words, and the running hub keeps serving', async () => {
  const hubDir = join(rootDir(), 'hub');
  const running = await hubIn(hubDir);
  const postgres = postmasterPid(hubDir);

  const again = await hubStartIn('en', ['--embedded', hubDir, '--port', '0']);
  expect(again.code).toBe(1);
  expect(again.stderr).toContain(`The hub cannot start: another hub still runs with this folder (pid ${running.child.pid})`);
  const id = await hubStartIn('id', ['--embedded', hubDir, '--port', '0']);
  expect(id.stderr).toContain(`Hub tidak bisa dijalankan: hub lain masih berjalan dengan folder ini (pid ${running.child.pid})`);
  expect(`${again.stderr}${id.stderr}`).not.toContain('undefined');

  expect(isAlive(postgres)).toBe(true);
  expect((await runLoket(['hub', 'status', '--hub-dir', hubDir])).code).toBe(0);
}, 90_000);

it("another folder on the running hub's port is refused in words, not as EADDRINUSE", async () => {
  const root = rootDir();
  const running = await hubIn(join(root, 'hub'));
  pgDirs.push(join(root, 'other'));
  const busy = await hubStartIn('en', ['--embedded', join(root, 'other'), '--port', String(new URL(running.urls[0]!).port)]);
  expect(busy.code).toBe(1);
  expect(busy.stderr).toContain(`The hub cannot start: port ${new URL(running.urls[0]!).port} is used by another program (another hub?)`);
  expect(busy.stderr).not.toContain('EADDRINUSE');
}, 90_000);

it("any other PostgreSQL failure is said with PostgreSQL's own reason, never \"undefined\"", async () => {
  const hubDir = join(rootDir(), 'hub');
  const first = await hubIn(hubDir);
  await stopHubProcess(first.child); // a clean stop: the folder is free again
  // A setting PostgreSQL refuses (a hand edit gone wrong): it ends while starting.
  appendFileSync(join(hubDir, 'pg', 'postgresql.conf'), '\nshared_buffers = plenty\n');
  const refused = await hubStartIn('en', ['--embedded', hubDir, '--port', '0']);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/The hub cannot start: the embedded PostgreSQL stopped while starting\. It said: .*FATAL: +configuration file ".*postgresql\.conf" contains errors/);
  expect(refused.stderr).not.toContain('undefined');
}, 90_000);

it.runIf(process.getuid?.() === 0)('as root, a folder the postgres user cannot reach is refused in the user\'s language', async () => {
  const closed = tempDir(); // 0700, as /root is
  chmodSync(closed, 0o700);
  mkdirSync(join(closed, 'hub'));
  const id = await hubStartIn('id', ['--embedded', join(closed, 'hub'), '--port', '0']);
  expect(id.code).toBe(1);
  expect(id.stderr).toContain(`Hub tidak bisa dijalankan: pengguna sistem postgres tidak bisa masuk ke ${join(closed, 'hub')}: ${closed} tertutup bagi pengguna lain (jalankan chmod o+x ${closed}, atau pilih folder lain)`);
  const en = await hubStartIn('en', ['--embedded', join(closed, 'hub'), '--port', '0']);
  expect(en.stderr).toContain(`The hub cannot start: the postgres system user cannot reach ${join(closed, 'hub')}: ${closed} is closed to other users`);
});
