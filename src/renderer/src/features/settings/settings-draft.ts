import type { CounterSettings } from '../../../../shared/settings';

/** The counter settings being edited: what was saved when the editing began, and the form now. */
export interface SettingsDraft {
  base: CounterSettings;
  form: CounterSettings;
}

/** Whether a draft holds changes not saved yet. */
export const isDirty = (draft: SettingsDraft | null): boolean => draft !== null && JSON.stringify(draft.base) !== JSON.stringify(draft.form);

/**
 * Whether the saved settings changed since the draft began (saved from another window, or sent
 * by the facility hub): saving the draft would put back what it had then, so the screen says so.
 */
export const savedMeanwhile = (draft: SettingsDraft | null, saved: CounterSettings | null): boolean =>
  draft !== null && saved !== null && JSON.stringify(draft.base) !== JSON.stringify(saved);

/**
 * The settings form's draft, outside the screen: leaving Settings (F1, Alt+2, a scan, another
 * settings tab) unmounts the form, and the changes typed in it must not go with it without a word.
 * They stay here until saved or thrown away; the app makes a new store for another clerk.
 */
export class SettingsDraftStore {
  private draft: SettingsDraft | null = null;
  private readonly listeners = new Set<() => void>();

  get(): SettingsDraft | null {
    return this.draft;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The form now; `base` is kept from the first change (what the editing started from). */
  set(base: CounterSettings, form: CounterSettings): void {
    this.draft = { base: this.draft?.base ?? base, form };
    this.emit();
  }

  /** Saved, or thrown away: the next visit starts from the saved settings. */
  clear(): void {
    if (this.draft === null) return;
    this.draft = null;
    this.emit();
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}
