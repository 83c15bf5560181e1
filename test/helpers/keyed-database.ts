import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createCore, type Core, type CoreConfig } from '../../src/core/core';
import { keyFilePathOf, parseKeyFile } from '../../src/core/store/database-key';
import { keyConfigOf, resolveFileKey } from '../../src/core/store/resolve-file-key';

/**
 * A core opened the way the `loket` command opens one: the key from LOKET_DB_KEY, <db>.key, or
 * a new one beside a new database (a plain one is converted), and signed in as the command line
 * is, the database's administrator (`extra.actor: undefined` gives the app's real session instead).
 */
export function openKeyedCore(dbPath: string, extra: Partial<CoreConfig> = {}, env: NodeJS.ProcessEnv = {}): Core {
  return createCore({
    dbPath,
    workerScript: null,
    bpjsBackground: false,
    actor: { username: 'cli:test', role: 'admin' },
    ...keyConfigOf(resolveFileKey({ dbPath, mayCreate: true, env })),
    ...extra,
  });
}

/** The plain key kept beside a database made by the CLI or the harness (for tests that open the file directly). */
export function keyBeside(dbPath: string): string {
  const content = parseKeyFile(readFileSync(keyFilePathOf(dbPath), 'utf8'));
  if (content?.form !== 'plain') throw new Error(`no plain key beside ${dbPath}`);
  return content.key;
}

/** Every file under a folder with its size and SHA-256: what "nothing on disk changed" compares. */
export function snapshotDir(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string): void => {
    for (const entry of readdirSync(join(dir, sub), { withFileTypes: true })) {
      const rel = join(sub, entry.name);
      if (entry.isDirectory()) walk(rel);
      else out[rel] = `${statSync(join(dir, rel)).size}:${createHash('sha256').update(readFileSync(join(dir, rel))).digest('hex')}`;
    }
  };
  if (existsSync(dir)) walk('');
  return out;
}

/** True when the file's raw bytes hold `text` (ASCII) anywhere. */
export const rawBytesHold = (path: string, text: string): boolean => readFileSync(path).includes(Buffer.from(text, 'latin1'));

/** stderr without the one line the CLI writes when it makes a new database's key (in either language). */
export const withoutKeyNotice = (stderr: string): string =>
  stderr
    .split('\n')
    .filter((line) => !/^(Kunci basis data baru dibuat di|A new database key was made in) /.test(line))
    .join('\n');
