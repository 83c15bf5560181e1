/**
 * Exports hold what the database protects (whole NIKs in a member export, names and visits in a
 * register, the audit trail): like a backup or the recovery key they are written readable by
 * their owner only, also when they replace a file that was readable by everyone (listtester L14).
 * POSIX modes; Windows has none and relies on the profile folder's permissions: skipped there.
 */
import { chmodSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { dispatch } from '../../../src/core/dispatch';
import type { SlipPrinter } from '../../../src/core/slips/slips';
import type { MethodInput, MethodName, MethodOutput } from '../../../src/shared/contract';
import { SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();
const NOW = new Date('2026-11-30T02:00:00Z');
const mode = (path: string): number => statSync(path).mode & 0o777;
const posix = process.platform !== 'win32';
if (!posix) console.log('export-modes: skipped on Windows, where POSIX modes do not exist (the profile folder protects the files)');

const printer: SlipPrinter = {
  async print() {},
  async toPdf() {
    return Buffer.from('%PDF-1.4 SITI AMINAH');
  },
};

async function call<M extends MethodName>(core: Core, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await dispatch(core, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code}`);
  return result.value as MethodOutput<M>;
}

/** A core with a list, a patient and a visit: something in every export. */
async function busyCore(dir: string): Promise<{ core: Core; visitId: number }> {
  const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, bpjsBackground: false, hubBackground: false, printer, now: () => NOW, actor: { username: 'admin', role: 'admin' } });
  await call(core, 'importList', { file: core.registerFile(writeSampleCsv(dir), 'open-list').handle, list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
  const patient = await call(core, 'createPatient', { name: SITI.name, nik: SITI.nik, dob: SITI.dob, sex: 'P' });
  const visit = await call(core, 'registerVisit', { patientId: patient.id, unit: 'UMUM', verdict: null, payer: 'pending' });
  return { core, visitId: visit.id };
}

/** Every way the core writes personal data to a file the person chose, by the file it writes. */
function exports(core: Core, dir: string, visitId: number): [string, () => Promise<unknown>][] {
  const handle = (name: string, purpose: 'save-csv' | 'save-xlsx' | 'save-pdf') => core.registerFile(join(dir, name), purpose).handle;
  return [
    ['members-full.csv', () => call(core, 'exportMembers', { list: 'PBI APBD', format: 'csv', full: true, file: handle('members-full.csv', 'save-csv') })],
    ['members-full.xlsx', () => call(core, 'exportMembers', { list: 'PBI APBD', format: 'xlsx', full: true, file: handle('members-full.xlsx', 'save-xlsx') })],
    ['members.csv', () => call(core, 'exportMembers', { list: 'PBI APBD', format: 'csv', file: handle('members.csv', 'save-csv') })],
    ['register.csv', () => call(core, 'exportReport', { report: 'register', from: '2026-11-30', to: '2026-11-30', format: 'csv', file: handle('register.csv', 'save-csv') })],
    ['register.xlsx', () => call(core, 'exportReport', { report: 'register', from: '2026-11-30', to: '2026-11-30', format: 'xlsx', file: handle('register.xlsx', 'save-xlsx') })],
    ['recap.xlsx', () => call(core, 'exportReport', { report: 'recap', from: '2026-11-30', to: '2026-11-30', format: 'xlsx', file: handle('recap.xlsx', 'save-xlsx') })],
    ['audit.csv', () => call(core, 'exportAudit', { from: '2026-11-30', to: '2026-11-30', format: 'csv', file: handle('audit.csv', 'save-csv') })],
    ['audit.xlsx', () => call(core, 'exportAudit', { from: '2026-11-30', to: '2026-11-30', format: 'xlsx', file: handle('audit.xlsx', 'save-xlsx') })],
    ['issues.csv', () => call(core, 'exportImportIssues', { list: 'PBI APBD', file: handle('issues.csv', 'save-csv') })],
    ['bridge-log.csv', () => call(core, 'exportBridgeLog', { format: 'csv', file: handle('bridge-log.csv', 'save-csv') })],
    ['slip.pdf', () => call(core, 'exportSlipPdf', { visitId, file: handle('slip.pdf', 'save-pdf') })],
  ];
}

describe.runIf(posix)('export file modes', () => {
  it('every export is written 0600, like a backup and the recovery key', async () => {
    const dir = tempDir();
    const { core, visitId } = await busyCore(dir);
    await call(core, 'backupDatabase', { file: core.registerFile(join(dir, 'backup.db'), 'save-backup').handle });
    expect(mode(join(dir, 'backup.db'))).toBe(0o600);
    for (const [name, write] of exports(core, dir, visitId)) {
      await write();
      expect(mode(join(dir, name)), name).toBe(0o600);
    }
    expect(readFileSync(join(dir, 'members-full.csv'), 'utf8')).toContain(SITI.nik);
    core.close();
  });

  it('an export over a file readable by everyone replaces its content and makes it private', async () => {
    const dir = tempDir();
    const { core, visitId } = await busyCore(dir);
    for (const [name, write] of exports(core, dir, visitId)) {
      const path = join(dir, name);
      writeFileSync(path, 'OLD CONTENT THAT IS MUCH LONGER THAN ANYTHING '.repeat(4000));
      chmodSync(path, 0o644);
      await write();
      expect(mode(path), name).toBe(0o600);
      expect(readFileSync(path).includes('OLD CONTENT'), name).toBe(false);
    }
    core.close();
  });
});
