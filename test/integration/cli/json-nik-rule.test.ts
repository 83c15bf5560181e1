/**
 * One rule for NIKs in what `loket` prints, --json included (hub tester 10, item 1): whole only
 * for the person the officer named by a number on the command line, masked for everyone else
 * (the counter screen's rule, src/shared/shown-identifiers.ts). `daftar --name --dob` printed
 * the NIK of a patient found by name whole, while `cek` of the same name masks it and `antrean`
 * masks every line. The built CLI, as an IT officer's script runs it.
 */
import { join } from 'node:path';
import { beforeAll, beforeEach, expect, it } from 'vitest';
import { createCore } from '../../../src/core/core';
import { maskNik } from '../../../src/shared/masking';
import { fileFor } from '../../helpers/files';
import { loket, requireBuiltCli } from '../../helpers/loket-command';
import { RIZKI, SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
let db: string;

beforeAll(requireBuiltCli);
beforeEach(async () => {
  const dir = tempDir();
  db = join(dir, 'loket.db');
  // Plain (no key file): the command opens it as the app left it.
  const core = createCore({ dbPath: db, workerScript: null, bpjsBackground: false });
  await core.importList({ file: fileFor(core, writeSampleCsv(dir)), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
  core.close();
});

const json = async (...args: string[]): Promise<unknown> => {
  const r = await loket([...args, '--db', db, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};
const patientNik = (out: unknown): string | null => (out as { patient: { nik: string | null } }).patient.nik;

it('daftar prints the NIK whole only when the officer typed a number; found by name it is masked, as cek and antrean print it', async () => {
  // By NIK, by card, by RM: the person the command line named by a number.
  expect(patientNik(await json('daftar', SITI.nik, '--unit', 'UMUM'))).toBe(SITI.nik);
  expect(patientNik(await json('daftar', SITI.card, '--unit', 'GIGI'))).toBe(SITI.nik);
  expect(patientNik(await json('daftar', '--rm', '000001', '--unit', 'KIA'))).toBe(SITI.nik);

  // By name and birth date: nobody typed RIZKI's NIK. `cek` of the same query says what may be printed.
  const cek = (await json('cek', 'Moch Rizki', '--dob', RIZKI.dob)) as { matches: { name: string; nik: string }[] };
  expect(cek.matches.find((m) => m.name === RIZKI.name)?.nik).toBe(maskNik(RIZKI.nik));
  const byName = await json('daftar', '--name', 'Moch Rizki', '--dob', RIZKI.dob, '--unit', 'UMUM');
  expect(byName).toMatchObject({ patient: { name: RIZKI.name }, created: true, verdict: 'eligible' });
  expect(patientNik(byName)).toBe(maskNik(RIZKI.nik));
  // Registered by name again (found as a record here now): the same.
  expect(patientNik(await json('daftar', '--name', RIZKI.name, '--dob', RIZKI.dob, '--unit', 'GIGI'))).toBe(maskNik(RIZKI.nik));

  // The queue is a list of people: every line masked, whoever was named how.
  const queue = (await json('antrean', '--unit', 'UMUM')) as { patient: { name: string; nik: string | null } }[];
  expect(queue.map((e) => [e.patient.name, e.patient.nik])).toEqual([
    [SITI.name, maskNik(SITI.nik)],
    [RIZKI.name, maskNik(RIZKI.nik)],
  ]);
  // Nothing of the hidden middle anywhere in the output of a by-name registration.
  expect(JSON.stringify(byName)).not.toContain(RIZKI.nik.slice(4, 12));
});
