import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { HubStartProblem } from './start-problem';

/**
 * A hub killed hard (SIGKILL, the OOM killer, "End task") cannot stop its embedded PostgreSQL,
 * which keeps running as an orphan and holds DIR/pg: the next start would fail. The hub keeps its
 * own pid in DIR/hub.pid while it runs, so a later start can tell an orphan of a dead hub (stopped
 * here, then the start goes on) from a hub that still serves the folder (refused, never stopped).
 */
export const HUB_PID_FILE = 'hub.pid';

export function writeHubPid(dir: string): void {
  writeFileSync(join(dir, HUB_PID_FILE), `${process.pid}\n`);
}

/** Only our own: a second start that was refused must not remove the running hub's file. */
export function removeHubPid(dir: string): void {
  if (readPid(join(dir, HUB_PID_FILE)) === process.pid) rmSync(join(dir, HUB_PID_FILE), { force: true });
}

/**
 * Before the embedded PostgreSQL of DIR starts: when the one of an earlier hub still runs, stop
 * it if that hub is gone (returns its pid, for one line in the log), or refuse in words if a hub
 * still runs on DIR or the owner cannot be told. Null: nothing was running.
 */
export async function clearLeftoverPostgres(dir: string, pgDataDir: string): Promise<number | null> {
  const postmaster = readPid(join(pgDataDir, 'postmaster.pid'));
  if (postmaster === null || !isAlive(postmaster) || !looksLikePostgres(postmaster)) return null;
  const hub = readPid(join(dir, HUB_PID_FILE));
  const parent = parentOf(postmaster);
  const hubAlive = hub !== null && isAlive(hub);
  // The hub's PostgreSQL is its own child: a live hub that is not its parent is a reused pid.
  if (hubAlive && (parent === null || parent === hub)) {
    throw new HubStartProblem('hub-running', { pid: hub, dir }, `another hub still runs with ${dir} (pid ${hub})`);
  }
  // No hub.pid (a hub of an older version, or something else started it): stopped only when
  // plainly orphaned (adopted by init); otherwise said, with the pid to stop by hand.
  if (hub === null && parent !== 1) {
    throw new HubStartProblem('pg-running', { pid: postmaster, dir }, `the PostgreSQL of ${dir} still runs (pid ${postmaster}) and no hub of this folder was found`);
  }
  await stopPostmaster(postmaster);
  return postmaster;
}

/** A fast shutdown (what `pg_ctl stop -m fast` sends): open sessions end, the data is saved. */
async function stopPostmaster(pid: number): Promise<void> {
  const failed = (why: string): HubStartProblem => new HubStartProblem('pg-stop-failed', { pid }, `the leftover PostgreSQL (pid ${pid}) did not stop: ${why}`);
  try {
    // Windows has no SIGINT for another process: Node ends it outright (PostgreSQL recovers as after a crash).
    process.kill(pid, process.platform === 'win32' ? 'SIGTERM' : 'SIGINT');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return;
    throw failed((error as NodeJS.ErrnoException).code ?? String(error));
  }
  const until = Date.now() + 60_000;
  while (isAlive(pid)) {
    if (Date.now() > until) throw failed('still running after 60 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function readPid(path: string): number | null {
  if (!existsSync(path)) return null;
  const pid = Number(readFileSync(path, 'utf8').split('\n')[0]!.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // alive, another user's
  }
}

/** After a reboot the pid in a stale postmaster.pid may be another program's (Linux can tell). */
function looksLikePostgres(pid: number): boolean {
  if (process.platform !== 'linux') return true;
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
  } catch {
    return true;
  }
}

/** The parent process, where the system says it (null: cannot tell, e.g. Windows). */
function parentOf(pid: number): number | null {
  try {
    if (process.platform === 'linux') {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    }
    if (process.platform === 'win32') return null;
    return Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }).trim()) || null;
  } catch {
    return null;
  }
}
