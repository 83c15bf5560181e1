import { describe, expect, it } from 'vitest';
import type { Counter } from './support/counter';
import { APBD, APBN_OLD, SITI } from './support/lists';
import { useCounters } from './support/ui';
import { QUIET_MS } from '../../src/renderer/src/components/letter-keys';

const counters = useCounters();
const open = (): Promise<Counter> => counters.open([APBD, APBN_OLD], { width: 1024, height: 768 });

/** A visit through the core (test setup). */
async function seedVisit(c: Counter, name: string, payer: 'jkn' | 'umum' | 'pending'): Promise<number> {
  const patient = await c.harness.core.createPatient({ name });
  return (await c.harness.core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: null, payer })).id;
}
const payerOf = async (c: Counter, queue: string): Promise<string | undefined> =>
  (await c.harness.core.visitRegister({ from: '2000-01-01', to: '2999-12-31' })).find((r) => r.queue === queue)?.payer;
const focusedAttr = (c: Counter, attr: string): Promise<unknown> =>
  c.page.evaluate(`document.activeElement && document.activeElement.getAttribute(${JSON.stringify(attr)})`);
const focusedTestId = (c: Counter): Promise<unknown> => focusedAttr(c, 'data-testid');
/** A letter acts only when pressed alone: after any key, the keyboard must rest a second first (letter-keys.ts). */
const quiet = (c: Counter): Promise<void> => c.page.waitForTimeout(QUIET_MS + 100);
const statusOf = (c: Counter, q: string): Promise<string | null> => c.page.locator(`[data-testid="queue-row"][data-queue="${q}"]`).getAttribute('data-status');

