import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { CommandResult } from '../../helpers/loket-command';
import { SITI, writeSampleCsv } from '../../helpers/sample-list';

export interface BackedUpCounter {
  dir: string;
  db: string;
  backup: string;
  recoveryKey: string;
}

/**
 * A counter's database in `dir` with a list and one registration, its recovery key and a backup on
 * "USB", made by the commands; `beforeBackup` may change the database first.
 */
export async function backedUpCounter(dir: string, cli: (args: string[]) => Promise<CommandResult>, beforeBackup?: (db: string) => void): Promise<BackedUpCounter> {
  const db = join(dir, 'loket.db');
  const made = await cli(['import', writeSampleCsv(dir), '--list', 'PBI', '--kind', 'pbi-apbd', '--as-of', '2026-11-01', '--db', db]);
  expect(made.code, made.stderr).toBe(0);
  expect((await cli(['daftar', SITI.nik, '--unit', 'UMUM', '--db', db])).code).toBe(0);
  beforeBackup?.(db);
  const usb = join(dir, 'usb');
  mkdirSync(usb);
  const recoveryKey = join(usb, 'kunci-pemulihan.txt');
  const backup = join(usb, 'cadangan.db');
  expect((await cli(['key', 'export', '--db', db, '--out', recoveryKey])).code).toBe(0);
  expect((await cli(['backup', '--db', db, '--out', backup])).code).toBe(0);
  return { dir, db, backup, recoveryKey };
}
