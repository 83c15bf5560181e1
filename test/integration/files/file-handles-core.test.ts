import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatContractError } from '../../../src/shared/i18n/format-error';
import { describe, expect, it } from 'vitest';
import { createCore, type FilePurpose } from '../../../src/core/core';
import { dispatch } from '../../../src/core/dispatch';
import { HANDLE_TTL_MS } from '../../../src/core/files/file-handles';
import { writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

/** A real core on a temp database, with a stand-in dialog that answers what the test says. */
function setup(answer: (purpose: FilePurpose) => string | null) {
  const dir = tempDir();
  let t = Date.parse('2026-11-23T03:00:00Z');
  const asked: FilePurpose[] = [];
  const core = createCore({
    dbPath: join(dir, 'loket.db'),
    workerScript: null,
    bpjsBackground: false,
    actor: { username: 'ani', role: 'admin' },
    now: () => new Date(t),
    dialogs: {
      async pick(purpose) {
        asked.push(purpose);
        return answer(purpose);
      },
    },
  });
  return { dir, core, asked, advance: (ms: number) => void (t += ms) };
}

const importInput = (file: unknown) => ({ file, list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });

describe('chosen files behind handles, through the contract', () => {
  it('pickFile keeps the dialog\'s path in the core and answers a handle and the name; the handle imports the list', async () => {
    let list = '';
    const { dir, core, asked } = setup(() => list);
    list = writeSampleCsv(dir);
    const picked = await dispatch(core, 'pickFile', { purpose: 'open-list' });
    expect(picked.ok).toBe(true);
    if (!picked.ok) return;
    const { file } = picked.value as { file: { handle: string; name: string } };
    expect(asked).toEqual(['open-list']);
    expect(file.name).toBe('pbi-apbd.csv');
    expect(JSON.stringify(picked)).not.toContain(dir);
    const preview = await dispatch(core, 'inspectListFile', { file: file.handle });
    expect(preview).toMatchObject({ ok: true, value: { mapping: { nik: 'NIK' } } });
    const report = await dispatch(core, 'importList', importInput(file.handle));
    expect(report).toMatchObject({ ok: true, value: { rows: { imported: 6 } } });
    core.close();
  });

  it('a cancelled dialog answers null', async () => {
    const { core } = setup(() => null);
    expect(await dispatch(core, 'pickFile', { purpose: 'save-pdf', suggestedName: 'slip.pdf' })).toEqual({ ok: true, value: { file: null } });
    core.close();
  });

  it('refuses a path where a handle belongs before the core sees it', async () => {
    const { core } = setup(() => null);
    for (const input of [
      { path: '/etc/passwd', list: 'X', kind: 'other', asOf: '2026-11-01' },
      importInput('/etc/passwd'),
      importInput('C:\\Windows\\win.ini'),
      importInput('../../loket.db'),
    ]) {
      const result = await dispatch(core, 'importList', input);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
    const report = await dispatch(core, 'exportReport', { report: 'register', from: '2026-11-23', to: '2026-11-23', format: 'csv', path: '/tmp/x.csv' });
    expect(report).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    core.close();
  });

  it('registerFile is no contract method: no window can register a path', async () => {
    const { core } = setup(() => null);
    expect(await dispatch(core, 'registerFile', { path: '/etc/passwd', purpose: 'open-list' })).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    core.close();
  });

  it('a list chosen for reading cannot be written to, and a CSV place is no XLSX place', async () => {
    const { dir, core } = setup(() => null);
    const list = writeSampleCsv(dir);
    const before = readFileSync(list, 'utf8');
    const open = core.registerFile(list, 'open-list');
    const range = { from: '2026-11-23', to: '2026-11-23' };
    for (const [method, input] of [
      ['exportReport', { report: 'register', ...range, format: 'csv', file: open.handle }],
      ['exportImportIssues', { list: 'PBI APBD', file: open.handle }],
      ['exportBridgeLog', { format: 'csv', file: open.handle }],
      ['exportSlipPdf', { visitId: 1, file: open.handle }],
    ] as const) {
      const result = await dispatch(core, method, input);
      expect(result).toMatchObject({ ok: false, error: { code: 'file/wrong-purpose', params: { name: 'pbi-apbd.csv' } } });
    }
    expect(readFileSync(list, 'utf8')).toBe(before);

    const csvPlace = core.registerFile(join(dir, 'laporan.csv'), 'save-csv');
    const asXlsx = await dispatch(core, 'exportReport', { report: 'register', ...range, format: 'xlsx', file: csvPlace.handle });
    expect(asXlsx).toMatchObject({ ok: false, error: { code: 'file/wrong-purpose' } });
    expect(await dispatch(core, 'importList', importInput(csvPlace.handle))).toMatchObject({ ok: false, error: { code: 'file/wrong-purpose' } });
    expect(existsSync(join(dir, 'laporan.csv'))).toBe(false);
    const written = await dispatch(core, 'exportReport', { report: 'register', ...range, format: 'csv', file: csvPlace.handle });
    expect(written).toEqual({ ok: true, value: { name: 'laporan.csv', rows: 0 } });
    expect(existsSync(join(dir, 'laporan.csv'))).toBe(true);
    core.close();
  });

  it('an unknown or expired handle says, in the UI language, to choose the file again', async () => {
    const { dir, core, advance } = setup(() => null);
    const place = core.registerFile(join(dir, 'log.csv'), 'save-csv');
    advance(HANDLE_TTL_MS);
    const expired = await dispatch(core, 'exportBridgeLog', { format: 'csv', file: place.handle });
    expect(expired).toMatchObject({ ok: false, error: { code: 'file/unknown-handle' } });
    if (!expired.ok) expect(formatContractError('id', expired.error)).toMatch(/Pilih berkasnya lagi/);
    const unknown = await dispatch(core, 'inspectListFile', { file: 'AAAAAAAAAAAAAAAAAAAAAA' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'file/unknown-handle' } });
    if (!unknown.ok) expect(formatContractError('en', unknown.error)).toMatch(/Choose the file again/);
    expect(existsSync(join(dir, 'log.csv'))).toBe(false);
    core.close();
  });

  it('writes where the handle points, whatever the file held before', async () => {
    const { dir, core } = setup(() => null);
    const target = join(dir, 'ditolak.csv');
    writeFileSync(target, 'old');
    await core.importList({ file: core.registerFile(writeSampleCsv(dir), 'open-list').handle, list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
    const out = await core.exportImportIssues({ list: 'PBI APBD', file: core.registerFile(target, 'save-csv').handle });
    expect(out).toMatchObject({ name: 'ditolak.csv' });
    expect(readFileSync(target, 'utf8')).toMatch(/^\ufeffBaris;Jenis;Kode;Alasan/);
    core.close();
  });
});
