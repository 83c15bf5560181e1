import { describe, expect, it } from 'vitest';
import { LetterGuard, QUIET_MS, SETTLE_MS } from '../../../src/renderer/src/components/letter-keys';
import { enterInUnitStep, nextUnitDigit, NO_ENTER_HOLD, type DigitRun, type EnterHold } from '../../../src/renderer/src/features/register/unit-digit';

/**
 * Plays keys into the unit step as use-payer-letters does: letters J/D/U are payers (applied at
 * once when alone, taken back when a key follows within SETTLE_MS), other letters and the space
 * have no action, digits 1–3 are units; Enter registers unless held (enterInUnitStep). Returns the
 * unit and payer the step ends with, and whether an Enter registered.
 */
function play(keys: { key: string; at: number }[]): { unit: string; payer: string; registered?: true } {
  const guard = new LetterGuard<() => void>();
  const state: { unit: string; payer: string; registered?: true } = { unit: 'UMUM', payer: 'jkn' };
  let hold: EnterHold = NO_ENTER_HOLD;
  const units: Record<string, string> = { '1': 'UMUM', '2': 'GIGI', '3': 'KIA' };
  const payers: Record<string, string> = { j: 'jkn', d: 'jamkesda', u: 'umum' };
  let run: DigitRun | null = null;
  for (const { key, at } of keys) {
    if (key === 'Enter') {
      const next = enterInUnitStep(guard, hold, at);
      hold = next.hold;
      if (next.registers) return { ...state, registered: true };
      continue;
    }
    if (/^[0-9]$/.test(key)) {
      const code = units[key];
      const before = state.unit;
      const next = nextUnitDigit(guard, run, at, () => (state.unit = before));
      run = next.run;
      if (next.acts) {
        if (code) {
          state.unit = code;
          hold = { ...hold, armed: false };
        }
        continue;
      }
      next.takeBack?.();
      guard.press(at, null);
      hold = { ...hold, armed: true };
      continue;
    }
    const payer = payers[key];
    const before = state.payer;
    const verdict = guard.press(at, payer ? () => (state.payer = before) : null);
    if (verdict.dropped) verdict.dropped();
    if (!verdict.ignored && payer) {
      state.payer = payer;
      hold = { ...hold, armed: false };
    } else if (verdict.dropped || !verdict.alone || key === ' ') hold = { ...hold, armed: true };
  }
  return state;
}

const typed = (text: string, gap: number, start = 10_000) => [...text].map((key, i) => ({ key, at: start + i * gap }));

describe('a number key in the unit step', () => {
  it('pressed alone picks its unit', () => {
    expect(play([{ key: '2', at: 10_000 }])).toEqual({ unit: 'GIGI', payer: 'jkn' });
  });

  it('after a name typed there (`ahmad 2`, 120 ms a key) picks nothing', () => {
    expect(play(typed('ahmad 2', 120))).toEqual({ unit: 'UMUM', payer: 'jkn' });
    // Slower than a typist, still within a second of the last letter.
    expect(play(typed('budi 2', 400))).toEqual({ unit: 'UMUM', payer: 'jkn' });
  });

  it('after a quiet second following the name, picks its unit (the clerk read the note)', () => {
    expect(play([...typed('ahmad', 120), { key: '2', at: 10_000 + 4 * 120 + QUIET_MS + 1 }])).toEqual({ unit: 'GIGI', payer: 'jkn' });
  });

  it('an RM typed there (`000123`, `2231`) picks nothing: what its first keys picked is taken back', () => {
    expect(play(typed('000123', 150))).toEqual({ unit: 'UMUM', payer: 'jkn' });
    expect(play(typed('2231', 100))).toEqual({ unit: 'UMUM', payer: 'jkn' });
  });

  it('"2 then J" and "D then 3" at a practised clerk’s speed pick both', () => {
    expect(play(typed('2j', 60))).toEqual({ unit: 'GIGI', payer: 'jkn' });
    expect(play(typed('2d', 60))).toEqual({ unit: 'GIGI', payer: 'jamkesda' });
    expect(play(typed('d3', 60))).toEqual({ unit: 'KIA', payer: 'jamkesda' });
  });

  it('two unit keys, a moment apart or at once (a change of mind, a key next to it), keep the second', () => {
    expect(play([{ key: '2', at: 10_000 }, { key: '3', at: 10_000 + SETTLE_MS + 50 }])).toEqual({ unit: 'KIA', payer: 'jkn' });
    expect(play(typed('23', 60))).toEqual({ unit: 'KIA', payer: 'jkn' });
    expect(play(typed('53', 60))).toEqual({ unit: 'KIA', payer: 'jkn' });
  });

  it('a number key a quiet second after an RM typed there acts again; within the second it does not', () => {
    expect(play([...typed('0001', 150), { key: '3', at: 10_000 + 3 * 150 + QUIET_MS + 1 }])).toEqual({ unit: 'KIA', payer: 'jkn' });
    expect(play([...typed('0001', 150), { key: '3', at: 10_000 + 3 * 150 + SETTLE_MS + 1 }])).toEqual({ unit: 'UMUM', payer: 'jkn' });
  });

  it('letters after an RM typed there change no payer', () => {
    expect(play(typed('0001 d', 120))).toEqual({ unit: 'UMUM', payer: 'jkn' });
  });
});

describe('Enter in the unit step', () => {
  const enter = (at: number) => ({ key: 'Enter', at });

  it('alone, or right after a unit key or a payer letter pressed alone, registers', () => {
    expect(play([enter(10_000)])).toEqual({ unit: 'UMUM', payer: 'jkn', registered: true });
    expect(play([{ key: '3', at: 10_000 }, enter(10_050)])).toEqual({ unit: 'KIA', payer: 'jkn', registered: true });
    expect(play([{ key: 'd', at: 10_000 }, enter(10_050)])).toEqual({ unit: 'UMUM', payer: 'jamkesda', registered: true });
  });

  it('right after a name typed there (`budi santoso`, then Enter to search) registers nobody', () => {
    const name = typed('budi santoso', 120);
    expect(play([...name, enter(10_000 + 12 * 120)])).toEqual({ unit: 'UMUM', payer: 'jkn' });
    // An RM typed there, then Enter.
    expect(play([...typed('000123', 150), enter(10_000 + 6 * 150)])).toEqual({ unit: 'UMUM', payer: 'jkn' });
  });

  it('held once even when the name was typed slowly and Enter came after a pause', () => {
    expect(play([...typed('budi', 120), enter(10_000 + 3 * 120 + QUIET_MS + 500)])).toEqual({ unit: 'UMUM', payer: 'jkn' });
  });

  it('a reflex second Enter at once is held too; a deliberate one after it registers', () => {
    const name = typed('budi santoso', 120);
    const first = 10_000 + 12 * 120;
    expect(play([...name, enter(first), enter(first + 150)])).toEqual({ unit: 'UMUM', payer: 'jkn' });
    expect(play([...name, enter(first), enter(first + QUIET_MS + 1)])).toEqual({ unit: 'UMUM', payer: 'jkn', registered: true });
  });

  it('a unit key pressed alone after the typing (the clerk read the note) clears the hold: its Enter registers', () => {
    const after = 10_000 + 4 * 120 + QUIET_MS + 1;
    expect(play([...typed('ahmad', 120), { key: '2', at: after }, enter(after + 50)])).toEqual({ unit: 'GIGI', payer: 'jkn', registered: true });
  });
});
