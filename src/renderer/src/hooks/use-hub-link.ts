import { useEffect, useRef, useState } from 'react';
import type { HubLink } from '../../../shared/hub-link';
import { loket } from '../api';
import { SETTINGS_CHANGED } from './use-settings';

/**
 * The link to the facility hub as the core sees it: loaded once, then every change pushed as a
 * `hubLink` event (state, backlog, a round that brought records or settings). Null until the
 * first answer; state 'none' on a counter that is not enrolled.
 */
export function useHubLink(): HubLink | null {
  const [link, setLink] = useState<HubLink | null>(null);
  useEffect(() => {
    let live = true;
    let heard = false;
    const off = loket.on('hubLink', (next) => {
      heard = true;
      if (live) setLink(next);
    });
    void loket.hubLink({}).then((result) => {
      // An event that arrived meanwhile is newer than this answer.
      if (live && result.ok && !heard) setLink(result.value);
    });
    return () => {
      live = false;
      off();
    };
  }, []);
  return link;
}

/**
 * The facility's settings came from the hub (units, prefixes, record-number format...): every
 * screen reading the settings reloads them, as after a save on the settings screen.
 */
export function useHubSettingsReload(settingsAt: string | null): void {
  // undefined until the first value: settings already loaded at start are not reloaded.
  const seen = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    const before = seen.current;
    seen.current = settingsAt;
    if (before !== undefined && settingsAt !== null && settingsAt !== before) window.dispatchEvent(new Event(SETTINGS_CHANGED));
  }, [settingsAt]);
}
