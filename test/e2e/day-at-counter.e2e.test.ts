import { describe, expect, it } from 'vitest';
import type { Counter } from './support/counter';
import { csvList, type ListFile } from './support/counter';
import { useCounters } from './support/ui';

/**
 * A clerk's whole day, through the UI only: 60 patients scanned at scanner speed (5–20 ms a key,
 * then Enter), with scans arriving at random moments (the unit step, the "already registered"
 * question, the follow-ups and queue screens), returning patients on no list, same-name patients,
 * emergencies and non-active members. At the end the register must hold exactly the visits the
 * clerk meant: none to a wrong unit, no patient recorded twice, no payer the clerk did not choose.
 * The seed is printed; DAY_SEED=<n> replays a day.
 */

const SEED = Number(process.env.DAY_SEED ?? Date.now() % 1_000_000);
const PATIENT_TURNS = 60;

/** mulberry32: small, seedable, good enough to shuffle a day. */
function rng(seed: number): { int: (lo: number, hi: number) => number; pick: <T>(xs: readonly T[]) => T; chance: (p: number) => boolean } {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  return { int, pick: (xs) => xs[int(0, xs.length - 1)] as (typeof xs)[number], chance: (p) => next() < p };
}

type Kind = 'active' | 'inactive' | 'stranger' | 'own';
interface Person {
  nik: string;
  card: string;
  name: string;
  dob: string;
  sex: 'L' | 'P';
  kind: Kind;
}

const UNITS = ['UMUM', 'GIGI', 'KIA', 'LANSIA'] as const;
type Unit = (typeof UNITS)[number];
const PAYER_KEYS = { j: 'jkn', u: 'umum', m: 'pending' } as const;
type PayerKey = keyof typeof PAYER_KEYS;

const NAMES = [
  'AHMAD FAUZI', 'AHMAD FAUZI', 'SITI NURHALIZA', 'SITI NURHALIZA', 'BUDI HARTONO', 'DEWI SARTIKA', 'RUDI SETIAWAN', 'NUR AINI', 'AGUS SALIM',
  'RINA MARLINA', 'HENDRA GUNAWAN', 'YULI ASTUTI', 'JOKO SUSILO', 'LINA HERLINA', 'DEDI MULYADI', 'ENDANG SRI', 'ASEP SUNANDAR', 'TUTI ALAWIYAH',
  'IWAN FALS', 'MAYA SARI', 'EKO PRASETYO', 'FITRI HANDAYANI', 'DODI IRAWAN', 'SRI WAHYUNI', 'HERU CAHYONO', 'NENG KOMALA', 'UJANG SOPANDI',
  'IMAS MASRIAH', 'CECEP SUPRIATNA', 'ENTIN KARTINI', 'DADANG KOSASIH', 'OMAH SITI', 'ROHMAN HAKIM', 'NANI SUMARNI', 'YAYAN SOFYAN',
  'AAN ANWAR', 'ECIN KURAESIN', 'ENCEP KUSNADI', 'IIS DAHLIA', 'MAMAN SURYAMAN', 'ONAH JUHANAH', 'SARIP HIDAYAT',
];

/** Valid NIKs of Kota Serang: birth date inside (day + 40 for women), serial from 0001. */
function people(): Person[] {
  const r = rng(SEED ^ 0x5eed);
  const kinds: Kind[] = [...Array<Kind>(24).fill('active'), ...Array<Kind>(4).fill('inactive'), ...Array<Kind>(8).fill('stranger'), ...Array<Kind>(6).fill('own')];
  return NAMES.map((name, i) => {
    const sex = r.chance(0.5) ? 'L' : 'P';
    const y = r.int(1950, 2005);
    const m = r.int(1, 12);
    const d = r.int(1, 28);
    const dd = String(d + (sex === 'P' ? 40 : 0)).padStart(2, '0');
    const nik = `367301${dd}${String(m).padStart(2, '0')}${String(y % 100).padStart(2, '0')}${String(i + 1).padStart(4, '0')}`;
    return {
      nik,
      card: `00013365${String(30000 + i).padStart(5, '0')}`,
      name,
      dob: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
      sex,
      kind: kinds[i] as Kind,
    };
  });
}

