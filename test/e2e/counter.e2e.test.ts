import { describe, expect, it } from 'vitest';
import { QUIET_MS } from '../../src/renderer/src/components/letter-keys';
import type { Counter } from './support/counter';
import { useCounters } from './support/ui';
import { APBD, APBN_OLD, RIZKI, SITI, STRANGER_NIK } from './support/lists';

const counters = useCounters();
const open = (viewport?: { width: number; height: number }): Promise<Counter> => counters.open([APBD, APBN_OLD], viewport);

const focused = (c: Counter, attr = 'id'): Promise<unknown> =>
  c.page.evaluate(`document.activeElement && (document.activeElement.getAttribute(${JSON.stringify(attr)}))`);

/** Registers a regular visit through the core (test setup), payer as given. */
async function seedVisit(c: Counter, name: string, unit: string, payer: 'jkn' | 'umum' | 'pending'): Promise<void> {
  const patient = await c.harness.core.createPatient({ name });
  await c.harness.core.registerVisit({ patientId: patient.id, unit, verdict: null, payer });
}

/** The register's rows of one unit (the register, not the queue, carries the payer). */
async function registerOf(c: { harness: { core: { visitRegister: (input: { from: string; to?: string }) => Promise<{ unit: string; queue: string; payer: string }[]> } } }, unit: string) {
  return (await c.harness.core.visitRegister({ from: '2000-01-01', to: '2999-12-31' })).filter((r) => r.unit === unit);
}

