import type { HubLink } from '../../../../shared/hub-link';

/** The status bar's words for the hub: a catalog key and its count; null when there is nothing to say (not enrolled). */
type Words = Exclude<HubLink['state'], 'none'> | 'unreachableBacklog' | 'connectedClock' | 'syncFailed';
export type HubStatusKey = `hub.status.${Words}` | `hub.statusShort.${Words}`;

/** `short`: the words for a status bar already full (the long sentence then goes to the tooltip). */
export function hubStatusKey(link: HubLink | null, short = false): { key: HubStatusKey; count: number } | null {
  if (!link || link.state === 'none') return null;
  // Connected, but this computer's clock is off (visits filed under the wrong date): said on the pill itself.
  const clockOff = link.state === 'connected' && link.clockMinutes !== undefined && link.clockMinutes !== null;
  // A round that failed in this counter (not the network, papertester F15): not "out of reach", which sends nobody to look.
  const failedHere = link.state === 'unreachable' && link.code === 'sync/internal';
  const words: Words = failedHere ? 'syncFailed' : link.state === 'unreachable' && link.backlog > 0 ? 'unreachableBacklog' : clockOff ? 'connectedClock' : link.state;
  return { key: short ? `hub.statusShort.${words}` : `hub.status.${words}`, count: link.backlog };
}

/** A small shape beside the words, so the state never rests on colour alone (as the BPJS part does). */
export const HUB_MARK: Record<HubLink['state'], string> = {
  none: '',
  connecting: '…',
  connected: '●',
  unreachable: '○',
  refused: '✕',
};

/** "K2" and the first unit prefix → "K2-U-004": what a number made while the hub is out of reach looks like. */
export const offlineExample = (offlinePrefix: string, unitPrefix: string): string => `${offlinePrefix}-${unitPrefix}-004`;
