import { useEffect, useState } from 'react';
import type { HubLink } from '../../../shared/hub-link';
import { loket } from '../api';

/**
 * The link to the facility hub as the core sees it: loaded once, then every change pushed as a
 * `hubLink` event (state, backlog, a round that got through with a new lastSync). Null until the
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