describe('no lone key changes data; every change says what changed', () => {
  it('follow-ups: Alt+3 then Enter changes nothing; arrows move; J sets JKN naming the patient; Ctrl+Z puts the payer back', async () => {
    const c = await open();
    const { page } = c;
    await seedVisit(c, 'ENTIN ROHMAH', 'pending');
    await seedVisit(c, 'ASEP SUNANDAR', 'pending');

    await page.keyboard.press('Alt+3');
    const items = page.getByTestId('followup');
    await expect.poll(() => items.count()).toBe(2);
    // The focus is on the first card itself, not on one of its actions.
    await expect.poll(() => focusedTestId(c)).toBe('followup');
    await expect.poll(() => focusedAttr(c, 'data-queue')).toBe('U-001');
    await page.keyboard.press('Enter');
    await page.keyboard.press(' ');
    await page.waitForTimeout(300);
    expect(await payerOf(c, 'U-001')).toBe('pending');
    expect(await items.count()).toBe(2);
    expect(await page.getByTestId('undo-toast').count()).toBe(0);

    // Arrow down: the second card; J on it (pressed alone) sets its payer, and says so with the name.
    await quiet(c);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => focusedAttr(c, 'data-queue')).toBe('U-002');
    await page.keyboard.press('j');
    await expect.poll(() => page.getByTestId('undo-message').textContent()).toBe('ASEP SUNANDAR → JKN');
    await expect.poll(() => items.count()).toBe(1);
    expect(await payerOf(c, 'U-002')).toBe('jkn');
    expect(await payerOf(c, 'U-001')).toBe('pending');
    await c.screenshot('undo-a-payer-toast');

    // Ctrl+Z: back to pending through the core; the follow-up is open again.
    await page.keyboard.press('Control+z');
    await expect.poll(() => payerOf(c, 'U-002')).toBe('pending');
    await expect.poll(() => items.count()).toBe(2);
    await expect.poll(() => page.getByTestId('followups-notice').textContent()).toBe('Diurungkan: ASEP SUNANDAR kembali Penjamin menyusul');
    await expect.poll(() => page.getByTestId('undo-toast').count()).toBe(0);

    // Another payer by its button (Jasa Raharja needs migration 006; Umum is in the current schema), Undo by the button.
    await page.locator('[data-testid="followup"][data-queue="U-001"] [data-action="umum"]').click();
    await expect.poll(() => page.getByTestId('undo-message').textContent()).toBe('ENTIN ROHMAH → Umum');
    expect(await payerOf(c, 'U-001')).toBe('umum');
    await page.getByTestId('undo-button').click();
    await expect.poll(() => payerOf(c, 'U-001')).toBe('pending');

    // The Undo goes away by itself after a few seconds.
    await page.locator('[data-testid="followup"][data-queue="U-001"] [data-action="umum"]').click();
    await page.getByTestId('undo-toast').waitFor();
    await expect.poll(() => page.getByTestId('undo-toast').count(), { timeout: 9000 }).toBe(0);
    expect(await payerOf(c, 'U-001')).toBe('umum');
  });

  it('follow-ups: a re-check says what it found, with the name; a record without NIK or card was not looked up, and F3 adds one', async () => {
    const c = await open();
    const { page } = c;
    await seedVisit(c, 'ENTIN ROHMAH', 'pending');
    const mrn = (await c.harness.core.openFollowUps({}))[0]!.patient.mrn;
    await page.keyboard.press('Alt+3');
    await page.getByTestId('followup').first().waitFor();
    await expect.poll(() => focusedTestId(c)).toBe('followup');
    await page.keyboard.press('c');
    // Never "not on the lists as an active member": nothing was looked up.
    await expect.poll(() => page.getByTestId('followups-notice').textContent()).toBe(
      `ENTIN ROHMAH (RM ${mrn}) belum punya NIK atau nomor kartu, jadi tidak ada yang dapat dicek di daftar. Isi dari KTP atau kartu JKN dengan F3 (Ubah data pasien: cari RM ${mrn} di Cari & Daftar), lalu cek ulang di sini (C).`,
    );
    expect(await payerOf(c, 'U-001')).toBe('pending');
  });

  it('follow-ups: the identity step searches like the main screen; "Pakai" asks first, naming both; "Ya" fills the identity for good', async () => {
    const c = await open();
    const { page } = c;
    const emergency = await c.harness.core.registerEmergency({});
    const temporary = (await c.harness.core.dayQueue({ unit: 'IGD' })).find((e) => e.visitId === emergency.id)!.patient;
    await seedVisit(c, 'ENTIN ROHMAH', 'pending');
    await page.keyboard.press('Alt+3');
    const identify = page.locator('[data-testid="followup"][data-kind="identify-patient"]');
    await identify.waitFor();
    // A payer change first: undoable, until the identity is joined. The payer buttons are on the
    // current card only: a click on the card makes it current, then its button.
    const payerCard = page.locator('[data-testid="followup"][data-queue="U-001"]');
    expect(await payerCard.locator('[data-action="umum"]').count()).toBe(0);
    await payerCard.click({ position: { x: 8, y: 8 } });
    await payerCard.locator('[data-action="umum"]').click();
    await expect.poll(() => payerOf(c, 'U-001')).toBe('umum');
    await identify.focus();
    await quiet(c);
    await page.keyboard.press('i');
    const query = page.locator('input[name="identity-query"]');
    await expect.poll(() => focusedAttr(c, 'name')).toBe('identity-query');
    await query.fill(SITI.nik);
    await query.press('Enter');
    const choice = page.getByTestId('identity-choice');
    await expect.poll(() => choice.count()).toBe(1);
    expect(await choice.first().textContent()).toContain(SITI.name);
    await query.press('ArrowDown');
    await page.keyboard.press('Enter');

    // The question: both named (the emergency with its number and temporary record; SITI with NIK masked and birth date), the focus on "Kembali".
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    await expect.poll(() => focusedTestId(c)).toBe('confirm-no');
    const emergencySide = await page.getByTestId('attach-emergency').textContent();
    expect(emergencySide).toContain(temporary.name);
    expect(emergencySide).toContain('GD-001');
    expect(emergencySide).toContain(temporary.mrn);
    const chosen = (await page.getByTestId('attach-chosen').textContent()) ?? '';
    expect(chosen).toContain(SITI.name);
    expect(chosen).toContain('3673••••••••0003');
    expect(chosen).not.toContain(SITI.nik);
    expect(chosen).toContain('12 Mar 1985');
    expect(chosen).toContain(APBD.name);
    expect(await dialog.textContent()).toContain('Tidak dapat diurungkan');
    await c.screenshot('undo-f-identity-question');
    // A reflex Enter joins nobody: back on "Pakai", the emergency still unidentified.
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => focusedAttr(c, 'data-action')).toBe('pick');
    expect(await identify.count()).toBe(1);
    expect((await c.harness.core.dayQueue({ unit: 'IGD' })).find((e) => e.visitId === emergency.id)!.patient.name).toBe(temporary.name);

    // Again, and "Ya": filled, said; Ctrl+Z then undoes nothing and says why (never the older payer change).
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focusedTestId(c)).toBe('confirm-yes');
    await page.keyboard.press('Enter');
    await expect.poll(() => identify.count()).toBe(0);
    await expect.poll(() => page.getByTestId('followups-notice').textContent()).toMatch(new RegExp(`^${SITI.name}: identitas dilengkapi, RM \\d+$`));
    // The payer task of that visit now carries her name.
    await expect.poll(() => page.locator('[data-testid="followup"][data-queue="GD-001"]').textContent()).toContain(SITI.name);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('followups-notice').textContent()).toMatch(
      new RegExp(`^Tidak ada yang diurungkan: perubahan terakhir \\(${SITI.name}: identitas dilengkapi, RM \\d+\\) tidak dapat diurungkan\\.$`),
    );
    expect(await payerOf(c, 'U-001')).toBe('umum');
  });

  it('follow-ups: an identity that is a patient already known here joins that record, and says so', async () => {
    const c = await open();
    const { page } = c;
    const known = await c.harness.core.createPatient({ name: SITI.name, nik: SITI.nik });
    await c.harness.core.registerEmergency({});
    await page.keyboard.press('Alt+3');
    const identify = page.locator('[data-testid="followup"][data-kind="identify-patient"]');
    await identify.waitFor();
    await identify.locator('[data-action="identify"]').click();
    await page.locator('input[name="identity-query"]').fill(SITI.nik);
    await page.locator('input[name="identity-query"]').press('Enter');
    const own = page.locator('[data-testid="identity-choice"][data-kind="own"]');
    await own.waitFor();
    await expect.poll(() => page.getByTestId('identity-choice').count()).toBe(1); // the list member is the same person: shown once
    await own.locator('[data-action="pick"]').click();
    // The question names the record it joins (its RM), and says the temporary one goes.
    await page.getByTestId('confirm-dialog').waitFor();
    expect(await page.getByTestId('attach-chosen').textContent()).toContain(known.mrn);
    expect(await page.getByTestId('confirm-dialog').textContent()).toContain(`rekam pasien ini (RM ${known.mrn})`);
    await page.getByTestId('confirm-yes').click();
    await expect.poll(() => page.getByTestId('followups-notice').textContent()).toBe(`${SITI.name}: identitas dilengkapi, digabung dengan RM ${known.mrn}`);
  });

  it('queue: calling and Selesai act and offer Undo naming the patient; Batal asks first with the focus on Tidak', async () => {
    const c = await open();
    const { page } = c;
    await seedVisit(c, 'ENTIN ROHMAH', 'jkn');
    await seedVisit(c, 'ASEP SUNANDAR', 'umum');
    await page.keyboard.press('Alt+2');
    const rows = page.getByTestId('queue-row');
    await expect.poll(() => rows.count()).toBe(2);
    const status = (q: string): Promise<string | null> => page.locator(`[data-testid="queue-row"][data-queue="${q}"]`).getAttribute('data-status');

    // Calling is a change too: said with the name, and undone by Ctrl+Z (back to waiting).
    await page.keyboard.press('p');
    await expect.poll(() => status('U-001')).toBe('called');
    await expect.poll(() => page.getByTestId('undo-message').textContent()).toBe('U-001 ENTIN ROHMAH: dipanggil');
    await page.keyboard.press('Control+z');
    await expect.poll(() => status('U-001')).toBe('waiting');
    await expect.poll(() => page.getByTestId('queue-notice').textContent()).toBe('Diurungkan: U-001 ENTIN ROHMAH kembali Menunggu');
    await quiet(c);
    await page.keyboard.press('p');
    await expect.poll(() => status('U-001')).toBe('called');
    // The next letter only once the keyboard has rested (the clerk reads the toast).
    await quiet(c);
    await page.keyboard.press('s');
    await expect.poll(() => status('U-001')).toBe('served');
    await expect.poll(() => page.getByTestId('undo-message').textContent()).toBe('U-001 ENTIN ROHMAH: selesai');
    await c.screenshot('undo-b-served-toast');
    await page.keyboard.press('Control+z');
    await expect.poll(() => status('U-001')).toBe('called');
    await expect.poll(() => page.getByTestId('queue-notice').textContent()).toBe('Diurungkan: U-001 ENTIN ROHMAH kembali Dipanggil');

    // Batal: a question, the focus on "Tidak"; Enter keeps the visit.
    await page.keyboard.press('ArrowDown');
    await quiet(c);
    await page.keyboard.press('b');
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('U-002 ASEP SUNANDAR');
    await expect.poll(() => focusedTestId(c)).toBe('confirm-no');
    await c.screenshot('undo-c-cancel-question');
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await status('U-002')).toBe('waiting');
    // The button asks too; "Ya" cancels and says so.
    await page.locator('[data-queue="U-002"] [data-action="cancelled"]').click();
    await page.getByTestId('confirm-yes').click();
    await expect.poll(() => status('U-002')).toBe('cancelled');
    await expect.poll(() => page.getByTestId('queue-notice').textContent()).toBe('U-002 ASEP SUNANDAR: kunjungan dibatalkan');
  });
});

