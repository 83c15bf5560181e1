import { describe, expect, it } from 'vitest';
import type { Counter } from './support/counter';
import { layoutProblems } from './support/layout';
import { APBD } from './support/lists';
import { useCounters } from './support/ui';

const counters = useCounters();
const open = (): Promise<Counter> => counters.open([APBD], { width: 1024, height: 768 });

const focused = (c: Counter): Promise<unknown> => c.page.evaluate(`document.activeElement && document.activeElement.getAttribute('data-testid')`);
const NIK = '3671024312920005';

/** searchtester S9: DEWI LESTARI (with the KTP's NIK) and DEWY LESTARI (without), each with a visit. */
async function twoRecords(c: Counter) {
  const core = c.harness.core;
  const dewi = await core.registerNewPatient({ identity: { name: 'DEWI LESTARI', nik: NIK, dob: '1992-12-03', sex: 'P' }, unit: 'UMUM', verdict: null });
  const dewy = await core.registerNewPatient({ identity: { name: 'DEWY LESTARI', dob: '1992-12-03', sex: 'P', oldMrn: '2019-00123' }, unit: 'GIGI', verdict: null });
  return { dewi: dewi.patient, dewy: dewy.patient };
}

describe('merging two records of one person (Pengaturan › Gabung RM)', () => {
  it('by keyboard: the two RMs, both records side by side with the focus on Batal, → Enter merges; the old RM then finds the survivor with a note', async () => {
    const c = await open();
    const { page } = c;
    const { dewi, dewy } = await twoRecords(c);

    await page.keyboard.press('Alt+6');
    await page.getByTestId('settings-tab-counter').focus();
    // The last part of the tab strip: one arrow to the left from the first.
    await page.keyboard.press('ArrowLeft');
    await page.getByTestId('merge-tab').waitFor();
    await expect.poll(() => focused(c)).toBe('settings-tab-merge');
    await page.keyboard.press('Tab');
    await expect.poll(() => focused(c)).toBe('merge-survivor-mrn');
    await page.keyboard.type(dewi.mrn);
    await page.keyboard.press('Tab');
    await page.keyboard.type(dewy.mrn);
    await page.keyboard.press('Enter');

    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    expect(await dialog.getAttribute('data-focus')).toBe('cancel');
    await expect.poll(() => focused(c)).toBe('confirm-no');
    expect(await page.getByTestId('merge-side-survivor-mrn').textContent()).toBe(dewi.mrn);
    expect(await page.getByTestId('merge-side-survivor-name').textContent()).toBe('DEWI LESTARI');
    expect(await page.getByTestId('merge-side-merged-name').textContent()).toBe('DEWY LESTARI');
    expect(await page.getByTestId('merge-side-survivor-nik').textContent()).toBe(NIK);
    expect(await page.getByTestId('merge-side-merged-nik').textContent()).toBe('–');
    // The paper-era number goes to the survivor that has none: shown as it will be.
    expect(await page.getByTestId('merge-side-merged-oldMrn').textContent()).toBe('2019-00123');
    expect(await page.getByTestId('merge-side-survivor-oldMrn').textContent()).toContain('2019-00123');
    expect(await page.getByTestId('merge-side-merged-visits').textContent()).toBe('1');
    expect(await dialog.textContent()).toContain(`Kunjungan RM ${dewy.mrn} pindah ke RM ${dewi.mrn}`);
    await c.screenshot('merge-a-confirm-1024');
    expect(await layoutProblems(page)).toEqual([]);

    // A reflex Enter merges nothing.
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await c.harness.core.findPatient({ mrn: dewy.mrn })).toMatchObject({ name: 'DEWY LESTARI' });
    await expect.poll(() => focused(c)).toBe('merge-survivor-mrn');

    // Again, and this time → then Enter.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => focused(c)).toBe('confirm-yes');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('merge-done').textContent()).toBe(
      `RM ${dewy.mrn} digabung ke RM ${dewi.mrn}: 1 kunjungan dipindah. Tulis RM ${dewi.mrn} pada berkas kertas RM ${dewy.mrn}.`,
    );
    await c.screenshot('merge-b-done-1024');
    const trail = await c.harness.core.auditEntries({ limit: 10, action: 'patient-merge' });
    expect(trail.entries.map((e) => e.subject)).toEqual([dewi.mrn]);

    // The old card's RM at the search screen: the survivor, with the note.
    await page.keyboard.press('Alt+1');
    const search = page.locator('#lookup-query');
    await search.fill(dewy.mrn);
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('own-patient-merged').textContent()).toBe(`RM ${dewy.mrn} digabung ke RM ${dewi.mrn}: pakai RM ${dewi.mrn}.`);
    expect(await page.getByTestId('own-patient').getAttribute('data-mrn')).toBe(dewi.mrn);
    await c.screenshot('merge-c-old-rm-1024');
  });

  it("papertester F4/F12: both with an old RM: the question says the duplicate's keeps finding the survivor, and its paper card does", async () => {
    const c = await open();
    const { page } = c;
    const core = c.harness.core;
    const siti = (await core.registerNewPatient({ identity: { name: 'SITI AMINAH', dob: '1985-03-12', sex: 'P', oldMrn: '000004' }, unit: 'UMUM', verdict: null })).patient;
    const rina = (await core.registerNewPatient({ identity: { name: 'SITI AMINA', dob: '1985-03-12', sex: 'P', oldMrn: '000555' }, unit: 'UMUM', verdict: null })).patient;
    // Another patient's paper card carries the number Loket later gave the duplicate.
    const budi = (await core.registerNewPatient({ identity: { name: 'BUDI SANTOSO', dob: '1970-01-01', sex: 'L', oldMrn: rina.mrn }, unit: 'UMUM', verdict: null })).patient;
    await page.keyboard.press('Alt+6');
    await page.getByTestId('settings-tab-merge').click();
    await page.getByTestId('merge-survivor-mrn').fill(siti.mrn);
    await page.getByTestId('merge-merged-mrn').fill(rina.mrn);
    await page.keyboard.press('Enter');
    await page.getByTestId('confirm-dialog').waitFor();
    expect(await page.getByTestId('merge-side-survivor-oldMrn').textContent()).toBe('000004');
    expect(await page.getByTestId('merge-side-merged-oldMrn').textContent()).toBe(`000555 (tetap menemukan RM ${siti.mrn})`);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByTestId('merge-done').waitFor();

    await page.keyboard.press('Alt+1');
    const search = page.locator('#lookup-query');
    await search.fill('RM lama 000555');
    await search.press('Enter');
    await expect.poll(() => page.getByTestId('found-by-old-mrn').first().textContent()).toContain('000555');
    expect(await page.getByTestId('own-patient').first().getAttribute('data-mrn')).toBe(siti.mrn);
    expect(await page.getByTestId('own-patient-merged').first().textContent()).toBe(`RM ${rina.mrn} digabung ke RM ${siti.mrn}: pakai RM ${siti.mrn}.`);
    await c.screenshot('merge-d-old-card-1024');

    // The merged RM that is also BUDI's old RM: both listed, the merged one said as merged (F12), not as the survivor's own RM.
    await search.fill(rina.mrn);
    await search.press('Enter');
    const items = page.getByTestId('own-match');
    await expect.poll(() => items.count()).toBe(2);
    const badges = await page.getByTestId('number-match').allTextContents();
    expect(badges.sort()).toEqual([`Cocok No. RM ${rina.mrn} (digabung ke RM ${siti.mrn})`, `Cocok RM lama ${rina.mrn}`].sort());
    expect(budi.oldMrn).toBe(rina.mrn);
  });

  it('two different NIKs are refused in words, with nothing merged', async () => {
    const c = await open();
    const { page } = c;
    const { dewi } = await twoRecords(c);
    const other = await c.harness.core.createPatient({ name: 'DEWI LESTARI', nik: '3671024312920006', dob: '1992-12-03' });
    await page.keyboard.press('Alt+6');
    await page.getByTestId('settings-tab-merge').click();
    await page.getByTestId('merge-survivor-mrn').fill(dewi.mrn);
    await page.getByTestId('merge-merged-mrn').fill(other.mrn);
    await page.keyboard.press('Enter');
    const alert = page.locator('[data-testid="merge-tab"] [role="alert"]');
    await alert.waitFor();
    expect(await alert.getAttribute('data-error-code')).toBe('patient-merge/nik-differs');
    expect(await alert.textContent()).toContain(`RM ${dewi.mrn} dan RM ${other.mrn} punya NIK yang berbeda`);
    expect(await page.getByTestId('confirm-dialog').count()).toBe(0);
  });
});
