/**
 * `loket sync --json` and `loket hub status --json` print exactly the fields the README's tables
 * describe (hub tester 10, item 2: sync printed `stuck`, `conflicts`, `clockMinutes`, `editions`,
 * `fromStart`… that no document named). The tables are read from the README itself, so the
 * document cannot drift: a field printed but not described fails, and so does a field described
 * as "always" that is not printed. A real hub on a real PostgreSQL, the built CLI.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startHub, type RunningHub } from '../../../src/hub/hub-main';
import { startTestPostgres, type TestPostgres } from '../../helpers/embedded-pg';
import { loket, requireBuiltCli } from '../../helpers/loket-command';
import { repoRoot, useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
let postgres: TestPostgres;
let hub: RunningHub;

beforeAll(async () => {
  requireBuiltCli();
  postgres = await startTestPostgres();
});
afterAll(async () => {
  await hub?.stop();
  await postgres?.stop();
});

interface DocField {
  path: string;
  always: boolean;
}

/** The rows of the README table whose first header cell is `caption`: each path of the first cell, and whether "present" says always. */
function documentedFields(caption: string): DocField[] {
  const lines = readFileSync(join(repoRoot, 'README.md'), 'utf8').split('\n');
  const head = lines.findIndex((l) => l.startsWith(`| ${caption} |`));
  expect(head, `README has no table headed "${caption}"`).toBeGreaterThanOrEqual(0);
  const fields: DocField[] = [];
  for (const line of lines.slice(head + 2)) {
    if (!line.startsWith('|')) break;
    const [first = '', present = ''] = line.split(' | ');
    for (const [, path] of first.matchAll(/`([^`]+)`/g)) fields.push({ path: path!, always: present.trim() === 'always' });
  }
  return fields;
}

/** Every field of a printed value by path ("editions.code", "counters[].name"), containers included. */
function printedFields(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.flatMap((item) => printedFields(item, `${prefix}[]`));
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...printedFields(inner, path)];
  });
}

/** Held to the document: nothing printed that it does not describe, nothing it says is always there missing. */
function expectDocumented(caption: string, printed: unknown[]): void {
  const documented = documentedFields(caption);
  const paths = new Set(documented.map((f) => f.path));
  for (const value of printed) {
    const fields = [...new Set(printedFields(value))];
    expect(fields.filter((f) => !paths.has(f)), `${caption}: printed but not in the README`).toEqual([]);
    // "always" of a nested field means: whenever its container holds anything (not null, not an empty list).
    const containerFilled = (path: string): boolean => {
      const parent = path.slice(0, Math.max(0, path.lastIndexOf('.')));
      return parent === '' || fields.some((f) => f.startsWith(`${parent}.`));
    };
    const missing = documented.filter((f) => f.always && containerFilled(f.path) && !fields.includes(f.path)).map((f) => f.path);
    expect(missing, `${caption}: "always" in the README but not printed`).toEqual([]);
  }
}

it('sync --json and hub status --json print the README tables\' fields, no more, no fewer', async () => {
  const dir = tempDir();
  const hubDir = join(dir, 'hub');
  hub = await startHub({ pgUrl: postgres.url, dataDir: hubDir, host: '127.0.0.1', port: 0, facility: 'RSUD Uji' });
  const db = join(dir, 'loket.db');
  const json = async (...args: string[]): Promise<unknown> => {
    const r = await loket([...args, '--json']);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout);
  };
  const { code } = (await json('hub', 'counter', 'add', 'Loket 1', '--hub-dir', hubDir)) as { code: string };
  await json('enroll', '--hub', hub.urls[0]!, '--code', code, '--db', db);

  // The first round after enrolling (from the register's start, a block of record numbers), then one after a registration.
  const first = (await json('sync', '--db', db)) as Record<string, unknown>;
  expect(first).toMatchObject({ fromStart: true, editions: { code: null } });
  await json('daftar', '--name', 'Budi Santoso', '--dob', '1980-02-02', '--unit', 'UMUM', '--db', db);
  const second = await json('sync', '--db', db);
  expectDocumented('`sync --json` field', [first, second]);

  const status = (await json('hub', 'status', '--hub-dir', hubDir)) as { counters: { auditHead: unknown }[] };
  expect(status.counters[0]!.auditHead).not.toBeNull(); // the nested fields of a head are held to the table too
  expectDocumented('`hub status --json` field', [status]);
});
