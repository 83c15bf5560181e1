import Database from 'better-sqlite3';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core';
import { dispatch } from '../../../src/core/dispatch';
import { keyFilePathOf } from '../../../src/core/store/database-key';
import { keyLiteral } from '../../../src/core/store/sqlcipher';
import { keyBeside, openKeyedCore } from '../../helpers/keyed-database';
import { SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

/** Each import a day later: the same file again on the same date would be refused as the current edition again. */
let imports = 0;
const nextAsOf = (): string => `2026-11-${String(++imports % 28 + 1).padStart(2, '0')}`;

async function importSample(core: Core, dir: string): Promise<void> {
  await core.importList({ file: core.registerFile(writeSampleCsv(dir, `s-${Math.random()}.csv`), 'open-list').handle, list: 'PBI', kind: 'pbi-apbd', asOf: nextAsOf() });
}

const filesOf = (dbPath: string): string[] => [dbPath, ...readdirSync(`${dbPath}.lists`).filter((n) => n.endsWith('.db')).map((n) => join(`${dbPath}.lists`, n))];

/** Opens a file with SQLCipher 4 settings and a key pragma written by hand (not through Loket's code). */
function readsWith(path: string, keyPragma: string): boolean {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    db.pragma(`key=${keyPragma}`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch {
    return false;
  } finally {
    db.close();
  }
}

describe('key forms', () => {
  it('the SQL literal: raw keys as x-blobs (any case in, lower case out), anything else a quoted passphrase', () => {
    expect(keyLiteral(`raw:${'AB'.repeat(32)}`)).toBe(`"x'${'ab'.repeat(32)}'"`);
    expect(keyLiteral('ab'.repeat(32))).toBe(`'${'ab'.repeat(32)}'`);
    expect(keyLiteral("kunci o'brien")).toBe("'kunci o''brien'");
    expect(keyLiteral(`raw:${'ab'.repeat(31)}`)).toBe(`'raw:${'ab'.repeat(31)}'`); // 62 digits: not a raw key
  });

  it('a new database gets a raw key: every file opens with it as x-blob (no key derivation), not as a passphrase', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'loket.db');
    const core = openKeyedCore(dbPath);
    await importSample(core, dir);
    core.close();
    const key = keyBeside(dbPath);
    const hex = key.replace(/^raw:/, '');
    expect(hex).toMatch(/^[0-9a-f]{64}$/);
    const files = filesOf(dbPath);
    expect(files.length).toBe(2);
    for (const file of files) {
      expect(readsWith(file, `"x'${hex}'"`), file).toBe(true);
      expect(readsWith(file, `'${hex}'`), file).toBe(false);
    }
  });

  it('a database keyed with a passphrase (64 hex digits, as made before raw keys) keeps opening and importing; a re-key moves it to a raw key', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'loket.db');
    const passphrase = 'c0ffee'.repeat(10) + 'beef';
    const core = openKeyedCore(dbPath, {}, { LOKET_DB_KEY: passphrase });
    await importSample(core, dir);
    core.close();
    writeFileSync(keyFilePathOf(dbPath), `${passphrase}\n`, { mode: 0o600 }); // the key file as it was written then
    for (const file of filesOf(dbPath)) expect(readsWith(file, `'${passphrase}'`), file).toBe(true);

    const again = openKeyedCore(dbPath);
    expect((await again.lookup({ query: SITI.nik })).verdict).not.toBe('not-found');
    await importSample(again, dir); // a second edition file, keyed like the first
    expect(await dispatch(again, 'rekeyDatabase', {})).toMatchObject({ ok: true });
    expect((await again.lookup({ query: SITI.nik })).verdict).not.toBe('not-found');
    again.close();

    const rawKey = keyBeside(dbPath);
    expect(rawKey).toMatch(/^raw:[0-9a-f]{64}$/);
    const files = filesOf(dbPath);
    expect(files.length).toBe(3);
    for (const file of files) {
      expect(readsWith(file, `"x'${rawKey.slice(4)}'"`), file).toBe(true);
      expect(readsWith(file, `'${passphrase}'`), file).toBe(false);
    }
  });
});
