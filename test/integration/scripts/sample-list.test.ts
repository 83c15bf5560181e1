import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { memberAt } from '../../fixtures/generate-members';
import { writeSampleList } from '../../fixtures/sample-list-file';
import { useTempDir } from '../../helpers/temp';
import { fileFor } from '../../helpers/files';

const tempDir = useTempDir();
const NOW = new Date('2026-11-23T03:00:00Z');

describe('the sample list of npm run sample-list', () => {
  it.each(['xlsx', 'csv'])('imports as a %s: title rows skipped, damaged rows handled, its example members found', async (format) => {
    const dir = tempDir();
    const sample = await writeSampleList(join(dir, `sample.${format}`), { rows: 300, seed: 7 });
    expect(sample.damaged).toBe(3);
    expect(sample.examples.length).toBeGreaterThanOrEqual(5);
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, now: () => NOW });
    try {
      const report = await core.importList({ file: fileFor(core, sample.path), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
      expect(report.file.headerRow).toBe(sample.headerRow);
      expect(report.rows).toMatchObject({ read: 300, imported: 300 - sample.rejected, rejected: sample.rejected });
      for (const m of sample.examples) {
        const found = await core.lookup({ query: m.nik });
        expect(found.matches.map((x) => x.name)).toContain(m.name);
        expect(found.matches[0]?.dob).toBe(m.dob);
      }
      // Row 194 has its birth date written out in words ("12 Maret 1985"): still read day-first.
      const byName = await core.lookup({ query: sample.examples[0]!.name, dob: sample.examples[0]!.dob });
      expect(byName.matches.length).toBeGreaterThan(0);
    } finally {
      core.close();
    }
  });

  it("the README's two samples (seed 7, and --seed 3) are other people with other cards: imported together, no card names two people", async () => {
    const dir = tempDir();
    const first = await writeSampleList(join(dir, 'sample-pbi-apbd.xlsx'), { rows: 500, seed: 7 });
    const second = await writeSampleList(join(dir, 'daftar.csv'), { rows: 500, seed: 3 });
    const cards = (seed: number): Set<string> => new Set(Array.from({ length: 500 }, (_, i) => memberAt(seed, i).card));
    const shared = [...cards(3)].filter((c) => cards(7).has(c));
    expect(shared).toEqual([]);
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, now: () => NOW });
    try {
      await core.importList({ file: fileFor(core, first.path), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
      await core.importList({ file: fileFor(core, second.path), list: 'Jamkesda', kind: 'jamkesda', asOf: '2026-11-01' });
      for (const m of [...first.examples, ...second.examples]) {
        const found = await core.lookup({ query: m.card });
        expect(found.conflict).toBeUndefined();
        expect(new Set(found.matches.map((x) => x.name))).toEqual(new Set([m.name]));
      }
    } finally {
      core.close();
    }
  });

  it('the command writes the file and names members to try, in Indonesian unless English is asked', () => {
    const dir = tempDir();
    const out = join(dir, 'coba.xlsx');
    const script = join(__dirname, '..', '..', '..', 'scripts', 'sample-list.ts');
    const sample = (args: string[], env: Record<string, string> = {}) =>
      spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, LOKET_LANG: '', ...env } });
    const run = sample([out, '--rows', '50']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(run.stdout).toMatch(/^Ditulis .*coba\.xlsx: 50 peserta, judul kolom di baris \d+, \d+ baris dengan sel rusak\.\nCoba cari mereka di loket/);
    expect(run.stdout).toMatch(/\d{16} {2}\d{13}/);
    expect(run.stdout).not.toMatch(/Wrote|Try these/);
    const bad = sample([out, '--rows', 'many']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--rows harus bilangan bulat');
    // As the loket command: LOKET_LANG=en, or --lang en.
    expect(sample([out, '--rows', '50'], { LOKET_LANG: 'en' }).stdout).toMatch(/^Wrote .*coba\.xlsx: 50 members/);
    expect(sample([out, '--rows', 'many', '--lang', 'en']).stderr).toContain('--rows must be a whole number');
  });
});
