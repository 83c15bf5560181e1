import { useEffect, useState } from 'react';
import type { CounterSettings } from '../../../shared/settings';
import { loket } from '../api';

/** Dispatched on window by the settings screen after a save: every user of the settings reloads. */
export const SETTINGS_CHANGED = 'loket:settings-changed';

/** The counter's settings (units, prefixes, time zone); null until loaded. */
export function useSettings(): CounterSettings | null {
  const [settings, setSettings] = useState<CounterSettings | null>(null);
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

/** The unit's name as configured, or its code when unknown. */
export function unitName(settings: CounterSettings | null, code: string): string {
  return settings?.units.find((u) => u.code === code)?.name ?? code;
}
