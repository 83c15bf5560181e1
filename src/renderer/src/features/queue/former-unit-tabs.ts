import { useEffect, useState } from 'react';
import type { CounterSettingsView } from '../../../../shared/settings';
import { loket } from '../../api';
import { unitName } from '../../hooks/use-settings';

/** A queue tab for a unit the settings no longer have. */
export interface FormerUnitTab {
  code: string;
  name: string;
}

/**
 * Tabs for the units of today's queue that are no longer in the settings (removed or re-coded at
 * the facility hub, or before Loket refused that while patients wait): their visits keep the old
 * code, and without a tab nobody could call, serve or cancel them. They come after the units of
 * the settings, so the number keys of those never move. Asked again when a registration, a hub
 * round or the settings change; a unit leaves the settings only then.
 */
export function useFormerUnitTabs(settings: CounterSettingsView | null, changes: number, hubSynced: string | null): FormerUnitTab[] {
  const [tabs, setTabs] = useState<FormerUnitTab[]>([]);
  useEffect(() => {
    if (!settings) return;
    let live = true;
    void loket.dayQueue({}).then((result) => {
      if (!live || !result.ok) return;
      const known = new Set(settings.units.map((u) => u.code));
      const codes = [...new Set(result.value.map((e) => e.unit).filter((code) => !known.has(code)))];
      setTabs((before) => {
        const next = codes.map((code) => ({ code, name: unitName(settings, code) }));
        return JSON.stringify(next) === JSON.stringify(before) ? before : next;
      });
    });
    return () => {
      live = false;
    };
  }, [settings, changes, hubSynced]);
  return tabs;
}