const HEADER = ['NIK', 'NOKA', 'NAMA', 'TGL_LAHIR', 'JK', 'STATUS', 'ALAMAT'];
const dmy = (iso: string): string => iso.split('-').reverse().join('-');

function apbnList(all: Person[]): ListFile {
  const rows = all
    .filter((p) => p.kind === 'active' || p.kind === 'inactive')
    .map((p) => [p.nik, p.card, p.name, dmy(p.dob), p.sex, p.kind === 'active' ? 'AKTIF' : 'NON AKTIF PREMI', 'KP. SAWAH RT 001/002 KASEMEN']);
  return { name: 'PBI APBN KOTA SERANG', kind: 'pbi-apbn', asOf: '2025-06-01', csv: csvList(HEADER, rows) };
}

/** One visit the clerk means to register: who (NIK, or null for an unidentified emergency), where, which payer. */
interface Intended {
  nik: string | null;
  unit: string;
  payer: string;
  emergency: boolean;
}

const counters = useCounters();

describe('a day at the counter', () => {
  it(`60 patients scanned, interrupted, returning, in emergencies: the register holds exactly the intended visits (seed ${SEED})`, { timeout: 300_000 }, async () => {
    console.log(`day-at-counter seed: ${SEED} (replay with DAY_SEED=${SEED})`);
    const started = Date.now();
    const all = people();
    const c: Counter = await counters.open([apbnList(all)], { width: 1024, height: 768 });
    const { page, harness } = c;
    const core = harness.core;
    const r = rng(SEED);
    const pageLog: string[] = [];
    page.on('console', (m) => pageLog.push(m.text()));

    // Returning patients on no list: records from an earlier day.
    for (const p of all.filter((x) => x.kind === 'own')) await core.createPatient({ name: p.name, nik: p.nik, dob: p.dob, sex: p.sex });

    const intended: Intended[] = [];
    const visitedToday = new Map<string, Set<Unit>>();
    const hasRecord = new Set(all.filter((p) => p.kind === 'own').map((p) => p.nik));
    const registerCount = async (): Promise<number> => (await core.visitRegister({ from: '2000-01-01', to: '2999-12-31' })).length;
    /** The next turn starts with a scan that must interrupt what is on screen; the note names whom. */
    let pendingCheck: { kind: 'note'; name: string } | { kind: 'dialog' } | { kind: 'screen' } | null = null;

    async function scan(digits: string): Promise<void> {
      await page.keyboard.type(digits, { delay: r.int(5, 20) });
      await page.keyboard.press('Enter');
      await page.locator(`[data-testid="lookup"][data-query="${digits}"][data-busy="false"]`).waitFor();
      const check = pendingCheck;
      pendingCheck = null;
      if (check?.kind === 'note') await expect.poll(() => page.getByTestId('scan-note').textContent()).toContain(`Pendaftaran ${check.name} dibatalkan`);
      if (check?.kind === 'dialog') await expect.poll(() => page.getByTestId('confirm-dialog').count()).toBe(0);
      await expect.poll(() => page.getByTestId('register-panel').count()).toBe(0);
    }

    /** Scan (NIK or card), then Enter: up to the unit step (through the new-patient form for a stranger). */
    async function toUnitStep(p: Person): Promise<void> {
      const byCard = p.kind === 'active' && r.chance(0.3);
      await scan(byCard ? p.card : p.nik);
      if (hasRecord.has(p.nik)) await page.getByTestId('own-patient').waitFor();
      await page.keyboard.press('Enter');
      const panel = page.getByTestId('register-panel');
      await expect.poll(() => panel.getAttribute('data-step')).toMatch(/^(unit|form)$/);
      if ((await panel.getAttribute('data-step')) === 'form') {
        expect(hasRecord.has(p.nik)).toBe(false);
        await page.keyboard.type(p.name);
        await page.keyboard.press('Enter');
        await expect.poll(() => panel.getAttribute('data-step')).toBe('unit');
      }
      await expect.poll(() => page.getByTestId('register-patient').textContent()).toContain(p.name);
      await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.getAttribute("data-testid")')).toBe('register-submit');
    }

    let shotUnitStep = false;
    async function pickUnit(unit: Unit): Promise<void> {
      if (!shotUnitStep) {
        // The unit step with all seven payers at 1024x768: everything fits without scrolling.
        shotUnitStep = true;
        await c.screenshot('day-unit-step-1024');
        const submit = await page.getByTestId('register-submit').boundingBox();
        expect(submit && submit.y + submit.height).toBeLessThanOrEqual(768);
      }
      await page.keyboard.press(String(UNITS.indexOf(unit) + 1));
      await expect.poll(() => page.locator(`[data-unit="${unit}"]`).getAttribute('aria-pressed')).toBe('true');
    }

    const derived = (p: Person): string => (p.kind === 'active' ? 'jkn' : 'pending');
    const freeUnits = (p: Person): Unit[] => UNITS.filter((u) => !visitedToday.get(p.nik)?.has(u));

    async function visit(p: Person, unit: Unit): Promise<void> {
      await toUnitStep(p);
      await pickUnit(unit);
      const key: PayerKey | null = r.chance(0.3) ? r.pick(['j', 'u', 'm'] as const) : null;
      if (key) await page.keyboard.press(key);
      const before = await registerCount();
      await page.keyboard.press('Enter');
      await expect.poll(registerCount).toBe(before + 1);
      await page.getByTestId('ticket').waitFor();
      // The record is made with the visit: a registration dropped at the unit step makes none.
      hasRecord.add(p.nik);
      intended.push({ nik: p.nik, unit, payer: key ? PAYER_KEYS[key] : derived(p), emergency: false });
      visitedToday.set(p.nik, (visitedToday.get(p.nik) ?? new Set()).add(unit));
    }

    const log: string[] = [];
    const counts = { visit: 0, dropped: 0, dialog: 0, screen: 0, emergencyFor: 0, emergencyUnidentified: 0, returning: 0 };
    let patients = 0;
    try {
    while (patients < PATIENT_TURNS) {
      const roll = r.int(1, 100);
      const p = r.pick(all);
      const free = freeUnits(p);
      log.push(`${roll} ${p.kind} ${p.name} pending=${pendingCheck?.kind ?? '-'}`);
      if (roll <= 8 && !pendingCheck) {
        // The clerk is on another screen when the next card is scanned.
        const other = r.chance(0.5) ? { key: 'Alt+3', id: 'followups-screen' } : { key: 'Alt+2', id: 'queue-screen' };
        await page.keyboard.press(other.key);
        await page.getByTestId(other.id).waitFor();
        if (intended.length > 0 && r.chance(0.5)) {
          // F4 reprints the last slip from any screen (here: printing needs the desktop app).
          await page.keyboard.press('F4');
          await expect.poll(() => page.getByTestId('print-notice').textContent()).toContain('hanya tersedia');
        }
        pendingCheck = { kind: 'screen' };
        counts.screen++;
        continue;
      }
      patients++;
      if (roll <= 20 && free.length > 0) {
        // Half-way through the unit step, the next patient's card is scanned: nothing registered.
        await toUnitStep(p);
        await pickUnit(r.pick(free));
        pendingCheck = { kind: 'note', name: p.name };
        counts.dropped++;
      } else if (roll <= 28 && (visitedToday.get(p.nik)?.size ?? 0) > 0) {
        // Same patient, same unit, same day: the question opens on Batal; a scan arrives.
        const unit = r.pick([...(visitedToday.get(p.nik) ?? [])]);
        await toUnitStep(p);
        await pickUnit(unit);
        await page.keyboard.press('Enter');
        await page.getByTestId('confirm-dialog').waitFor();
        await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.getAttribute("data-testid")')).toBe('confirm-no');
        pendingCheck = { kind: 'dialog' };
        counts.dialog++;
      } else if (roll <= 33 && p.kind !== 'stranger') {
        // F9 with the patient on screen: Enter sends this patient to IGD.
        await scan(p.nik);
        await page.keyboard.press('F9');
        await page.getByTestId('emergency-choice').waitFor();
        await page.keyboard.press('Enter');
        await expect.poll(() => page.getByTestId('emergency-queue').textContent()).toMatch(/GD-\d+/);
        await expect.poll(() => page.getByTestId('emergency-dialog').textContent()).toContain(p.name);
        await page.waitForTimeout(350); // the clerk reads the number (a close at once is taken for keys mashed)
        await page.keyboard.press('Enter');
        await expect.poll(() => page.getByTestId('emergency-dialog').count()).toBe(0);
        await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe('lookup-query');
        hasRecord.add(p.nik);
        intended.push({ nik: p.nik, unit: 'IGD', payer: 'pending', emergency: true });
        counts.emergencyFor++;
      } else if (roll <= 37) {
        // F9 with nobody on screen: an unidentified emergency at once.
        if (pendingCheck) await scan(p.nik); // what was pending is interrupted first
        await page.keyboard.press('Escape');
        await expect.poll(() => page.getByTestId('register-panel').count()).toBe(0);
        await page.keyboard.press('F9');
        await expect.poll(() => page.getByTestId('emergency-queue').textContent()).toMatch(/GD-\d+/);
        await page.waitForTimeout(350); // the clerk reads the number
        await page.keyboard.press('Enter');
        await expect.poll(() => page.getByTestId('emergency-dialog').count()).toBe(0);
        await expect.poll(() => page.evaluate('document.activeElement && document.activeElement.id')).toBe('lookup-query');
        intended.push({ nik: null, unit: 'IGD', payer: 'pending', emergency: true });
        counts.emergencyUnidentified++;
      } else if (free.length > 0) {
        if (hasRecord.has(p.nik)) counts.returning++;
        await visit(p, r.pick(free));
        counts.visit++;
        if (r.chance(0.1)) {
          // F4 right after registering reprints; P there is the next name's first letter (PRIYO).
          await page.keyboard.press('F4');
          await expect.poll(() => page.getByTestId('slip-status').textContent()).toContain('hanya tersedia');
          expect(await page.locator('#lookup-query').inputValue()).toBe('');
          await page.keyboard.press('p');
          expect(await page.locator('#lookup-query').inputValue()).toBe('p');
          await page.keyboard.press('Escape');
        }
      } else patients--;
    }
    if (pendingCheck) await scan(all[0]?.nik ?? '');
    } catch (error) {
      await c.screenshot('day-at-counter-failure');
      console.log(log.slice(-6).join('\n'));
      console.log(pageLog.slice(-60).join('\n'));
      throw error;
    }
    await c.screenshot('day-at-counter-end');

    // The register, read through the core: exactly the intended visits.
    const rows = await core.visitRegister({ from: '2000-01-01', to: '2999-12-31' });
    const nikOf = new Map((core.db.prepare('SELECT mrn, nik FROM patients').all() as { mrn: string; nik: string | null }[]).map((x) => [x.mrn, x.nik]));
    const key = (v: Intended): string => `${v.nik ?? 'UNIDENTIFIED'}|${v.unit}|${v.payer}|${v.emergency ? 'GD' : ''}`;
    const actual = rows.map((row) => key({ nik: nikOf.get(row.mrn) ?? null, unit: row.unit, payer: row.payer, emergency: row.emergency })).sort();
    expect(actual).toEqual(intended.map(key).sort());
    // No patient recorded twice (same-name patients are two people with two records).
    const twice = core.db.prepare('SELECT nik, COUNT(*) AS n FROM patients WHERE nik IS NOT NULL GROUP BY nik HAVING n > 1').all();
    expect(twice).toEqual([]);
    const sameName = core.db.prepare("SELECT COUNT(*) AS n FROM patients WHERE name = 'AHMAD FAUZI'").get() as { n: number };
    expect(sameName.n).toBeLessThanOrEqual(2);

    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(`day-at-counter: ${rows.length} visits in ${seconds}s`, counts);
    expect(counts.dropped + counts.dialog + counts.screen).toBeGreaterThan(0);
  });
});
