import { describe, expect, it } from 'vitest';
import { csvList, type Counter } from './support/counter';
import { useCounters } from './support/ui';
import { maskNik } from '../../src/shared/masking';
import { applyPull } from '../../src/core/sync/apply-pull';
import { APBD, APBN_OLD, BUDI, DEWI, NUR, RIZKI, RIZKY, SITI, STRANGER_NIK } from './support/lists';

const counters = useCounters();
const open = (viewport?: { width: number; height: number }): Promise<Counter> => counters.open([APBD, APBN_OLD], viewport);

const focusedId = (c: Counter): Promise<unknown> => c.page.evaluate('document.activeElement && document.activeElement.id');
const focusedAttr = (c: Counter, name: string): Promise<unknown> => c.page.evaluate(`document.activeElement && document.activeElement.getAttribute(${JSON.stringify(name)})`);

describe('patient look-up', () => {
  it('(a) finds an active member by a typed NIK on Enter and shows the list', async () => {
    const c = await open();
    const { page } = c;
    await expect.poll(() => page.getByTestId('list-status').textContent()).toContain('2 daftar peserta');
    const search = page.locator('#lookup-query');
    await expect.poll(() => focusedId(c)).toBe('lookup-query'); // autofocused: the clerk just types

    await search.pressSequentially(SITI.nik, { delay: 30 });
    await search.press('Enter');

    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('eligible');
    expect(await verdict.textContent()).toContain('Terdaftar aktif');
    expect(await verdict.textContent()).toContain(APBD.name);
    const rows = page.getByTestId('match-row');
    await expect.poll(() => rows.count()).toBe(1);
    const row = await rows.first().textContent();
    expect(row).toContain(SITI.name);
    expect(row).toContain(SITI.nik);
    expect(row).toContain(SITI.card);
    expect(row).toContain(APBD.name);
    expect(row).toContain('Pasti');
    expect(row).toContain('12 Mar 1985');
    await expect.poll(() => focusedId(c)).toBe('lookup-query'); // the field keeps focus after a search
    await c.screenshot('a-nik-eligible');

    // Esc: next patient.
    await page.keyboard.press('Escape');
    await expect.poll(() => search.inputValue()).toBe('');
    await expect.poll(() => page.getByTestId('verdict').count()).toBe(0);
    await expect.poll(() => focusedId(c)).toBe('lookup-query');
  });

  it('(b) takes a card number at scanner speed, and the next scan replaces it', async () => {
    const c = await open();
    const { page } = c;
    await page.keyboard.type(SITI.card, { delay: 0 });
    await page.keyboard.press('Enter');
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('eligible');
    await expect.poll(() => page.getByTestId('match-row').first().textContent()).toContain(SITI.name);
    expect(await page.getByTestId('match-row').count()).toBe(1);

    // A second scan straight after: the text is selected, so it replaces the first number.
    await page.keyboard.type(RIZKI.card, { delay: 0 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('match-row').first().textContent()).toContain(RIZKI.name);
    await expect.poll(() => page.locator('#lookup-query').inputValue()).toBe(RIZKI.card);
    expect(await page.getByTestId('match-row').count()).toBe(1);
    await c.screenshot('b-card-scan');
  });

  it('(c) shows a non-active member as not eligible, with the reason and the still-serve hint', async () => {
    const c = await open();
    const { page } = c;
    await page.locator('#lookup-query').fill(BUDI.nik);
    await page.locator('#lookup-query').press('Enter');
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('not-eligible');
    expect(await verdict.textContent()).toContain('Tidak aktif');
    await expect.poll(() => page.getByTestId('verdict-reason').textContent()).toMatch(/premi/i);
    const hint = await page.getByTestId('serve-hint').textContent();
    expect(hint).toContain('Tetap layani pasien');
    expect(hint).toContain('Dinas Sosial'); // a PBI list: reactivation goes through Dinsos
    await expect.poll(() => page.getByTestId('match-row').first().textContent()).toContain(BUDI.name);
    await c.screenshot('c-not-eligible');
  });

  it('(d0) a birth date typed after the name in the one field moves to the date field on Enter; the member is found (UI tester, finding 1)', async () => {
    const c = await open({ width: 1024, height: 768 });
    const { page } = c;
    const search = page.locator('#lookup-query');
    await search.fill('siti aminah 12-03-1985');
    await search.press('Enter');
    await expect.poll(() => page.locator('#lookup-dob').inputValue()).toBe('12-03-1985');
    expect(await search.inputValue()).toBe('siti aminah');
    await expect.poll(async () => (await page.getByTestId('match-row').allTextContents()).some((t) => t.includes(SITI.name))).toBe(true);
  });

  it('(d1) a returning patient typed with a slip in the name is offered as the record here; Enter ×3 goes to that record, never a new one (UI tester, finding 2)', async () => {
    const c = await open({ width: 1024, height: 768 });
    const { page } = c;
    const ani = await c.harness.core.createPatient({ name: 'ANI SURYANI' });
    const search = page.locator('#lookup-query');
    await search.fill('ani suryanti');
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('own-match').allTextContents()).toEqual([expect.stringContaining('ANI SURYANI')]);
    // Enter: to the record's Pilih; Enter: picked (its look-up answers, Daftarkan takes the focus); Enter: its unit step.
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate("document.activeElement && document.activeElement.hasAttribute('data-own-pick')")).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate("document.activeElement && document.activeElement.getAttribute('data-testid')")).toBe('register-start');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');
    expect(await page.getByTestId('register-patient').textContent()).toContain('ANI SURYANI');
    expect((await c.harness.core.findPatient({ mrn: ani.mrn }))?.id).toBe(ani.id);
  });

  it('(d) lists name candidates, spelling variants included, and never picks one itself', async () => {
    const c = await open({ width: 1024, height: 768 });
    const { page } = c;
    // Day first, as clerks write it (RIZKI.dob is 1990-05-17).
    await page.locator('#lookup-dob').fill('17051990');
    // The date in words under the field: no doubt about day and month, whatever the locale.
    await expect.poll(() => page.getByTestId('dob-note').textContent()).toBe('17 Mei 1990');
    const search = page.locator('#lookup-query');
    await search.click();
    // Typed at a clerk's pace, no Enter: the debounced search answers.
    await search.pressSequentially('Muhammad Rizki', { delay: 40 });

    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('candidates');
    const rows = page.getByTestId('match-row');
    await expect.poll(async () => (await rows.allTextContents()).some((t) => t.includes(RIZKI.name))).toBe(true);
    expect(await page.locator('[data-testid="match-row"][data-picked="true"]').count()).toBe(0);
    expect(await verdict.textContent()).not.toContain('Terdaftar aktif');
    // Candidates of a name search show masked numbers only (src/shared/masking.ts).
    const candidates = (await rows.allTextContents()).join('\n');
    expect(candidates).not.toContain(RIZKI.nik);
    expect(candidates).not.toContain(RIZKI.card);
    expect(candidates).toContain(maskNik(RIZKI.nik));
    await c.screenshot('d-name-candidates-1024');

    // Keyboard: ArrowDown from the search field moves to the candidates' Pick buttons.
    await search.press('ArrowDown');
    await expect.poll(() => page.evaluate("document.activeElement && document.activeElement.hasAttribute('data-pick')")).toBe(true);

    // The clerk compares with the patient's card and picks.
    await page.getByRole('button', { name: `Pilih ${RIZKI.name}` }).click();
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('eligible');
    expect(await verdict.textContent()).toContain(`Dipilih petugas: ${RIZKI.name}`);
    // Whom the clerk picked: the birth date and the end of the NIK, to check against the papers.
    await expect.poll(() => page.getByTestId('verdict-picked-detail').textContent()).toBe(`lahir 17 Mei 1990 · NIK …${RIZKI.nik.slice(-4)}`);
    const picked = page.locator('[data-testid="match-row"][data-picked="true"]');
    await expect.poll(() => picked.count()).toBe(1);
    await expect.poll(() => picked.textContent()).toContain(RIZKI.name);
    await expect.poll(() => picked.textContent()).toContain(RIZKI.nik); // the person picked: the whole number, to compare with the KTP
    await c.screenshot('d-name-picked-1024');

    // Without a birth date: more candidates (Rizki and Rizky), still nothing picked.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('#lookup-dob').inputValue()).toBe('');
    await search.pressSequentially('Muhammad Rizki', { delay: 40 });
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('candidates');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    const names = (await rows.allTextContents()).join('|');
    expect(names).toContain(RIZKI.name);
    expect(names).toContain(RIZKY.name);
    expect(await page.locator('[data-testid="match-row"][data-picked="true"]').count()).toBe(0);
    await c.screenshot('d-name-no-dob-1024');
  });

  it('(e) answers an unknown NIK with "not found" and the still-serve hint; a short number with a problem', async () => {
    const c = await open();
    const { page } = c;
    const search = page.locator('#lookup-query');
    await search.fill(STRANGER_NIK);
    await search.press('Enter');
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('unknown');
    expect(await verdict.textContent()).toContain('Tidak ditemukan di daftar');
    expect(await verdict.textContent()).toContain('2 daftar peserta');
    await expect.poll(() => page.getByTestId('serve-hint').textContent()).toContain('Tetap layani pasien');
    expect(await page.getByTestId('match-row').count()).toBe(0);
    await c.screenshot('e-unknown');

    // 15 digits: neither NIK nor card number. The clerk is told, nothing is "not found".
    await search.fill(STRANGER_NIK.slice(0, 15));
    await search.press('Enter');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('problem');
    expect(await verdict.textContent()).toContain('15');
    await c.screenshot('e-partial-number');
  });

  it('(f) switches the labels to English and back, and remembers the choice', async () => {
    const c = await open();
    const { page } = c;
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => page.locator('label[for="lookup-query"]').textContent()).toBe('NIK, card number, or patient name');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    await expect.poll(() => page.getByTestId('list-status').textContent()).toContain('2 member lists');

    await page.locator('#lookup-query').fill(SITI.nik);
    await page.locator('#lookup-query').press('Enter');
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('eligible');
    expect(await verdict.textContent()).toContain('Active member');
    await expect.poll(() => page.locator('table.matches thead').textContent()).toContain('Birth date');
    await expect.poll(() => page.getByTestId('confidence').first().textContent()).toBe('Exact');
    await c.screenshot('f-english');
    // Messages written by the core follow the UI language too.
    await page.locator('#lookup-query').fill('367301520385000');
    await page.locator('#lookup-query').press('Enter');
    await expect.poll(() => verdict.textContent()).toContain('A 15-digit number is not recognised');

    await page.reload();
    await expect.poll(() => page.locator('label[for="lookup-query"]').textContent()).toBe('NIK, card number, or patient name');
    await page.getByRole('button', { name: 'ID', exact: true }).click();
    await expect.poll(() => page.locator('label[for="lookup-query"]').textContent()).toBe('NIK, nomor kartu, atau nama pasien');
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('id');
  });

  it('(g) warns about an old list and about a birth date that disagrees with the NIK', async () => {
    const c = await open();
    const { page } = c;
    const search = page.locator('#lookup-query');
    await search.fill(DEWI.nik);
    await search.press('Enter');
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('eligible');
    await expect.poll(() => page.getByTestId('verdict-stale').textContent()).toContain(APBN_OLD.name);
    await expect.poll(() => page.getByTestId('match-row').first().textContent()).toContain('Lama');
    // The stale list's age, in days.
    await expect.poll(() => page.getByTestId('stale-age').textContent()).toMatch(/^Lama: daftar \d{3,} hari$/);
    await c.screenshot('g-stale-list');

    await search.fill(NUR.nik);
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('match-row').first().textContent()).toContain(NUR.name);
    await expect.poll(() => page.locator('[data-flag="nik-dob-mismatch"]').textContent()).toContain('Tanggal lahir tidak sesuai NIK');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('eligible'); // a warning, not a rejection
    await c.screenshot('g-nik-dob-mismatch');
  });
  it('(h) shows a failed call in an alert, and recovers on the next search', async () => {
    const c = await open();
    const { page } = c;
    // A look-up only reads: its failure may say nothing was changed.
    const message = 'Terjadi kesalahan di aplikasi: disk penuh. Tidak ada yang berubah; coba lagi atau hubungi petugas IT.';
    // The core cannot be made to fail from the UI (the input is validated), so the bridge answers for it,
    // with a code and its parameters as the core does: the window words it.
    await page.route('**/rpc/lookup', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'internal/read-only', params: { detail: 'disk penuh' } } }) }),
    );
    const search = page.locator('#lookup-query');
    await search.fill(SITI.nik);
    await search.press('Enter');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain(message);
    expect(await alert.textContent()).toContain('Pencarian gagal');
    expect(await page.getByTestId('verdict').count()).toBe(0);
    await c.screenshot('h-error');

    await page.unroute('**/rpc/lookup');
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict')).toBe('eligible');
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
  });

  it('(i) a name with a birth date nobody has: the name candidates still show, marked "Tanggal lahir beda"', async () => {
    const c = await open();
    const { page } = c;
    await page.locator('#lookup-dob').fill('1999-09-09');
    await page.locator('#lookup-query').fill('Siti Aminah');
    await page.locator('#lookup-query').press('Enter');
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('candidates');
    const row = page.getByTestId('match-row').first();
    await expect.poll(() => row.textContent()).toContain(SITI.name);
    await expect.poll(() => row.getByTestId('dob-differs').textContent()).toBe('Tanggal lahir beda');
    await c.screenshot('i-dob-differs');
  });

  it('(j) a card number typed without its zeros is found; a NIK that cannot exist is searched, with a warning', async () => {
    const c = await open();
    const { page } = c;
    const search = page.locator('#lookup-query');
    await search.fill(SITI.card.replace(/^0+/, ''));
    await search.press('Enter');
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('eligible');
    await expect.poll(() => page.getByTestId('match-row').first().textContent()).toContain(SITI.name);

    // En-dashes between the groups (a phone's keyboard): still a NIK. Province 99 does not exist.
    await search.fill('9973\u20130152\u20130385\u20130003');
    await search.press('Enter');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('unknown');
    await expect.poll(() => page.getByTestId('query-warning').textContent()).toContain('kode provinsi 99');
    await c.screenshot('j-impossible-nik');
  });

  it('(k) a current list\'s "not active" outranks an old list\'s "active", which is still shown with its age', async () => {
    // This season's Jamkesda list knows Dewi as not active; the stale PBI APBN list still says active.
    const jamkesda = {
      name: 'JAMKESDA KOTA SERANG',
      kind: 'jamkesda' as const,
      asOf: APBD.asOf,
      csv: csvList(['NIK', 'NOKA', 'NAMA', 'TGL_LAHIR', 'JK', 'STATUS'], [[DEWI.nik, DEWI.card, DEWI.name, '25-12-2001', 'P', 'NON AKTIF - PINDAH DOMISILI']]),
    };
    const c = await counters.open([APBN_OLD, jamkesda]);
    const { page } = c;
    await page.locator('#lookup-query').fill(DEWI.nik);
    await page.locator('#lookup-query').press('Enter');
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('not-eligible');
    await expect.poll(() => page.getByTestId('verdict-reason').textContent()).toBe('Pindah');
    await expect.poll(() => page.getByTestId('verdict-overruled').textContent()).toMatch(new RegExp(`${APBN_OLD.name} \\(umur \\d+ hari\\) masih menyebut Aktif`));
    await expect.poll(() => page.getByTestId('match-row').count()).toBe(2);
    await c.screenshot('k-current-outranks-stale');
  });

  it('(l) quick digits typed into the birth-date field stay, with their Enter; a scan no field can use is taken out and said', async () => {
    const c = await open();
    const { page } = c;
    const dob = page.locator('#lookup-dob');
    await page.locator('#lookup-query').fill('Siti');
    // Typed as fast as the keyboard goes: digits in a row may look like a machine's burst, but
    // fewer than 10 are no NIK or card: they stay, and Enter searches (they used to vanish).
    await dob.focus();
    await dob.pressSequentially('8-6-2013', { delay: 5 });
    await dob.press('Enter');
    await expect.poll(() => page.getByTestId('dob-note').textContent()).toContain('8 Juni 2013');
    expect(await dob.inputValue()).toBe('8-6-2013');
    await dob.fill('');
    await dob.pressSequentially('08062013', { delay: 10 });
    await dob.press('Enter');
    expect(await dob.inputValue()).toBe('08062013');
    await expect.poll(() => page.getByTestId('dob-note').textContent()).toContain('8 Juni 2013');
    expect(await page.getByTestId('scan-rejected').count()).toBe(0);

    // 17 digits at scanner speed (a number Loket cannot use) into that field: taken out, its
    // Enter does nothing, and the clerk is told why in words.
    await dob.focus();
    await page.keyboard.type('36730152038500039', { delay: 0 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('scan-rejected').textContent()).toContain('17 angka');
    await expect.poll(() => dob.inputValue()).toBe('08062013');
    await c.screenshot('l-scan-rejected');
  });

  it('(m) a record number two patients hold: both shown with the reason in words, the clerk picks one, the visit goes on that record', async () => {
    const c = await open();
    const { page } = c;
    const db = c.harness.core.db;
    // This counter's patient got RM 000001; another counter gave 000001 too before both were on the hub,
    // and the hub sent that record here as it is (both kept, each card stays true).
    const own = await c.harness.core.createPatient({ name: 'Chairul Wahyu', dob: '1975-04-02', address: 'Jl. Mawar 3' });
    expect(own.mrn).toBe('000001');
    const at = '2025-06-10T01:00:00.000Z';
    applyPull(db, {
      cursor: 1,
      more: false,
      patients: [{ uid: '01a22d0a-50a0-74ec-8ade-9eb792625ccc', mrn: '000001', nik: null, card: null, name: 'PASIEN PAGI', dob: '1990-01-01', sex: 'P', address: 'Kp. Baru', identified: true, createdAt: at, updatedAt: at, mergedInto: null, rev: 1 }],
      visits: [],
      followUps: [],
      prints: [],
      rechecks: [],
      notices: [],
      aliases: [],
      settings: null,
    });

    const search = page.locator('#lookup-query');
    await search.fill('000001');
    await search.press('Enter');
    const verdict = page.getByTestId('verdict');
    await expect.poll(() => verdict.getAttribute('data-verdict')).toBe('problem');
    expect(await verdict.textContent()).toContain('Satu No. RM untuk 2 pasien: pilih yang benar');
    expect(await verdict.textContent()).toContain('No. RM 000001 dipegang 2 pasien');
    // Nobody is picked for the clerk: no "Pasien lama" line, nothing to register yet; both listed.
    expect(await page.getByTestId('own-patient').count()).toBe(0);
    await expect.poll(() => page.getByTestId('own-matches').textContent()).toContain('Pasien dengan No. RM 000001');
    const items = page.getByTestId('own-match');
    await expect.poll(() => items.count()).toBe(2);
    await expect.poll(() => items.nth(0).textContent()).toContain('CHAIRUL WAHYU');
    await expect.poll(() => items.nth(0).textContent()).toContain('Jl. Mawar 3');
    await expect.poll(() => items.nth(1).textContent()).toContain('PASIEN PAGI');
    await c.screenshot('m-shared-mrn');

    // Enter again goes to the choices, not to a registration; the clerk picks CHAIRUL.
    await search.press('Enter');
    await expect.poll(() => focusedAttr(c, 'aria-label')).toContain('CHAIRUL WAHYU');
    expect(await page.getByTestId('register-panel').count()).toBe(0);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('own-patient').textContent()).toContain('RM 000001');
    expect(await page.getByTestId('own-patient').textContent()).toContain('CHAIRUL WAHYU');
    await expect.poll(() => page.getByTestId('own-match').count()).toBe(0);
    await expect.poll(() => focusedAttr(c, 'data-testid')).toBe('register-start');
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('register-panel');
    await expect.poll(() => panel.getAttribute('data-step')).toBe('unit');
    await expect.poll(() => page.getByTestId('register-patient').textContent()).toContain('CHAIRUL WAHYU');
    await page.keyboard.press('Enter');
    await page.getByTestId('ticket-queue').waitFor();
    expect(db.prepare('SELECT p.name FROM visits v JOIN patients p ON p.id = v.patient_id').all()).toEqual([{ name: 'CHAIRUL WAHYU' }]);
  });

  it('(n) a NIK typed with two digits swapped: not found, and the listed NIK one slip away is named with its person, to compare with the KTP', async () => {
    const c = await open();
    const { page } = c;
    const search = page.locator('#lookup-query');
    const swapped = `${SITI.nik.slice(0, 14)}${SITI.nik[15]}${SITI.nik[14]}`;
    expect(swapped).not.toBe(SITI.nik);
    await search.fill(swapped);
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict')).toBe('unknown');
    const hint = page.locator('[data-testid="query-warning"][data-code="query/nik-slip-swap"]');
    await expect.poll(() => hint.textContent()).toContain(`Mungkin salah ketik: di daftar ${APBD.name} ada NIK ${SITI.nik} (dua angka bertukar tempat) atas nama ${SITI.name}`);
    await c.screenshot('n-nik-slip');
  });
});
