import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskEndpoint, readBridgeLog, recordBridgeCall } from '../../../src/core/bpjs/bridge-log';
import { readLiveAnswer, storeLiveAnswer } from '../../../src/core/bpjs/live-answers';
import type { LiveMember } from '../../../src/core/bpjs/types';
import { createCore, type Core } from '../../../src/core/core';
import { verdictOf } from '../../../src/core/lookup/lookup';
import type { MemberMatch } from '../../../src/shared/lookup';
import { DJOKO, SITI, writeSampleCsv } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { fileFor } from '../../helpers/files';

const tempDir = useTempDir();

async function coreWithSample(): Promise<Core> {
  const dir = tempDir();
  const core = createCore({ dbPath: join(dir, 'loket.db'), workerScript: null, now: () => new Date('2026-11-23T03:00:00Z') });
  await core.importList({ file: fileFor(core, writeSampleCsv(dir)), list: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01' });
  return core;
}

const live = (over: Partial<LiveMember> = {}): LiveMember => ({
  nik: SITI.nik,
  card: SITI.card,
  name: 'SITI AMINAH',
  dob: SITI.dob,
  sex: 'P',
  status: 'inactive',
  statusReason: 'NON AKTIF KARENA PREMI',
  segment: 'PEKERJA MANDIRI',
  class: 'KELAS III',
  facility: 'PUSKESMAS SERANG KOTA',
  validUntil: '2026-10-31',
  ...over,
});

describe('stored live answers', () => {
  it('keep one row per member, the newer replacing the older', async () => {
    const core = await coreWithSample();
    storeLiveAnswer(core.db, live(), 'vclaim', new Date('2026-11-10T02:00:00Z'));
    storeLiveAnswer(core.db, live({ status: 'active', statusReason: null }), 'pcare', new Date('2026-11-12T02:00:00Z'));
    expect(core.db.prepare('SELECT count(*) AS n FROM live_answers').get()).toEqual({ n: 1 });
    expect(readLiveAnswer(core.db, { card: SITI.card })).toMatchObject({ service: 'pcare', fetchedAt: '2026-11-12T02:00:00.000Z', member: { status: 'active' } });
    // An answer without a NIK keeps the NIK that was asked.
    storeLiveAnswer(core.db, live({ nik: null }), 'pcare', new Date('2026-11-13T02:00:00Z'), { nik: SITI.nik });
    expect(readLiveAnswer(core.db, { nik: SITI.nik })?.member.nik).toBe(SITI.nik);
    core.close();
  });

  it('are part of look-ups by NIK, card and record number as the list "BPJS (langsung)"; the newer source decides', async () => {
    const core = await coreWithSample();
    storeLiveAnswer(core.db, live(), 'vclaim', new Date('2026-11-20T02:00:00Z'));
    const r = await core.lookup({ query: SITI.nik });
    expect(r.verdict).toBe('not-eligible');
    expect(r.matches.at(-1)).toMatchObject({ status: 'inactive', confidence: 'exact', score: 1, stale: false, list: { name: 'BPJS (langsung)', kind: 'bpjs-live', asOf: '2026-11-20', edition: 0 } });
    expect((await core.lookup({ query: SITI.card })).verdict).toBe('not-eligible');
    // Names are answered from the lists only.
    expect((await core.lookup({ query: 'Siti Aminah' })).matches.every((m) => m.list.kind !== 'bpjs-live')).toBe(true);

    storeLiveAnswer(core.db, live(), 'vclaim', new Date('2026-10-20T02:00:00Z'));
    expect((await core.lookup({ query: SITI.nik })).verdict).toBe('eligible');

    storeLiveAnswer(core.db, live({ nik: DJOKO.nik, card: DJOKO.card, name: DJOKO.name, status: 'active', statusReason: null }), 'pcare', new Date('2026-11-01T01:00:00Z'));
    // Same day as the list: the live answer counts.
    expect((await core.lookup({ query: DJOKO.nik })).verdict).toBe('eligible');
    core.close();
  });

  it('the fetch date is the facility day (WIB), not the UTC day', async () => {
    const core = await coreWithSample();
    storeLiveAnswer(core.db, live(), 'vclaim', new Date('2026-11-19T18:30:00Z')); // 01:30 WIB on the 20th
    expect((await core.lookup({ query: SITI.nik })).matches.at(-1)?.list.asOf).toBe('2026-11-20');
    core.close();
  });
});

describe('verdictOf', () => {
  const m = (kind: 'pbi-apbd' | 'pbi-apbn' | 'bpjs-live', asOf: string, status: 'active' | 'inactive'): MemberMatch => ({
    nik: SITI.nik, card: null, name: 'X', dob: null, sex: null, status, statusReason: null, segment: null, facility: null, class: null, address: null,
    list: { name: kind, kind, asOf, edition: 1 }, confidence: 'exact', stale: false, flags: [], score: 1,
  });
  it('without a live answer, any active exact match of a program is eligible; within one kind of list the newest decides', () => {
    expect(verdictOf([m('pbi-apbd', '2026-11-01', 'inactive'), m('pbi-apbn', '2026-10-01', 'active')])).toBe('eligible');
    expect(verdictOf([{ ...m('pbi-apbd', '2026-11-01', 'inactive'), list: { name: 'NOV', kind: 'pbi-apbd', asOf: '2026-11-01', edition: 1 } }, m('pbi-apbd', '2026-10-01', 'active')])).toBe('not-eligible');
    expect(verdictOf([])).toBe('unknown');
  });
  it('the newer of lists and live answer wins', () => {
    expect(verdictOf([m('pbi-apbd', '2026-11-01', 'active'), m('bpjs-live', '2026-11-02', 'inactive')])).toBe('not-eligible');
    expect(verdictOf([m('pbi-apbd', '2026-11-03', 'active'), m('bpjs-live', '2026-11-02', 'inactive')])).toBe('eligible');
    expect(verdictOf([m('pbi-apbd', '2026-11-03', 'inactive'), m('bpjs-live', '2026-11-02', 'active')])).toBe('not-eligible');
    expect(verdictOf([m('pbi-apbd', '2026-11-01', 'inactive'), m('bpjs-live', '2026-11-02', 'active')])).toBe('eligible');
    expect(verdictOf([m('bpjs-live', '2026-11-02', 'active')])).toBe('eligible');
  });
});

describe('bridge log', () => {
  it('masks NIKs and card numbers in endpoints, and records outcome, code and retries', async () => {
    expect(maskEndpoint('/Peserta/nik/3673015203850003/tglSEP/2026-11-23')).toBe('/Peserta/nik/3673••••••••0003/tglSEP/2026-11-23');
    expect(maskEndpoint('/Peserta/nokartu/0001336526592/tglSEP/2026-11-23')).toBe('/Peserta/nokartu/•••••••••6592/tglSEP/2026-11-23');
    expect(maskEndpoint('/peserta/nik/3673015203850003')).toBe('/peserta/nik/3673••••••••0003');
    const core = await coreWithSample();
    recordBridgeCall(core.db, { service: 'pcare', path: `/peserta/${SITI.card}`, retries: 1, result: { ok: false, reason: 'timeout', detail: 'x', tookMs: 5012.4 } }, new Date('2026-11-23T03:00:00Z'));
    recordBridgeCall(core.db, { service: 'vclaim', path: `/Peserta/nik/${SITI.nik}/tglSEP/2026-11-23`, retries: 0, result: { ok: true, member: null, metaCode: '201', tookMs: 80 } }, new Date('2026-11-23T03:00:01Z'));
    expect(readBridgeLog(core.db)).toEqual([
      { id: 2, at: '2026-11-23T03:00:01.000Z', service: 'vclaim', endpoint: '/Peserta/nik/3673••••••••0003/tglSEP/2026-11-23', durationMs: 80, outcome: 'not-found', metaCode: '201', retries: 0 },
      { id: 1, at: '2026-11-23T03:00:00.000Z', service: 'pcare', endpoint: '/peserta/•••••••••6592', durationMs: 5012, outcome: 'timeout', metaCode: null, retries: 1 },
    ]);
    core.close();
  });
});
