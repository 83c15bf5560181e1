import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pinSchema } from '../../../src/shared/accounts';
import { contract } from '../../../src/shared/contract';
import {
  answered,
  checkPassword,
  checkPin,
  edited,
  EMPTY_PASSWORD,
  EMPTY_PIN,
  passwordInput,
  pinInput,
  startForm,
  submitted,
  type PasswordDraft,
  type PinDraft,
} from '../../../src/renderer/src/features/session/own-account-flow';

const GOOD_PASSWORD: PasswordDraft = { current: 'lama-rahasia', next: 'baru-rahasia', again: 'baru-rahasia' };
const GOOD_PIN: PinDraft = { password: 'lama-rahasia', pin: '4821', again: '4821' };

describe('My account: the rules before sending', () => {
  it('a password change names each broken rule under its field', () => {
    expect(checkPassword(GOOD_PASSWORD)).toEqual({});
    expect(checkPassword(EMPTY_PASSWORD)).toEqual({ current: 'required', next: 'passwordShort' });
    expect(checkPassword({ ...GOOD_PASSWORD, next: 'pendek', again: 'pendek' })).toEqual({ next: 'passwordShort' });
    expect(checkPassword({ ...GOOD_PASSWORD, again: 'baru-rahasiA' })).toEqual({ again: 'passwordMismatch' });
  });

  it('a new PIN names each broken rule under its field', () => {
    expect(checkPin(GOOD_PIN)).toEqual({});
    expect(checkPin(EMPTY_PIN)).toEqual({ password: 'required', pin: 'pin' });
    expect(checkPin({ ...GOOD_PIN, pin: '123', again: '123' })).toEqual({ pin: 'pin' });
    expect(checkPin({ ...GOOD_PIN, pin: '1234567', again: '1234567' })).toEqual({ pin: 'pin' });
    expect(checkPin({ ...GOOD_PIN, again: '4812' })).toEqual({ again: 'pinMismatch' });
  });

  it('what passes the rules is what the core takes, and the other way round (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (current, next) => {
        const draft = { current, next, again: next };
        const sendable = Object.keys(checkPassword(draft)).length === 0;
        expect(sendable).toBe(contract.changeOwnPassword.input.safeParse(passwordInput(draft)).success);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 4 }), fc.stringMatching(/^\d{0,8}$/), (password, pin) => {
        const draft = { password, pin, again: pin };
        const sendable = Object.keys(checkPin(draft)).length === 0;
        expect(sendable).toBe(contract.setOwnPin.input.safeParse(pinInput(draft)).success);
        if (sendable) expect(pinSchema.safeParse(pin).success).toBe(true);
      }),
    );
  });
});

describe('My account: submit and answer', () => {
  const filled = (d: PasswordDraft) => ({ ...startForm(EMPTY_PASSWORD), draft: d });

  it('a broken rule sends nothing; a good form sends once (a second Enter waits)', () => {
    const bad = submitted(filled({ ...GOOD_PASSWORD, again: 'x' }), checkPassword);
    expect(bad.send).toBe(false);
    expect(bad.form.broken).toEqual({ again: 'passwordMismatch' });
    const good = submitted(filled(GOOD_PASSWORD), checkPassword);
    expect(good.send).toBe(true);
    expect(good.form.status.kind).toBe('busy');
    expect(submitted(good.form, checkPassword).send).toBe(false);
  });

  it('typing in a field takes its rule away and the earlier answer with it', () => {
    const bad = submitted(filled(EMPTY_PASSWORD), checkPassword).form;
    const typed = edited(bad, 'current', 'x');
    expect(typed.broken).toEqual({ next: 'passwordShort' });
    expect(typed.draft.current).toBe('x');
    const done = answered(submitted(filled(GOOD_PASSWORD), checkPassword).form, { ok: true, value: {} }, EMPTY_PASSWORD, 'current', 0);
    expect(edited(done, 'next', 'a').status).toEqual({ kind: 'editing' });
  });

  it('done: every field emptied, nothing secret stays on screen', () => {
    const busy = submitted(filled(GOOD_PASSWORD), checkPassword).form;
    expect(answered(busy, { ok: true, value: {} }, EMPTY_PASSWORD, 'current', 0)).toEqual({ draft: EMPTY_PASSWORD, broken: {}, status: { kind: 'done' } });
  });

  it('a wrong password: said with the attempts left, only that password to retype', () => {
    const busy = submitted({ ...startForm(EMPTY_PIN), draft: GOOD_PIN }, checkPin).form;
    const refused = answered(busy, { ok: false, error: { code: 'account/wrong-credentials', params: { attemptsLeft: 3 } } }, EMPTY_PIN, 'password', 0);
    expect(refused.draft).toEqual({ password: '', pin: '4821', again: '4821' });
    expect(refused.status).toEqual({ kind: 'refused', failure: { kind: 'wrong', attemptsLeft: 3 } });
  });

  it('locked out: said with the time, as at the sign-in; any other refusal keeps the core’s words', () => {
    const busy = submitted(filled(GOOD_PASSWORD), checkPassword).form;
    const until = '2026-03-02T01:05:00.000Z';
    const locked = answered(busy, { ok: false, error: { code: 'account/locked-out', params: { until } } }, EMPTY_PASSWORD, 'current', Date.parse(until) - 4.5 * 60_000);
    expect(locked.status).toEqual({ kind: 'refused', failure: { kind: 'locked-out', until, minutesLeft: 5 } });
    const hub = answered(busy, { ok: false, error: { code: 'account/managed-by-hub', params: {} } }, EMPTY_PASSWORD, 'current', 0);
    expect(hub.status).toEqual({ kind: 'refused', failure: { kind: 'other', error: { code: 'account/managed-by-hub', params: {} } } });
  });
});