describe('registration at the counter', () => {
  it('(a) registers an active member to Poli Umum: U-001, focus back in the search field; a second visit asks first', async () => {
    const c = await open();
    const { page } = c;
    const search = page.locator('#lookup-query');
    await search.fill(SITI.nik);
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict')).toBe('eligible');
    await expect.poll(() => page.getByTestId('register-start').textContent()).toContain('Daftarkan');

    // Enter again on the answered query: register this patient.
    await search.press('Enter');
    const panel = page.getByTestId('register-panel');
    await expect.poll(() => panel.getAttribute('data-step')).toBe('unit');
    await expect.poll(() => focused(c, 'data-testid')).toBe('register-submit');
    await expect.poll(() => page.getByTestId('register-patient').textContent()).toContain(SITI.name);
    // Payer derived from the verdict: active on PBI APBD, a JKN segment (the regency pays the
    // premium to BPJS), so JKN; the emergency button now names the patient.
    await expect.poll(() => page.locator('[data-payer="jkn"]').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByTestId('emergency-button').textContent()).toContain(SITI.name);
    // The payer can be changed by key (recorded only); J goes back to the derived one.
    await page.keyboard.press('u');
    await expect.poll(() => page.locator('[data-payer="umum"]').getAttribute('aria-pressed')).toBe('true');
    // A payer letter acts only when pressed alone (use-payer-letters.ts): the keyboard quiet first.
    await page.waitForTimeout(QUIET_MS + 100);
    await page.keyboard.press('j');
    await expect.poll(() => page.locator('[data-payer="jkn"]').getAttribute('aria-pressed')).toBe('true');
    // A digit outside a text field waits ~100 ms (it could be the start of a scan), then counts.
    await page.keyboard.press('2');
    await expect.poll(() => page.locator('[data-unit="GIGI"]').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('1');
    await expect.poll(() => page.locator('[data-unit="UMUM"]').getAttribute('aria-pressed')).toBe('true');
    await c.screenshot('counter-a-unit-choice');
    await page.keyboard.press('Enter');

    await expect.poll(() => page.getByTestId('ticket-queue').textContent()).toBe('U-001');
    await expect.poll(() => page.getByTestId('ticket-unit').textContent()).toBe('Poli Umum');
    await expect.poll(() => page.getByTestId('ticket').textContent()).toContain(SITI.name);
    await expect.poll(() => page.getByTestId('ticket').textContent()).toMatch(/No\. RM \d+/);
    // Ctrl+Z undoes no registration: the ticket says where a mistaken one is cancelled.
    expect(await page.getByTestId('ticket-cancel-hint').textContent()).toBe('Keliru? Batalkan di Antrean (Alt+2): pilih barisnya, tekan B.');
    await expect.poll(() => focused(c)).toBe('lookup-query');
    await expect.poll(() => search.inputValue()).toBe('');
    await expect.poll(() => page.getByTestId('register-panel').count()).toBe(0);
    await c.screenshot('counter-a-registered');

    // The same patient, the same unit, the same day: the clerk confirms (Esc cancels, Enter confirms).
    await page.keyboard.type(SITI.nik);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict')).toBe('eligible');
    await page.getByTestId('register-start').click();
    await expect.poll(() => panel.getAttribute('data-step')).toBe('unit');
    await expect.poll(() => page.getByTestId('register-patient').textContent()).not.toContain('rekam medis baru'); // the same record
    await expect.poll(() => focused(c, 'data-testid')).toBe('register-submit');
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('U-001');
    await c.screenshot('counter-a-duplicate-confirm');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.getByTestId('ticket').count()).toBe(0);
    expect(await panel.getAttribute('data-step')).toBe('unit'); // Esc closed the question only
    // The question starts on Batal: a reflex Enter cancels too.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await expect.poll(() => focused(c, 'data-testid')).toBe('confirm-no');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.getByTestId('ticket').count()).toBe(0);
    // To register again the clerk moves to "Ya, daftarkan lagi" first (each key once the focus is
    // where the clerk sees it: on a loaded machine the dialog takes its focus a moment after it shows).
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await expect.poll(() => focused(c, 'data-testid')).toBe('confirm-no');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focused(c, 'data-testid')).toBe('confirm-yes');
    // Tab stays inside the question: Ya → Batal → Ya, never the header or the screen behind.
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(c, 'data-testid')).toBe('confirm-no');
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => focused(c, 'data-testid')).toBe('confirm-yes');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(c, 'data-testid')).toBe('confirm-yes');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('ticket-queue').textContent()).toBe('U-002');
    expect((await registerOf(c, 'UMUM')).map((e) => [e.queue, e.payer])).toEqual([
      ['U-001', 'jkn'],
      ['U-002', 'jkn'],
    ]);
    await expect.poll(() => focused(c)).toBe('lookup-query');
  });

  it('(b) registers a NIK on no list as a new patient with a typed name: payer pending, a follow-up opens', async () => {
    const c = await open();
    const { page } = c;
    const search = page.locator('#lookup-query');
    await search.fill(STRANGER_NIK);
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict')).toBe('unknown');
    const start = page.getByTestId('register-start');
    await expect.poll(() => start.textContent()).toContain('Daftarkan sebagai pasien baru');
    await search.press('Enter');

    const form = page.getByTestId('new-patient-form');
    await form.waitFor();
    expect(await form.locator('input[name="nik"]').inputValue()).toBe(STRANGER_NIK);
    await expect.poll(() => focused(c, 'name')).toBe('name');
    // The name is the only required field.
    await page.keyboard.press('Enter');
    await expect.poll(() => form.textContent()).toContain('Nama wajib diisi');
    await c.screenshot('counter-b-new-patient-form');
    await page.keyboard.type('Ani Suryani');
    await page.keyboard.press('Enter');

    const panel = page.getByTestId('register-panel');
    await expect.poll(() => panel.getAttribute('data-step')).toBe('unit');
    await expect.poll(() => page.getByTestId('register-patient').textContent()).toContain('ANI SURYANI');
    const pending = page.locator('[data-payer="pending"]');
    await expect.poll(() => pending.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => pending.textContent()).toContain('Penjamin menyusul');
    await c.screenshot('counter-b-unit-pending');
    await expect.poll(() => focused(c, 'data-testid')).toBe('register-submit');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('ticket-queue').textContent()).toBe('U-001');
    await expect.poll(() => page.getByTestId('ticket').textContent()).toContain('tindak lanjut');
    await expect.poll(() => focused(c)).toBe('lookup-query');
    // Recorded in the register (for claims), never shown on the queue.
    expect((await registerOf(c, 'UMUM')).map((e) => e.payer)).toEqual(['pending']);

    await page.keyboard.press('Alt+3');
    const item = page.locator('[data-testid="followup"][data-queue="U-001"]');
    await item.waitFor();
    const text = await item.textContent();
    expect(text).toContain('ANI SURYANI');
    expect(text).toContain('Tetapkan penjamin');
    expect(text).toContain('Tidak ditemukan di daftar peserta');
    expect(await item.getByTestId('countdown').textContent()).toBe('sisa 3 hari');
    await c.screenshot('counter-b-followups');
    // Re-checking against the lists: still not there, so the task stays and the clerk is told.
    await item.locator('[data-action="recheck"]').click();
    await expect.poll(() => page.getByTestId('followups-notice').textContent()).toBe(
      'ANI SURYANI: cek ulang: tetap penjamin menyusul (belum ada di daftar sebagai peserta aktif).',
    );
    expect(await item.count()).toBe(1);
    await item.locator('[data-action="umum"]').click();
    await expect.poll(() => item.count()).toBe(0);
    // The change is said with the name, and can be undone for a few seconds.
    await expect.poll(() => page.getByTestId('undo-message').textContent()).toBe('ANI SURYANI → Umum');
    expect((await registerOf(c, 'UMUM')).map((e) => e.payer)).toEqual(['umum']);
  });

  it('(c) F9 on the queue screen registers GD-001 at once; first in the IGD queue; the identity task closes', async () => {
    const c = await open();
    const { page } = c;
    // A patient already in a poli queue: F9 goes to the IGD, never behind them (the IGD takes emergencies only).
    await seedVisit(c, 'PASIEN POLI', 'UMUM', 'jkn');
    await page.keyboard.press('Alt+2');
    await page.getByTestId('queue-screen').waitFor();

    await page.keyboard.press('F9');
    const dialog = page.getByTestId('emergency-dialog');
    await expect.poll(() => page.getByTestId('emergency-queue').textContent()).toBe('GD-001');
    expect(await page.getByTestId('confirm-dialog').count()).toBe(0); // no question asked
    await expect.poll(() => dialog.textContent()).toContain('IGD (Gawat Darurat)');
    await expect.poll(() => dialog.textContent()).toMatch(/TANPA IDENTITAS/i);
    await expect.poll(() => page.getByTestId('emergency-deadline').textContent()).toContain('paling lambat');
    await c.screenshot('counter-c-emergency');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);

    await page.keyboard.press('5'); // the IGD tab
    await expect.poll(() => page.locator('[role="tab"][data-unit="IGD"]').getAttribute('aria-selected')).toBe('true');
    const rows = page.getByTestId('queue-row');
    // The tab shows as chosen a moment before its rows replace the poli's (a single row too): wait for them.
    await expect.poll(() => rows.first().getAttribute('data-queue')).toBe('GD-001');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('Gawat darurat');
    await c.screenshot('counter-c-igd-queue');

    await page.keyboard.press('Alt+3');
    const identify = page.locator('[data-testid="followup"][data-kind="identify-patient"]');
    await identify.waitFor();
    const settle = page.locator('[data-testid="followup"][data-kind="settle-payer"][data-queue="GD-001"]');
    await expect.poll(() => settle.count()).toBe(1);
    expect(await identify.textContent()).toContain('tanpa identitas');
    expect(await identify.getByTestId('countdown').textContent()).toBe('sisa 3 hari');
    await expect.poll(() => settle.textContent()).toContain('Pasien gawat darurat');
    await c.screenshot('counter-c-followups');

    await identify.locator('[data-action="identify"]').click();
    // The identity step searches first, like the main screen; nobody is found, so the identity is typed.
    await expect.poll(() => focused(c, 'name')).toBe('identity-query');
    await page.keyboard.type('Joko Widodo');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('identity-step').textContent()).toContain('Tidak ada data yang cocok');
    await page.locator('[data-action="type-identity"]').click();
    await expect.poll(() => focused(c, 'name')).toBe('name');
    // The searched name is already in the form.
    await expect.poll(() => page.locator('[data-testid="identity-form"] input[name="name"]').inputValue()).toBe('JOKO WIDODO');
    await page.locator('[data-testid="identity-form"] input[name="dob"]').fill('02011970');
    await c.screenshot('counter-c-identity-form');
    await page.locator('[data-testid="identity-form"] input[name="name"]').press('Enter');
    // A typed identity is asked about too (it cannot be undone): the emergency and the typed person, the focus on "Kembali".
    await page.getByTestId('confirm-dialog').waitFor();
    expect(await page.getByTestId('attach-emergency').textContent()).toContain('GD-001');
    expect(await page.getByTestId('attach-chosen').textContent()).toContain('JOKO WIDODO');
    expect(await page.getByTestId('attach-chosen').textContent()).toContain('02 Jan 1970');
    await expect.poll(() => focused(c, 'data-testid')).toBe('confirm-no');
    await page.getByTestId('confirm-yes').click();
    await expect.poll(() => identify.count()).toBe(0);
    await expect.poll(() => page.getByTestId('followups-notice').textContent()).toMatch(/^JOKO WIDODO: identitas dilengkapi, RM \d+$/);
    // The payer is still open, now under the patient's name.
    await expect.poll(() => settle.textContent()).toContain('JOKO WIDODO');
  });

  it('(d) calls, serves and cancels in the queue; the queue never shows the payer', async () => {
    const c = await open({ width: 1024, height: 768 });
    const { page } = c;
    await seedVisit(c, 'PASIEN SATU', 'UMUM', 'jkn');
    await seedVisit(c, 'PASIEN DUA', 'UMUM', 'umum');
    await seedVisit(c, 'PASIEN TIGA', 'UMUM', 'pending');
    await page.getByRole('button', { name: /Antrean/ }).click();
    const rows = page.getByTestId('queue-row');
    await expect.poll(() => rows.count()).toBe(3);
    const status = (q: string): Promise<string | null> => page.locator(`[data-testid="queue-row"][data-queue="${q}"]`).getAttribute('data-status');
    expect(await status('U-001')).toBe('waiting');

    await page.keyboard.press('p');
    await expect.poll(() => status('U-001')).toBe('called');
    await expect.poll(() => page.getByTestId('queue-notice').textContent()).toContain('U-001');
    await expect.poll(() => page.locator('[data-queue="U-001"] [data-testid="queue-status"]').textContent()).toBe('Dipanggil');
    // A letter acts only when pressed alone: the keyboard rests a second after the last one.
    await page.waitForTimeout(1100);
    await page.keyboard.press('s');
    await expect.poll(() => status('U-001')).toBe('served');
    await page.getByTestId('call-next').click();
    await expect.poll(() => status('U-002')).toBe('called');
    await page.locator('[data-queue="U-003"] [data-action="cancelled"]').click();
    // Cancelling a visit asks first; "Ya, batalkan" does it.
    await page.getByTestId('confirm-yes').click();
    await expect.poll(() => status('U-003')).toBe('cancelled');
    await expect.poll(() => page.locator('[data-queue="U-003"] [data-testid="queue-status"]').textContent()).toBe('Batal');

    const table = (await page.getByTestId('queue-table').textContent()) ?? '';
    expect(table).not.toMatch(/JKN|Umum|Penjamin/i);
    await c.screenshot('counter-d-queue-1024');

    // English: no payer words either.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => page.getByTestId('call-next').textContent()).toContain('Call next');
    expect((await page.getByTestId('queue-table').textContent()) ?? '').not.toMatch(/JKN|Self-pay|payer/i);
  });
});

