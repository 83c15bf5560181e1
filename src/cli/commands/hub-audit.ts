import type { PinnedTransport } from '../../core/sync/pinned-transport';
import { HUB_ADMIN_LOG_PATH, MAX_ADMIN_LOG_PAGE, type HubAdminAction, type HubAdminEntry, type HubAdminLogPage } from '../../shared/hub-admin-log';
import { actorText } from '../../shared/audit-detail';
import { auditWording } from '../../shared/audit-wording';
import type { Lang } from '../../shared/i18n/messages';
import type { Output } from '../output';
import { localStamp } from '../local-stamp';
import { hubText, type HubCliKey } from './hub-messages';

const ACTIONS = new Set<string>(['settings', 'bpjs', 'account', 'edition', 'counter-code', 'counter-enrolled', 'counter-revoked'] satisfies HubAdminAction[]);

/**
 * `loket hub audit`: the hub's record of its changes, oldest first: when, who (`cli:<os user>`,
 * a counter), what, and what changed (field names, roles, a list's as-of; never a secret).
 * Who is worded as the counter's audit screen and exports word it (actorText: "(baris perintah,
 * pengguna budi)"), in the command's language; `--json` keeps the stored actor. Admin changes are
 * few, so every page is read.
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
  const wording = auditWording(lang);
  for (const e of entries) {
    // An action a newer hub records and this version does not know: shown as stored.
    const action = ACTIONS.has(e.action) ? hubText(lang, `hub/audit-${e.action}` as HubCliKey) : e.action;
    out.line(hubText(lang, 'hub/audit-line', { at: localStamp(e.at), actor: actorText(e.actor, wording), action, subject: e.subject === null ? '' : ` "${e.subject}"`, detail: detailWords(e.action, e.detail, lang) }));
  }
  return 0;
}

const text = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : v === undefined || v === null ? '' : String(v));

/** What changed, in words: field names, roles and codes as stored; a detail of an action this version does not know as `name: value`. */
function detailWords(action: string, d: Record<string, unknown>, lang: Lang): string {
  const say = (key: HubCliKey, params: Record<string, unknown> = {}): string => hubText(lang, key, Object.fromEntries(Object.entries(params).map(([k, v]) => [k, text(v)])));
  switch (action) {
    case 'settings':
      return [say('hub/audit-d-changed', { fields: d.changed }), d.first === true ? say('hub/audit-d-first') : '', say('hub/audit-d-rev', { rev: d.rev })].filter(Boolean).join(' · ');
    case 'bpjs':
      return [say('hub/audit-d-service', { use: d.use }), say('hub/audit-d-rev', { rev: d.rev })].join(' · ');
    case 'account':
      return [
        say(d.change === 'added' ? 'hub/audit-d-added' : 'hub/audit-d-changed-account'),
        d.previousRole !== undefined ? say('hub/audit-d-role-change', { previous: d.previousRole, role: d.role }) : say('hub/audit-d-role', { role: d.role }),
        d.passwordSet === true ? say('hub/audit-d-password') : '',
        d.pinSet === true ? say('hub/audit-d-pin') : '',
        d.disabled === true ? say('hub/audit-d-disabled') : d.disabled === false && d.change === 'changed' ? say('hub/audit-d-enabled') : '',
        d.nameChanged === true ? say('hub/audit-d-name') : '',
        say('hub/audit-d-rev', { rev: d.rev }),
      ].filter(Boolean).join(' · ');
    case 'edition':
      return say(d.current === false ? 'hub/audit-d-edition-kept' : 'hub/audit-d-edition', { kind: d.kind, asOf: d.asOf, members: d.members });
    case 'counter-code':
      return say('hub/audit-d-code', { prefix: d.prefix, expiresAt: typeof d.expiresAt === 'string' ? localStamp(d.expiresAt) : d.expiresAt });
    case 'counter-enrolled':
      return say('hub/audit-d-prefix', { prefix: d.prefix });
    case 'counter-revoked':
      return '';
    default:
      return Object.entries(d).map(([k, v]) => `${k}: ${text(v)}`).join(' · ');
  }
}
