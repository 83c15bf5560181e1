import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../src/core/core';
import { dispatch } from '../../../src/core/dispatch';
import type { ConnectionTest } from '../../../src/shared/bpjs';
import type { Result } from '../../../src/shared/contract';
import { formatContractError } from '../../../src/shared/i18n/format-error';
import { formatCoreMessage, type Lang } from '../../../src/shared/i18n/messages';
import { noticeMessage, type ImportReport } from '../../../src/shared/lists';
import type { LookupResult } from '../../../src/shared/lookup';
import { fileFor } from '../../helpers/files';
import { SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';

const tempDir = useTempDir();

/**
 * One core, two callers at the same time: a window in Indonesian and one in English (two
 * harness tabs, or the app and the CLI). The core keeps no language, so neither can change
 * what the other reads: each words the same answer in its own language.
 */
function caller(core: Core, lang: Lang) {
  const call = <T>(method: string, input: unknown): Promise<Result<T>> => dispatch(core, method, input) as Promise<Result<T>>;
  return {
    async errorText(method: string, input: unknown): Promise<string> {
      const r = await call(method, input);
      if (r.ok) throw new Error(`${method} was accepted`);
      return formatContractError(lang, r.error);
    },
    async problem(query: string): Promise<string> {
      const r = await call<LookupResult>('lookup', { query });
      if (!r.ok || !r.value.problem) throw new Error('no problem');
      return formatCoreMessage(lang, r.value.problem);
    },
    async warnings(query: string): Promise<string[]> {
      const r = await call<LookupResult>('lookup', { query });
      if (!r.ok) throw new Error('refused');
      return (r.value.queryWarnings ?? []).map((w) => formatCoreMessage(lang, w));
    },
    async testText(): Promise<string> {
      const r = await call<ConnectionTest>('testBpjsConnection', { service: 'vclaim' });
      if (!r.ok) throw new Error('refused');
      return formatCoreMessage(lang, r.value.message);
    },
    async slip(visitId: number): Promise<string> {
      const r = await call<{ html: string }>('slipHtml', { visitId, lang });
      if (!r.ok) throw new Error('refused');
      return r.value.html;
    },
    async issuesCsv(path: string): Promise<string> {
      const r = await call<{ name: string }>('exportImportIssues', { list: 'PBI APBD', file: fileFor(core, path, 'save-csv'), lang });
      if (!r.ok) throw new Error(formatContractError('en', r.error));
      return readFileSync(path, 'utf8');
    },
  };
}

describe('two callers in two languages', () => {
  it('each reads the same error, problem, warning and BPJS outcome in its own language, at the same time', async () => {
    const dir = tempDir();
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, actor: { username: 'ani', role: 'admin' }, bpjsBackground: false });
    await core.importList({ file: fileFor(core, writeSampleCsv(dir)), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
    const id = caller(core, 'id');
    const en = caller(core, 'en');

    const [idError, enError, idProblem, enProblem, idWarn, enWarn, idTest, enTest] = await Promise.all([
      id.errorText('registerVisit', { patientId: 42, unit: 'UMUM', verdict: null }),
      en.errorText('registerVisit', { patientId: 42, unit: 'UMUM', verdict: null }),
      id.problem('367301520385000'),
      en.problem('367301520385000'),
      id.warnings('9973015203850003'),
      en.warnings('9973015203850003'),
      id.testText(),
      en.testText(),
    ]);
    expect(idError).toBe('Pasien 42 tidak ditemukan.');
    expect(enError).toBe('Patient 42 not found.');
    expect(idProblem).toMatch(/^Nomor 15 digit tidak dikenali/);
    expect(enProblem).toMatch(/^A 15-digit number is not recognised/);
    expect(idWarn).toEqual([expect.stringMatching(/kode provinsi 99/)]);
    expect(enWarn).toEqual([expect.stringMatching(/no province code 99/)]);
    expect(idTest).toMatch(/^Isian BPJS VClaim belum lengkap/);
    expect(enTest).toMatch(/^The BPJS VClaim settings are incomplete/);

    // And again in the other order: nothing one caller did changed what the other reads.
    expect(await en.errorText('registerVisit', { patientId: 42, unit: 'UMUM', verdict: null })).toBe('Patient 42 not found.');
    expect(await id.errorText('registerVisit', { patientId: 42, unit: 'UMUM', verdict: null })).toBe('Pasien 42 tidak ditemukan.');
    core.close();
  });

  it('the core answers both with the very same codes: it keeps no language', async () => {
    const dir = tempDir();
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, actor: { username: 'ani', role: 'admin' }, bpjsBackground: false });
    const [a, b] = await Promise.all([dispatch(core, 'lookup', { query: '42' }), dispatch(core, 'lookup', { query: '42' })]);
    const strip = (r: Result<unknown>) => ({ ...(r.ok ? (r.value as LookupResult) : {}), tookMs: 0 });
    expect(strip(a)).toEqual(strip(b));
    expect(core).not.toHaveProperty('lang');
    expect(core).not.toHaveProperty('setLanguage');
    expect(await dispatch(core, 'setLanguage', { lang: 'en' })).toEqual({ ok: false, error: { code: 'unknown-method', params: { method: 'setLanguage' } } });
    core.close();
  });

  it('documents are written in the language each call asks for: the slip and the rejected rows', async () => {
    const dir = tempDir();
    const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, actor: { username: 'ani', role: 'admin' }, bpjsBackground: false, now: () => new Date('2026-11-23T02:00:00Z') });
    const report: ImportReport = await core.importList({ file: fileFor(core, writeSampleCsv(dir)), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
    const patient = await core.createPatient({ name: 'SITI AMINAH', nik: SITI.nik });
    const visit = await core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: 'eligible' });
    const id = caller(core, 'id');
    const en = caller(core, 'en');

    const [idSlip, enSlip, idCsv, enCsv] = await Promise.all([
      id.slip(visit.id),
      en.slip(visit.id),
      id.issuesCsv(join(dir, 'ditolak.csv')),
      en.issuesCsv(join(dir, 'rejected.csv')),
    ]);
    expect(idSlip).toContain('Nomor antrean');
    expect(enSlip).toContain('Queue number');
    expect(enSlip).not.toContain('Nomor antrean');
    // Without a language: Indonesian, the app's default.
    expect((await core.slipHtml({ visitId: visit.id })).html).toContain('Nomor antrean');

    expect(idCsv).toMatch(/Baris;Jenis;Kode;Alasan/);
    expect(idCsv).toContain('NIK tidak valid (harus 16 digit)');
    expect(enCsv).toMatch(/Row;Kind;Code;Reason/);
    expect(enCsv).toContain('Invalid NIK (must be 16 digits)');
    expect(enCsv).not.toContain('tidak valid');
    // The report's notices are codes too: each caller words them.
    for (const n of report.notices) expect(formatCoreMessage('en', noticeMessage(n))).not.toBe(formatCoreMessage('id', noticeMessage(n)));
    core.close();
  });
});
