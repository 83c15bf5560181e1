/**
 * As-of dates and the computer's clock (listtester L12, L11). A list whose as-of date has not
 * come yet is refused by the core, so the app and `loket import` agree, in words that name this
 * computer's date (it may be the clock that is wrong); a list dated after the computer's today
 * (the clock set back since) shows no negative age but says to check the computer's date.
 * Real SQLite files, in-process cores with their own clocks, and the built CLI.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { isoDateInZone } from '../../../src/shared/dates';
import { formatCoreMessage } from '../../../src/shared/i18n/messages';
import { fileFor } from '../../helpers/files';
import { loket as cli, requireBuiltCli } from '../../helpers/loket-command';
import { writeSampleCsv, writeSecondEditionCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
beforeAll(requireBuiltCli);

const DAY = 24 * 3600 * 1000;
const dateIn = (days: number): string => isoDateInZone(new Date(Date.now() + days * DAY), 'Asia/Jakarta');

/** A core whose computer's clock is `shiftMs` off the real one (negative: behind). */
const open = (dir: string, shiftMs = 0): Core =>
  createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, bpjsBackground: false, now: () => new Date(Date.now() + shiftMs) });

async function refusal(promise: Promise<unknown>): Promise<{ key: string; params: Record<string, string | number> }> {
  const error = (await promise.then(() => null, (e: unknown) => e)) as { key: string; params: Record<string, string | number> } | null;
  expect(error).not.toBeNull();
  return error!;
}

describe('a list whose as-of date has not come yet', () => {
  it('is refused by the core (the lists screen): nothing imported, the current list still answers for this month', async () => {
    const dir = tempDir();
    const core = open(dir);
    await core.importList({ file: fileFor(core, writeSampleCsv(dir)), list: 'DES', kind: 'pbi-apbd', asOf: dateIn(-1) });
    const next = dateIn(40);
    const error = await refusal(core.importList({ file: fileFor(core, writeSecondEditionCsv(dir)), list: 'JAN', kind: 'pbi-apbd', asOf: next }));
    expect(error.key).toBe('import/as-of-future');
    const words = formatCoreMessage('id', { code: error.key as never, params: error.params });
    expect(words).toContain(`Tanggal data ${next} sesudah tanggal hari ini di komputer ini`);
    expect(words).toContain('daftar yang sekarang tetap dipakai');
    expect(words).toContain('periksa tanggal dan jam komputer ini');
    expect((await core.listLists({})).map((l) => l.name)).toEqual(['DES']);
    core.close();
  });

  it('`loket import` refuses it in the same words, exit 1, not as a usage mistake', async () => {
    const dir = tempDir();
    const next = dateIn(40);
    const result = await cli(['import', writeSampleCsv(dir), '--list', 'JAN', '--kind', 'pbi-apbd', '--as-of', next, '--db', join(dir, 'loket.db')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Tanggal data ${next} sesudah tanggal hari ini di komputer ini`);
    expect(result.stderr).not.toMatch(/loket import BERKAS|--kind JENIS/);
  });
});

describe('a computer whose clock is a year behind', () => {
  it('lists show no negative age but say to check the computer date; the right as-of date is refused naming the computer date', async () => {
    const dir = tempDir();
    const asOf = dateIn(-30);
    const right = open(dir);
    await right.importList({ file: fileFor(right, writeSampleCsv(dir)), list: 'PBI APBD', kind: 'pbi-apbd', asOf });
    right.close();

    const behind = open(dir, -365 * DAY);
    const [list] = await behind.listLists({});
    expect(list).toMatchObject({ asOf, ageDays: 0, aheadOfClock: true, stale: false });
    const error = await refusal(behind.importList({ file: fileFor(behind, writeSecondEditionCsv(dir)), list: 'PBI APBD', kind: 'pbi-apbd', asOf: dateIn(-1) }));
    expect(error.key).toBe('import/as-of-future');
    expect(error.params.today).toBe(isoDateInZone(new Date(Date.now() - 365 * DAY), 'Asia/Jayapura'));
    behind.close();
  });
});
