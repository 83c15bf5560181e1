import type { ContractError } from '../../../../shared/contract';
import type { MovedVisit, QueueEntry } from '../../../../shared/counter';
import type { KeyedUnit } from '../../unit-keys';

/**
 * "Ganti poli" (G on a waiting or called row): the choice of the other units, the move, then the
 * offer of the new slip. G because P (pindah) is "Panggil berikutnya" on this screen, and "ganti
 * poli" is how a clerk says it ("pasien salah poli, ganti poli"); it needs no other key on the row.
 *
 *   closed ──G──▶ choosing ──unit key──▶ moving ──ok──▶ moved (print the new slip? Enter / Esc)
 *                    │  ▲                    └─fail──▶ choosing (with the reason)
 *                    Esc└─────────────────────────────────────────────────────────────┘ closed
 */
export type MoveState =
  | { step: 'closed' }
  | { step: 'choosing'; entry: QueueEntry; error: ContractError | null }
  | { step: 'moving'; entry: QueueEntry; unit: string }
  | { step: 'moved'; entry: QueueEntry; moved: MovedVisit };

export type MoveEvent =
  | { type: 'open'; entry: QueueEntry }
  | { type: 'pick'; unit: string }
  | { type: 'done'; moved: MovedVisit }
  | { type: 'failed'; error: ContractError }
  | { type: 'close' };

export const MOVE_CLOSED: MoveState = { step: 'closed' };

/** Only a waiting or called patient moves (the core refuses the rest too, in words). */
export const canMove = (entry: QueueEntry | null): entry is QueueEntry => entry !== null && (entry.status === 'waiting' || entry.status === 'called');

export function moveReducer(state: MoveState, event: MoveEvent): MoveState {
  switch (event.type) {
    case 'open':
      return state.step === 'closed' && canMove(event.entry) ? { step: 'choosing', entry: event.entry, error: null } : state;
    case 'pick':
      return state.step === 'choosing' && event.unit !== state.entry.unit ? { step: 'moving', entry: state.entry, unit: event.unit } : state;
    case 'done':
      return state.step === 'moving' ? { step: 'moved', entry: state.entry, moved: event.moved } : state;
    case 'failed':
      return state.step === 'moving' ? { step: 'choosing', entry: state.entry, error: event.error } : state;
    case 'close':
      // A move on its way is not abandoned half-said: its answer closes or reopens the choice.
      return state.step === 'moving' ? state : MOVE_CLOSED;
  }
}

/**
 * What has the focus as a step of the dialog shows: the choice opens on **Kembali**, so a reflex
 * Enter (G, then Enter as on every other question here) moves nobody; a unit is picked by its
 * number key (or Tab to it, then Enter). The move done: "Cetak slip baru", Enter prints it.
 */
export function moveFocus(step: MoveState['step']): 'back' | 'print' | null {
  if (step === 'choosing') return 'back';
  if (step === 'moved') return 'print';
  return null;
}

/** A target of the choice: every unit of the settings with its usual number key; the patient's own one shown, not pickable. */
export interface MoveTarget {
  code: string;
  name: string;
  key: string | null;
  current: boolean;
}

/**
 * The units of the settings with the number keys they have everywhere (the tabs, the unit step),
 * so "2" is Poli Gigi here too. A unit no longer in the settings takes no one new.
 */
export function moveTargets(units: readonly KeyedUnit[], from: string, emergencyUnit?: string): MoveTarget[] {
  // The IGD is no target (an emergency goes by F9, as at registration); shown only as where the patient is.
  return units.filter((u) => u.code !== emergencyUnit || u.code === from).map((u) => ({ code: u.code, name: u.name, key: u.key, current: u.code === from }));
}

/** The target a number key picks; null for the patient's own unit or no unit. */
export function targetOfKey(targets: readonly MoveTarget[], key: string): MoveTarget | null {
  const found = /^[1-9]$/.test(key) ? targets.find((t) => t.key === key) : undefined;
  return found && !found.current ? found : null;
}
