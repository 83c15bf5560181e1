import { describe, expect, it } from 'vitest';
import { SettingsDraftStore, isDirty, savedMeanwhile } from '../../../src/renderer/src/features/settings/settings-draft';
import { DEFAULT_SETTINGS } from '../../../src/shared/settings';

describe('the settings draft (kept when Settings is left unsaved)', () => {
  it('holds the changes until saved or discarded; changed back by hand is not unsaved any more', () => {
    const store = new SettingsDraftStore();
    let heard = 0;
    store.subscribe(() => heard++);
    expect(isDirty(store.get())).toBe(false);
    store.set(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, facilityName: 'PUSKESMAS WALANTAKA' });
    store.set({ ...DEFAULT_SETTINGS, facilityName: 'ignored: the first base stays' }, { ...DEFAULT_SETTINGS, facilityName: 'PUSKESMAS WALANTAKA', paper: '58mm' });
    expect(store.get()).toEqual({ base: DEFAULT_SETTINGS, form: { ...DEFAULT_SETTINGS, facilityName: 'PUSKESMAS WALANTAKA', paper: '58mm' } });
    expect(isDirty(store.get())).toBe(true);
    store.set(DEFAULT_SETTINGS, DEFAULT_SETTINGS);
    expect(isDirty(store.get())).toBe(false);
    store.clear();
    expect(store.get()).toBeNull();
    expect(heard).toBe(4);
  });

  it('says when the saved settings changed meanwhile (another window, the hub): saving the draft would put the old values back', () => {
    const store = new SettingsDraftStore();
    store.set(DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, paper: '58mm' });
    expect(savedMeanwhile(store.get(), DEFAULT_SETTINGS)).toBe(false);
    expect(savedMeanwhile(store.get(), { ...DEFAULT_SETTINGS, counterPrefix: 'B' })).toBe(true);
    expect(savedMeanwhile(null, DEFAULT_SETTINGS)).toBe(false);
  });
});
