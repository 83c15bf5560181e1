import { useEffect, useState } from 'react';
import { unitNameIn, type CounterSettingsView } from '../../../shared/settings';
import { loket } from '../api';

/** Dispatched on window by the settings screen after a save: every user of the settings reloads. */
export const SETTINGS_CHANGED = 'loket:settings-changed';

/** The counter's settings (units, prefixes, time zone; the units since removed, for their names); null until loaded. */
export function useSettings(): CounterSettingsView | null {
  const [settings, setSettings] = useState<CounterSettingsView | null>(null);
  useEffect(() => {
    let live = true;
    const load = (): void => {
      void loket.getSettings({}).then((result) => {
        if (live && result.ok) setSettings(result.value);
      });
    };
    load();
    window.addEventListener(SETTINGS_CHANGED, load);
    return () => {
      live = false;
      window.removeEventListener(SETTINGS_CHANGED, load);
    };
  }, []);
  return settings;
}

/** The unit's name as configured, else as it was before it left the settings, or its code when unknown. */
export function unitName(settings: CounterSettingsView | null, code: string): string {
  return unitNameIn(settings, code);
}