describe('typing on the queue and follow-ups changes nothing; Ctrl+Z undoes change after change', () => {
  it('follow-ups: typing a word changes nothing and says where to search; a letter alone still acts', async () => {
    const c = await open();
    const { page } = c;
    for (const name of ['SITI AMINAH', 'BUDI HARTONO', 'RUDI SALIM', 'DEWI LESTARI']) await seedVisit(c, name, 'pending');
    await page.keyboard.press('Alt+3');
    const items = page.getByTestId('followup');
    await expect.poll(() => items.count()).toBe(4);
    await expect.poll(() => focusedTestId(c)).toBe('followup');

    // `budi` at a clerk's 120 ms a key: U and D are payer keys, but as typing they are nothing.
    await page.keyboard.type('budi', { delay: 120 });
    await expect.poll(() => page.getByTestId('typing-hint').textContent()).toContain('tekan F1');
    // Slower, a typist's 600 ms: one change at most (here none: the word starts within a second of `budi`).
    await page.keyboard.type('umar', { delay: 600 });
    await page.waitForTimeout(1000);
    for (const q of ['U-001', 'U-002', 'U-003', 'U-004']) expect(await payerOf(c, q)).toBe('pending');
    expect(await items.count()).toBe(4);
    expect(await page.getByTestId('undo-toast').count()).toBe(0);
    await c.screenshot('undo-d-typing-hint');

    // The same letter pressed alone, after a quiet second, does what the README says.
    await quiet(c);
    await page.keyboard.press('u');
    await expect.poll(() => page.getByTestId('undo-message').textContent()).toBe('SITI AMINAH → Umum');
    expect(await payerOf(c, 'U-001')).toBe('umum');
  });

  it('follow-ups: Ctrl+Z twice undoes two payer changes to two patients, newest first, each named', async () => {
    const c = await open();
    const { page } = c;
    for (const name of ['SITI AMINAH', 'RUDI SALIM', 'DEWI LESTARI']) await seedVisit(c, name, 'pending');
    await page.keyboard.press('Alt+3');
    const items = page.getByTestId('followup');
    await expect.poll(() => items.count()).toBe(3);
    await expect.poll(() => focusedAttr(c, 'data-queue')).toBe('U-001');

    await page.keyboard.press('u');
    await expect.poll(() => page.getByTestId('undo-message').textContent()).toBe('SITI AMINAH → Umum');
    // SITI's task closed; the next one (RUDI) has the focus.
    await expect.poll(() => items.count()).toBe(2);
    await expect.poll(() => focusedAttr(c, 'data-queue')).toBe('U-002');
    await quiet(c);
    await page.keyboard.press('d');
    await expect.poll(() => page.getByTestId('undo-message').textContent()).toBe('RUDI SALIM → Jamkesda / PBI daerah');
    await expect.poll(() => page.getByTestId('undo-more').textContent()).toBe('Ctrl+Z lagi: 1 perubahan sebelumnya');
    await c.screenshot('undo-e-two-changes');

    await page.keyboard.press('Control+z');
    await expect.poll(() => payerOf(c, 'U-002')).toBe('pending');
    expect(await payerOf(c, 'U-001')).toBe('umum');
    await expect.poll(() => page.getByTestId('followups-notice').textContent()).toBe('Diurungkan: RUDI SALIM kembali Penjamin menyusul');
    // The toast now names the change the next Ctrl+Z undoes.
    await expect.poll(() => page.getByTestId('undo-message').textContent()).toBe('SITI AMINAH → Umum');
    await page.keyboard.press('Control+z');
    await expect.poll(() => payerOf(c, 'U-001')).toBe('pending');
    await expect.poll(() => page.getByTestId('followups-notice').textContent()).toBe('Diurungkan: SITI AMINAH kembali Penjamin menyusul');
    await expect.poll(() => items.count()).toBe(3);
    await expect.poll(() => page.getByTestId('undo-toast').count()).toBe(0);
  });

  it('queue: typing a word calls nobody; Ctrl+Z twice undoes Selesai, then the call', async () => {
    const c = await open();
    const { page } = c;
    await seedVisit(c, 'ENTIN ROHMAH', 'jkn');
    await seedVisit(c, 'ASEP SUNANDAR', 'umum');
    await page.keyboard.press('Alt+2');
    await expect.poll(() => page.getByTestId('queue-row').count()).toBe(2);

    // `pasien`: P calls, S serves, but not as typing.
    await page.keyboard.type('pasien', { delay: 120 });
    await expect.poll(() => page.getByTestId('typing-hint').textContent()).toContain('tekan F1');
    await page.waitForTimeout(800);
    expect(await statusOf(c, 'U-001')).toBe('waiting');
    expect(await statusOf(c, 'U-002')).toBe('waiting');
    expect(await page.getByTestId('undo-toast').count()).toBe(0);

    await quiet(c);
    await page.keyboard.press('p');
    await expect.poll(() => statusOf(c, 'U-001')).toBe('called');
    await quiet(c);
    await page.keyboard.press('s');
    await expect.poll(() => statusOf(c, 'U-001')).toBe('served');
    await expect.poll(() => page.getByTestId('undo-message').textContent()).toBe('U-001 ENTIN ROHMAH: selesai');
    await page.keyboard.press('Control+z');
    await expect.poll(() => statusOf(c, 'U-001')).toBe('called');
    await expect.poll(() => page.getByTestId('undo-message').textContent()).toBe('U-001 ENTIN ROHMAH: dipanggil');
    await page.keyboard.press('Control+z');
    await expect.poll(() => statusOf(c, 'U-001')).toBe('waiting');
    await expect.poll(() => page.getByTestId('queue-notice').textContent()).toBe('Diurungkan: U-001 ENTIN ROHMAH kembali Menunggu');

    // Changes survive a trip to another screen: undone on coming back.
    await quiet(c);
    await page.keyboard.press('p');
    await expect.poll(() => statusOf(c, 'U-001')).toBe('called');
    await page.keyboard.press('F1');
    await page.keyboard.press('Alt+2');
    await expect.poll(() => page.getByTestId('queue-row').count()).toBe(2);
    await page.keyboard.press('Control+z');
    await expect.poll(() => statusOf(c, 'U-001')).toBe('waiting');
  });
});
