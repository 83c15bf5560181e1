import { PAYER_KEYS, PAYERS, type FollowUpKind, type Payer } from '../../../../shared/counter';

/** What a key on the follow-up list means. Nothing here ever acts on Enter or Space alone. */
export type FollowUpKeyAction =
  | { type: 'move'; index: number }
  | { type: 'payer'; payer: Payer }
  | { type: 'recheck' }
  | { type: 'identify' };

export interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** C: cek ulang (re-check), I: isi identitas. The payer keys are PAYER_KEYS (J, D, U, R, K, A, M). */
export const RECHECK_KEY = 'C';
export const IDENTIFY_KEY = 'I';

const PAYER_BY_KEY: ReadonlyMap<string, Payer> = new Map(PAYERS.map((p) => [PAYER_KEYS[p].toLowerCase(), p]));

/**
 * The follow-up list's keys: arrows, Home and End move between cards; a letter runs an action of
 * the focused card only when that card offers it. Enter is deliberately not an action: the screen
 * opens with the focus on the list, and Alt+3 then Enter must change nothing.
 */
export function followUpKey(
  event: KeyLike,
  state: { count: number; index: number; kind: FollowUpKind | null; payer: Payer | null },
): FollowUpKeyAction | null {
  if (event.altKey || event.ctrlKey || event.metaKey || state.count === 0) return null;
  const last = state.count - 1;
  const at = Math.min(Math.max(state.index, 0), last);
  switch (event.key) {
    case 'ArrowDown':
      return { type: 'move', index: Math.min(at + 1, last) };
    case 'ArrowUp':
      return { type: 'move', index: Math.max(at - 1, 0) };
    case 'Home':
      return { type: 'move', index: 0 };
    case 'End':
      return { type: 'move', index: last };
  }
  const key = event.key.toLowerCase();
  if (state.kind === 'settle-payer') {
    const payer = PAYER_BY_KEY.get(key);
    // The payer the visit already has is no change: nothing to do, nothing to undo.
    if (payer && payer !== state.payer) return { type: 'payer', payer };
    if (key === RECHECK_KEY.toLowerCase()) return { type: 'recheck' };
  }
  if (state.kind === 'identify-patient' && key === IDENTIFY_KEY.toLowerCase()) return { type: 'identify' };
  return null;
}

/**
 * Why a letter pressed alone does nothing on the selected task: a payer key (or C) on a task to
 * identify the patient, whose payer is the visit's other task; I on a payer task. Null otherwise.
 */
export function followUpLetterWhyNot(key: string, kind: FollowUpKind | null): 'payer-on-identity' | 'identify-on-payer' | null {
  const k = key.toLowerCase();
  if (kind === 'identify-patient' && (PAYER_BY_KEY.has(k) || k === RECHECK_KEY.toLowerCase())) return 'payer-on-identity';
  if (kind === 'settle-payer' && k === IDENTIFY_KEY.toLowerCase()) return 'identify-on-payer';
  return null;
}