describe('registration without a look-up, and emergencies for a known patient', () => {
  it('(e) F2 registers a patient without NIK; a likely duplicate is offered before a new record is made', async () => {
    const c = await open();
    const { page } = c;
    const existing = await c.harness.core.createPatient({ name: 'BAYI NY. SITI', dob: '2025-06-01', sex: 'P' });
    await page.keyboard.press('F2');
    const form = page.getByTestId('new-patient-form');
    await form.waitFor();
    await expect.poll(() => focused(c, 'name')).toBe('name');
    await page.keyboard.type('Bayi Ny. Siti');
    await form.locator('input[name="dob"]').fill('01062025');
    await expect.poll(() => form.textContent()).toContain('1 Juni 2025');
    await form.locator('input[name="name"]').press('Enter');

    const dups = page.getByTestId('duplicates');
    await dups.waitFor();
    expect(await dups.textContent()).toContain(existing.mrn);
    await c.screenshot('counter-e-likely-duplicate');
    // The first "use this record" button has the focus: Enter takes the existing record.
    await page.keyboard.press('Enter');
    const panel = page.getByTestId('register-panel');
    await expect.poll(() => panel.getAttribute('data-step')).toBe('unit');
    const who = await page.getByTestId('register-patient').textContent();
    expect(who).toContain(existing.mrn);
    expect(who).not.toContain('rekam medis baru');
    // No check was made: the payer waits; KIA/KB with key 3.
    await expect.poll(() => page.locator('[data-payer="pending"]').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('3');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('ticket-queue').textContent()).toBe('K-001');
    await expect.poll(() => page.getByTestId('ticket-unit').textContent()).toBe('KIA/KB');
    await expect.poll(() => focused(c)).toBe('lookup-query');

    // Esc on the form goes back to the search field without registering anyone.
    await page.keyboard.press('F2');
    await form.waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('register-panel').count()).toBe(0);
    await expect.poll(() => focused(c)).toBe('lookup-query');
  });

  it('(f) F9 while a patient is being registered: Enter sends that patient to IGD, no identity task', async () => {
    const c = await open();
    const { page } = c;
    const search = page.locator('#lookup-query');
    await search.fill(SITI.nik);
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict')).toBe('eligible');
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('register-panel').getAttribute('data-step')).toBe('unit');

    // A patient on screen: F9 asks once (Enter: this patient, F9 again: unidentified, Esc: nothing).
    await page.keyboard.press('F9');
    const choice = page.getByTestId('emergency-choice');
    await choice.waitFor();
    expect(await choice.textContent()).toContain(SITI.name);
    expect(await choice.textContent()).toContain('F9 lagi: pasien tanpa identitas');
    await c.screenshot('counter-f-emergency-choice');
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('emergency-dialog');
    await expect.poll(() => page.getByTestId('emergency-queue').textContent()).toBe('GD-001');
    await expect.poll(() => dialog.textContent()).toContain(SITI.name);
    // The number window has the focus, as for an unidentified patient: letters typed now go
    // nowhere (no name search for "abc" behind it), and Tab never leaves the window.
    await expect.poll(() => focused(c, 'data-testid')).toBe('emergency-close');
    await page.keyboard.type('abc');
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      await expect.poll(() => page.evaluate(`document.activeElement?.closest('[data-testid="emergency-dialog"]') !== null`)).toBe(true);
    }
    expect(await search.inputValue()).toBe('');
    expect(await page.getByTestId('verdict').count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => focused(c)).toBe('lookup-query');
    expect(await search.inputValue()).toBe('');
    expect(await page.getByTestId('register-start').count()).toBe(0); // no "new patient abc" offered
    // The patient went to IGD: the search screen is ready for the next one.
    await expect.poll(() => page.getByTestId('register-panel').count()).toBe(0);
    expect(await search.inputValue()).toBe('');

    await page.keyboard.press('Alt+3');
    const items = page.getByTestId('followup');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().getAttribute('data-kind')).toBe('settle-payer');
    expect(await items.first().textContent()).toContain(SITI.name);

    // English follow-ups: reason and countdown in words.
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => items.first().getByTestId('countdown').textContent()).toBe('3 days left');
    expect(await items.first().textContent()).toContain('Emergency patient: payer not settled yet');
    await c.screenshot('counter-f-followups-en');
  });
});

