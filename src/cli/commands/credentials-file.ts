// `--credentials FILE` (or $LOKET_BPJS_CREDENTIALS): BPJS credentials in a file only the IT
// officer can read, so no secret sits on a command line (visible to every user in the process
// list) or in a shell history. Same names as the environment variables, one per line.
import { readFileSync, statSync } from 'node:fs';
import { requireReadableFile } from '../checks';
import type { CliKey, CliParams } from '../messages';
import { UsageError } from '../usage-error';

const ALLOWED = /^LOKET_BPJS_(SERVICE|URL|CONS_ID|SECRET|USER_KEY|PCARE_USER|PCARE_PASS|PCARE_APP)$/;

export interface CredentialsFile {
  values: Record<string, string>;
  /** Set when other users may read the file (POSIX modes): the CLI warns, in its language. */
  warning: { key: CliKey; params: CliParams } | null;
}

/** Reads `NAME=value` lines; `#` comments and blank lines are skipped; values may be quoted. */
export function readCredentialsFile(path: string): CredentialsFile {
  requireReadableFile(path, 'credentials');
  const text = readFileSync(path, 'utf8');
  const values: Record<string, string> = {};
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/^\uFEFF/, '').trim();
    if (line === '' || line.startsWith('#')) return;
    const eq = line.indexOf('=');
    const name = eq > 0 ? line.slice(0, eq).trim().replace(/^export\s+/, '') : '';
    if (!ALLOWED.test(name)) throw new UsageError('usage/credentials-line', { path, line: i + 1 }, 'cek');
    values[name] = line.slice(eq + 1).trim().replace(/^(['"])(.*)\1$/, '$2');
  });
  const mode = process.platform === 'win32' ? 0 : statSync(path).mode & 0o077;
  return { values, warning: mode !== 0 ? { key: 'warn/credentials-readable', params: { path } } : null };
}
