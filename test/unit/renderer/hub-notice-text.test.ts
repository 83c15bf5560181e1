import fc from 'fast-check';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import type { HubLink, HubNoticeView } from '../../../src/shared/hub-link';
import { uiEn } from '../../../src/renderer/src/i18n/messages-en';
import { uiId } from '../../../src/renderer/src/i18n/messages-id';
import { hubNoticeText, type NoticeWording, type Translate } from '../../../src/renderer/src/features/hub/hub-notice-text';
import { hubStatusKey, offlineExample } from '../../../src/renderer/src/features/hub/hub-status-text';

/** The screens' own catalogs through a real i18next (plurals and {{placeholders}} as the app does them). */
function translatorFor(lang: 'id' | 'en'): Translate {
  const i18n = i18next.createInstance();
  void i18n.init({
    lng: lang,
    resources: { id: { ui: uiId }, en: { ui: uiEn } },
    ns: ['ui'],
    defaultNS: 'ui',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return (key, options) => i18n.t(key, options ?? {});
}
const tId = translatorFor('id');
const tEn = translatorFor('en');
const wording = (t: Translate): NoticeWording => ({
  t,
  date: (iso) => `<${iso}>`,
  unit: (code) => (code === 'UMUM' ? 'Poli Umum' : code),
  status: (s) => ({ served: 'selesai', cancelled: 'batal' })[s] ?? s,
});
const notice = (kind: HubNoticeView['kind'], params: Record<string, string>): HubNoticeView => ({ uid: '0190a0b0-0000-7000-8000-000000000001', kind, at: '2026-11-30T02:00:00.000Z', params });

describe('the hub notices in words', () => {
  it("words a late edit of a merged record: the fields not applied to the survivor (papertester F7)", () => {
    const late = notice('patient-merged', { survivorMrn: '208403', mergedMrn: '208404', name: 'IWAN FALS', mergedName: 'IWAN FALS', changed: 'address,oldMrn' });
    expect(hubNoticeText(late, wording(tId))).toBe('Perubahan pada RM 208404 (alamat, RM lama) tidak diterapkan ke RM 208403 (IWAN FALS): RM 208404 sudah digabung ke RM 208403. Periksa data RM 208403 dan ubah bila perlu (F3).');
    expect(hubNoticeText(late, wording(tEn))).toContain('(address, old MRN) was not applied to MRN 208403');
  });

  it('words a late edit carried to the survivor, then what was not (papertester F7)', () => {
    const late = notice('patient-merged', { survivorMrn: '208403', mergedMrn: '208404', name: 'IWAN FALS', mergedName: 'IWAN FALS', carried: 'address,oldMrn', changed: 'name' });
    expect(hubNoticeText(late, wording(tId))).toBe(
      'RM 208404 sudah digabung ke RM 208403 (IWAN FALS) saat perubahan padanya tiba: alamat, RM lama dibawa ke RM 208403. Perubahan pada RM 208404 (nama) tidak diterapkan ke RM 208403 (IWAN FALS): RM 208404 sudah digabung ke RM 208403. Periksa data RM 208403 dan ubah bila perlu (F3).',
    );
    const carriedOnly = notice('patient-merged', { survivorMrn: '208403', mergedMrn: '208404', name: 'IWAN FALS', mergedName: 'IWAN FALS', carried: 'address' });
    expect(hubNoticeText(carriedOnly, wording(tEn))).toBe('MRN 208404 had been merged into MRN 208403 (IWAN FALS) when a change to it arrived: address carried over to MRN 208403.');
  });

  it('patient-merged says which RM became which, and that the old number still finds the patient', () => {
    const n = notice('patient-merged', { survivorMrn: 'RM-000012', mergedMrn: 'RM-000340', name: 'SITI AMINAH', mergedName: 'SITI AMINAH' });
    expect(hubNoticeText(n, wording(tId))).toBe('Dua rekam medis digabung: RM RM-000340 kini RM RM-000012 (SITI AMINAH). RM RM-000340 tetap bisa dicari.');
    expect(hubNoticeText(n, wording(tEn))).toBe('Two medical records merged: MRN RM-000340 is now MRN RM-000012 (SITI AMINAH). MRN RM-000340 can still be searched.');
    // A merge that joined two spellings shows both names.
    const other = notice('patient-merged', { survivorMrn: '000012', mergedMrn: '000340', name: 'SITI AMINAH', mergedName: 'SITI AMINA' });
    expect(hubNoticeText(other, wording(tId))).toBe('Dua rekam medis digabung: RM 000340 (SITI AMINA) kini RM 000012 (SITI AMINAH). RM 000340 tetap bisa dicari.');
  });

  it('patient-merged names what the survivor took from the merged record and what it did not', () => {
    const n = notice('patient-merged', { survivorMrn: '000032', mergedMrn: '000048', name: 'DEWI LESTARI', mergedName: 'DEWI LESTARI', filled: 'dob,sex,address', notFilled: 'nik' });
    expect(hubNoticeText(n, wording(tId))).toBe(
      'Dua rekam medis digabung: RM 000048 kini RM 000032 (DEWI LESTARI). RM 000048 tetap bisa dicari. RM 000032 mengambil dari RM 000048 yang belum dimilikinya: tanggal lahir, jenis kelamin, alamat. Tidak diambil dari RM 000048 (RM 000032 punya isinya sendiri, atau nomornya milik rekam medis lain): NIK. Periksa data RM 000032 dan ubah bila perlu (F3).',
    );
    expect(hubNoticeText(n, wording(tEn))).toBe(
      'Two medical records merged: MRN 000048 is now MRN 000032 (DEWI LESTARI). MRN 000048 can still be searched. MRN 000032 took from MRN 000048 what it lacked: birth date, sex, address. Not taken from MRN 000048 (MRN 000032 has its own, or another record holds the number): NIK. Check the data of MRN 000032 and correct it if needed (F3).',
    );
  });

  it('possible-duplicate is worded per reason: same name and birth date, or one RM for two people', () => {
    const byName = notice('possible-duplicate', { reason: 'name-dob', mrn: '000101', otherMrns: '000007, 000044', name: 'BUDI SANTOSO', dob: '1980-02-03' });
    expect(hubNoticeText(byName, wording(tId))).toBe(
      'Mungkin orang yang sama: BUDI SANTOSO, lahir <1980-02-03>, ada di RM 000101 dan RM 000007, 000044. Periksa identitasnya; rekam medis tidak digabung sendiri.',
    );
    expect(hubNoticeText(byName, wording(tEn))).toContain('Maybe the same person: BUDI SANTOSO, born <1980-02-03>');
    const sameMrn = notice('possible-duplicate', { reason: 'same-mrn', mrn: '000005', name: 'ANI', otherNames: 'RUDI' });
    expect(hubNoticeText(sameMrn, wording(tId))).toBe('Satu nomor RM untuk dua orang: RM 000005 dipakai untuk ANI dan RUDI. Periksa kartu berobatnya.');
    expect(hubNoticeText(sameMrn, wording(tEn))).toBe('One MRN for two people: MRN 000005 is used for ANI and RUDI. Check their patient cards.');
  });

  it('status-conflict names the queue number, the unit by its name and both statuses in words', () => {
    const n = notice('status-conflict', { kept: 'served', refused: 'cancelled', queue: 'U-007', unit: 'UMUM' });
    expect(hubNoticeText(n, wording(tId))).toBe('Status antrean U-007 (Poli Umum) bentrok antar loket: tetap "selesai", "batal" tidak dipakai.');
    expect(hubNoticeText(n, wording(tEn))).toBe('Queue U-007 (Poli Umum) had clashing statuses from two counters: it stays "selesai", "batal" was not taken.');
  });

  it('same-queue-number names the number, the unit and day, both patients, and says to call them by name', () => {
    const n = notice('same-queue-number', { queue: 'U-001', unit: 'UMUM', date: '2026-11-30', name: 'BENI PULAU', otherNames: 'ANI ONLINE' });
    expect(hubNoticeText(n, wording(tId))).toBe(
      'Nomor antrean U-001 (Poli Umum, <2026-11-30>) dipegang dua pasien: BENI PULAU dan ANI ONLINE. Kedua slip berlaku; di antrean bertanda "nomor ganda". Panggil mereka dengan nama.',
    );
    expect(hubNoticeText(n, wording(tEn))).toBe(
      'Queue number U-001 (Poli Umum, <2026-11-30>) is held by two patients: BENI PULAU and ANI ONLINE. Both slips stand; the queue marks them "same number". Call them by name.',
    );
  });

  it("pull-stuck (the counter's own) says how many records are missing here and whom to call", () => {
    const n = notice('pull-stuck', { count: '4' });
    expect(hubNoticeText(n, wording(tId))).toBe(
      '4 catatan dari hub sudah beberapa putaran sinkron tidak bisa diterapkan di loket ini, jadi data pasien dan antrean di sini mungkin tidak lengkap. Hubungi petugas IT (hub menunjukkannya di "loket hub status").',
    );
    expect(hubNoticeText(n, wording(tEn))).toContain('4 records from the hub could not be applied at this counter');
  });

  it("register-resent (the counter's own) says the hub lacked this counter's register and everything was sent again", () => {
    const n = notice('register-resent', { count: '120' });
    expect(hubNoticeText(n, wording(tId))).toContain('semua 120 catatan loket ini dikirim ulang ke hub');
    expect(hubNoticeText(n, wording(tEn))).toContain('all 120 records of this counter were sent to it again');
  });

  it("merge-reversed (the counter's own) names both RMs: the one the hub kept, to write on the paper folder, and this counter's (papertester F15)", () => {
    const n = notice('merge-reversed', { hubMrn: '100000200', ownMrn: '100000201', name: 'NANA SUDJANA' });
    expect(hubNoticeText(n, wording(tId))).toBe(
      'Penggabungan di loket ini dibalik oleh hub: loket ini menggabungkan RM 100000200 ke RM 100000201, tetapi loket lain lebih dulu menggabungkan RM 100000201 ke RM 100000200 (NANA SUDJANA), dan itu yang berlaku. Tulis RM 100000200 pada berkas rekam medis kertasnya, bukan RM 100000201. RM 100000201 tetap bisa dicari.',
    );
    expect(hubNoticeText(n, wording(tEn))).toContain('Write MRN 100000200 on the paper medical record folder, not MRN 100000201.');
  });

  it('every notice, whatever its params, reads as a sentence with no placeholder or key left (property)', () => {
    const param = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => !s.includes('{{'));
    const params = fc.record({
      survivorMrn: param, mergedMrn: param, name: param, mergedName: param, reason: fc.constantFrom('name-dob', 'same-mrn', 'future-reason'),
      mrn: param, otherMrns: param, otherNames: param, dob: fc.constantFrom('1980-02-03', ''), kept: param, refused: param, queue: param, unit: param,
      date: fc.constantFrom('2026-11-30', ''), count: param, hubMrn: param, ownMrn: param,
    }, { requiredKeys: [] });
    fc.assert(
      fc.property(fc.constantFrom<HubNoticeView['kind']>('patient-merged', 'possible-duplicate', 'status-conflict', 'same-queue-number', 'pull-stuck', 'register-resent', 'merge-reversed'), params, fc.constantFrom(tId, tEn), (kind, p, t) => {
        const text = hubNoticeText(notice(kind, p as Record<string, string>), wording(t));
        expect(text).not.toMatch(/\{\{|hub\.notices/);
        expect(text.length).toBeGreaterThan(20);
      }),
    );
    // A kind from a newer hub still reads as a sentence.
    expect(hubNoticeText({ ...notice('patient-merged', {}), kind: 'recount' as HubNoticeView['kind'] }, wording(tId))).toBe('Pemberitahuan dari hub (recount).');
  });
});

describe('the hub in the status bar', () => {
  const link = (state: HubLink['state'], backlog = 0): HubLink => ({ state, since: '2026-11-30T02:00:00.000Z', lastSync: null, lastChange: null, settingsAt: null, backlog, code: null });
  const say = (t: Translate, l: HubLink): string | null => {
    const words = hubStatusKey(l);
    return words ? t(words.key, { count: words.count }) : null;
  };

  it('says nothing on a counter that is not enrolled (or before the first answer)', () => {
    expect(hubStatusKey(null)).toBeNull();
    expect(hubStatusKey(link('none', 5))).toBeNull();
  });

  it('connected, unreachable with what waits, refused', () => {
    expect(say(tId, link('connected', 2))).toBe('Hub: tersambung');
    expect(say(tId, link('unreachable', 3))).toBe('Hub tak terjangkau — loket bekerja sendiri, 3 menunggu dikirim');
    expect(say(tId, link('unreachable', 0))).toBe('Hub tak terjangkau — loket bekerja sendiri');
    // A round failing in this counter (papertester F15: a pull it could not apply) is not an unreachable hub.
    expect(say(tId, { ...link('unreachable', 2), code: 'sync/internal' })).toBe('Sinkronisasi gagal di loket ini — loket bekerja sendiri; hubungi petugas IT');
    expect(say(tEn, { ...link('unreachable', 0), code: 'sync/internal' })).toBe('Sync fails at this counter — counter works on its own; call IT');
    expect(say(tId, link('refused'))).toBe('Hub menolak loket ini — hubungi admin');
    expect(say(tEn, link('unreachable', 1))).toBe('Hub out of reach — counter works on its own, 1 waiting to be sent');
    expect(say(tEn, link('connecting'))).toBe('Hub: connecting…');
  });

  it('has short words for a full bar, for every state', () => {
    const short = (t: Translate, l: HubLink): string | null => {
      const words = hubStatusKey(l, true);
      return words ? t(words.key, { count: words.count }) : null;
    };
    expect(short(tId, link('unreachable', 3))).toBe('Hub: luring (3)');
    expect(short(tId, link('unreachable', 0))).toBe('Hub: luring');
    expect(short(tEn, link('refused'))).toBe('Hub refuses counter');
    for (const state of ['connecting', 'connected', 'unreachable', 'refused'] as const) {
      for (const t of [tId, tEn]) {
        const words = short(t, link(state, 12))!;
        expect(words).not.toMatch(/hub\.|\{\{/);
        // Short enough for the bar at 1024 beside a busy BPJS state.
        expect(words.length).toBeLessThanOrEqual(20);
      }
    }
  });

  it('the offline prefix example is what the counter prints while alone', () => {
    expect(offlineExample('K2', 'U')).toBe('K2-U-004');
  });
});