/** Patient records in the counter's database, and the audit's registrations. */
function recordsOf(c: Counter): { patients: { mrn: string; name: string; nik: string | null }[]; registered: number } {
  const db = c.harness.core.db;
  return {
    patients: db.prepare('SELECT mrn, name, nik FROM patients ORDER BY id').all() as { mrn: string; name: string; nik: string | null }[],
    registered: (db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'register'").get() as { n: number }).n,
  };
}

describe('nothing is written before the visit is registered', () => {
  it('(g) Esc, a scan or F2 → Esc in the unit step leave no record; Daftar makes the record and the visit together', async () => {
    const c = await open();
    const { page } = c;
    const search = page.locator('#lookup-query');
    const panel = page.getByTestId('register-panel');
    // A list member who is not yet a patient here, picked from a name search.
    const toUnitStep = async (): Promise<void> => {
      await search.click();
      await search.pressSequentially('moch rizki', { delay: 20 });
      await search.press('Enter');
      await page.locator('button[data-pick]').first().waitFor();
      await search.press('ArrowDown');
      await expect.poll(() => focused(c, 'aria-label')).toContain(RIZKI.name);
      await page.keyboard.press('Enter');
      await expect.poll(() => focused(c, 'data-testid')).toBe('register-start');
      await page.keyboard.press('Enter');
      await expect.poll(() => panel.getAttribute('data-step')).toBe('unit');
    };
    await toUnitStep();
    const who = await page.getByTestId('register-patient').textContent();
    expect(who).toContain(RIZKI.name);
    // No number reserved: it is given when the visit is registered.
    expect(who).toContain('diberikan saat didaftarkan');
    expect(who).not.toMatch(/\d{6}/);
    await c.screenshot('counter-g-unit-new-record');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    expect(recordsOf(c)).toEqual({ patients: [], registered: 0 });
    expect((await c.harness.core.lookup({ query: RIZKI.nik })).patient ?? null).toBeNull();

    // A scan in the unit step: a new search, and still nothing registered.
    await page.keyboard.press('Escape');
    await toUnitStep();
    await page.keyboard.type(SITI.nik, { delay: 5 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('scan-note').textContent()).toContain(`Pendaftaran ${RIZKI.name} dibatalkan`);
    expect(recordsOf(c)).toEqual({ patients: [], registered: 0 });

    // F2, a name, Enter, then Esc in the unit step.
    await page.keyboard.press('Escape');
    await page.keyboard.press('F2');
    await page.getByTestId('new-patient-form').waitFor();
    await page.keyboard.type('Ani Suryani');
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.getAttribute('data-step')).toBe('unit');
    await page.keyboard.press('Escape');
    await expect.poll(() => panel.count()).toBe(0);
    expect(recordsOf(c)).toEqual({ patients: [], registered: 0 });

    // Registered for real: the first record number, made with the visit.
    await toUnitStep();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('ticket-queue').textContent()).toBe('U-001');
    await expect.poll(() => page.getByTestId('ticket').textContent()).toContain('000001');
    expect(recordsOf(c)).toEqual({ patients: [{ mrn: '000001', name: RIZKI.name, nik: RIZKI.nik }], registered: 2 });
  });

  it('(h) a NIK that is another patient\'s record: the clerk is asked, with the focus on going back; no lone key answers', async () => {
    const c = await open({ width: 1366, height: 768 });
    const { page } = c;
    const mother = await c.harness.core.createPatient({ name: 'HALIMAH UTOMO', nik: STRANGER_NIK, dob: '1999-01-01', sex: 'P' });
    const panel = page.getByTestId('register-panel');
    await page.keyboard.press('F2');
    const form = page.getByTestId('new-patient-form');
    await form.waitFor();
    await page.keyboard.type('bayi ny sari');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(c, 'name')).toBe('nik');
    await page.keyboard.type(STRANGER_NIK, { delay: 40 });
    await page.keyboard.press('Enter');

    const clash = page.getByTestId('nik-clash');
    await clash.waitFor();
    expect(await clash.locator('h2').textContent()).toBe(`NIK ini sudah terdaftar atas nama HALIMAH UTOMO (RM ${mother.mrn}).`);
    expect(await clash.textContent()).toContain('Nama yang diketik: BAYI NY SARI');
    await expect.poll(() => focused(c, 'data-choice')).toBe('back');
    await c.screenshot('counter-h-nik-clash-1366');
    await page.setViewportSize({ width: 1024, height: 768 });
    await c.screenshot('counter-h-nik-clash-1024');
    const box = await clash.locator('[data-choice="without-nik"]').boundingBox();
    expect(box && box.x + box.width <= 1024 && box.y + box.height <= 768).toBe(true);

    // Lone keys (a payer letter, a unit digit, y/n) answer nothing.
    for (const key of ['j', '1', 'y', 'n', 'u']) await page.keyboard.press(key);
    await page.waitForTimeout(200);
    expect(await panel.getAttribute('data-step')).toBe('nik-clash');

    // Enter on the focused choice: back to the form, what was typed kept, in the NIK field.
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.getAttribute('data-step')).toBe('form');
    await expect.poll(() => form.locator('input[name="name"]').inputValue()).toBe('BAYI NY SARI');
    await expect.poll(() => focused(c, 'name')).toBe('nik');
    await page.keyboard.press('Enter');
    await clash.waitFor();

    // A baby without an own NIK: saved as a new patient without the NIK.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(c, 'data-choice')).toBe('without-nik');
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.getAttribute('data-step')).toBe('unit');
    await expect.poll(() => page.getByTestId('register-patient').textContent()).toContain('BAYI NY SARI');
    expect(recordsOf(c).patients).toHaveLength(1); // nothing written yet
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('ticket-queue').textContent()).toBe('U-001');
    expect(recordsOf(c).patients).toEqual([
      { mrn: mother.mrn, name: 'HALIMAH UTOMO', nik: STRANGER_NIK },
      { mrn: '000002', name: 'BAYI NY SARI', nik: null },
    ]);

    // "Register that patient": the record as it is.
    await page.keyboard.press('F2');
    await form.waitFor();
    await page.keyboard.type('Sari Lestari');
    await form.locator('input[name="nik"]').fill(STRANGER_NIK);
    await form.locator('input[name="nik"]').press('Enter');
    await clash.waitFor();
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(c, 'data-choice')).toBe('use');
    await page.keyboard.press('Enter');
    await expect.poll(() => panel.getAttribute('data-step')).toBe('unit');
    await expect.poll(() => page.getByTestId('register-patient').textContent()).toContain(`HALIMAH UTOMO`);
    await expect.poll(() => page.getByTestId('register-patient').textContent()).toContain(mother.mrn);
    await page.keyboard.press('Escape');

    // The same name (spelt otherwise): that record at once, no question.
    await page.keyboard.press('F2');
    await form.waitFor();
    await page.keyboard.type('Halimah  utomo');
    await form.locator('input[name="nik"]').fill(STRANGER_NIK);
    await form.locator('input[name="nik"]').press('Enter');
    await expect.poll(() => panel.getAttribute('data-step')).toBe('unit');
    await expect.poll(() => page.getByTestId('register-patient').textContent()).toContain(mother.mrn);
    expect(await clash.count()).toBe(0);
  });

  it('(i) name, Tab, birth date, Enter: a search; ↓ to the candidates; Enter again opens the form with name and date', async () => {
    const c = await open({ width: 1024, height: 768 });
    const { page } = c;
    const search = page.locator('#lookup-query');
    const dob = page.locator('#lookup-dob');
    await search.click();
    await page.keyboard.type('Muhammad Rizki');
    await page.keyboard.press('Tab');
    // At a person's pace: 8 digits at a scanner's would be a rejected scan.
    await page.keyboard.type('17051990', { delay: 90 });
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="lookup"][data-busy="false"] button[data-pick]').first().waitFor();
    await expect.poll(() => focused(c)).toBe('lookup-dob');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.evaluate("document.activeElement && document.activeElement.hasAttribute('data-pick')")).toBe(true);
    expect(await dob.inputValue()).toBe('17051990'); // ↓ never changes the date

    await page.keyboard.press('Escape');
    await search.click();
    await page.keyboard.type('xylo qwerty');
    await page.keyboard.press('Tab');
    await page.keyboard.type('1-1-1990', { delay: 90 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('verdict').getAttribute('data-verdict')).toBe('unknown');
    await page.locator('[data-testid="lookup"][data-busy="false"]').waitFor();
    await expect.poll(() => page.getByTestId('register-start').textContent()).toContain('Daftarkan sebagai pasien baru');
    await page.keyboard.press('Enter'); // "Enter lagi: daftarkan"
    const form = page.getByTestId('new-patient-form');
    await form.waitFor();
    expect(await form.locator('input[name="name"]').inputValue()).toBe('XYLO QWERTY');
    expect(await form.locator('input[name="dob"]').inputValue()).toBe('01-01-1990');
    await page.keyboard.press('Escape');

    // F2 after a name + date search takes both too.
    await search.click();
    await page.keyboard.type('xylo qwerty');
    await page.keyboard.press('Tab');
    await page.keyboard.type('02-02-1991', { delay: 90 });
    await page.keyboard.press('F2');
    await form.waitFor();
    // The search the typing scheduled (250 ms after the last key) does not take the form away.
    await page.waitForTimeout(500);
    expect(await form.count()).toBe(1);
    expect(await form.locator('input[name="dob"]').inputValue()).toBe('02-02-1991');
    expect(recordsOf(c).patients).toEqual([]);
  });
});
