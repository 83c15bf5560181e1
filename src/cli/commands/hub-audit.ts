import type { PinnedTransport } from '../../core/sync/pinned-transport';
import { HUB_ADMIN_LOG_PATH, MAX_ADMIN_LOG_PAGE, type HubAdminAction, type HubAdminEntry, type HubAdminLogPage } from '../../shared/hub-admin-log';
import type { Lang } from '../../shared/i18n/messages';
import type { Output } from '../output';
import { hubText, type HubCliKey } from './hub-messages';

const ACTIONS = new Set<string>(['settings', 'bpjs', 'account', 'edition', 'counter-code', 'counter-enrolled', 'counter-revoked'] satisfies HubAdminAction[]);

/**
 * `loket hub audit`: the hub's record of its changes, oldest first: when, who (`cli:<os user>`,
 * a counter), what, and what changed (field names, roles, a list's as-of; never a secret).
 * Admin changes are few, so every page is read.
 */
export async function hubAuditCommand(hub: PinnedTransport, out: Output, lang: Lang): Promise<number> {
  const entries: HubAdminEntry[] = [];
  let before: number | null = null;
  do {
    const page: HubAdminLogPage = await hub.getJson<HubAdminLogPage>(`${HUB_ADMIN_LOG_PATH}?limit=${MAX_ADMIN_LOG_PAGE}${before === null ? '' : `&before=${before}`}`);
    entries.push(...page.entries);
    before = page.nextBefore;
  } while (before !== null);
  entries.reverse();
  if (out.json) {
    out.data({ entries });
    return 0;
  }
  if (entries.length === 0) out.line(hubText(lang, 'hub/audit-none'));
  for (const e of entries) {
    // An action a newer hub records and this version does not know: shown as stored.
    const action = ACTIONS.has(e.action) ? hubText(lang, `hub/audit-${e.action}` as HubCliKey) : e.action;
    out.line(hubText(lang, 'hub/audit-line', { at: e.at, actor: e.actor, action, subject: e.subject === null ? '' : ` "${e.subject}"`, detail: detailWords(e.detail) }));
  }
  return 0;
}

/** The detail as `name: value` pairs: field names and codes, as stored (the JSON has them as they are). */
function detailWords(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .map(([k, v]) => `${k}: ${Array.isArray(v) ? v.join(', ') : String(v)}`)
    .join(' · ');
}
