import type { HubLink } from '../../../../shared/hub-link';

/** The status bar's words for the hub: a catalog key and its count; null when there is nothing to say (not enrolled). */
export type HubStatusKey = `hub.status.${Exclude<HubLink['state'], 'none'>}` | 'hub.status.unreachableBacklog';

export function hubStatusKey(link: HubLink | null): { key: HubStatusKey; count: number } | null {
  if (!link || link.state === 'none') return null;
  if (link.state === 'unreachable' && link.backlog > 0) return { key: 'hub.status.unreachableBacklog', count: link.backlog };
  return { key: `hub.status.${link.state}`, count: link.backlog };
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
