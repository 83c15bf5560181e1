/**
 * The hub's own record of what was changed there, by whom and when (docs/hub.md, "The hub's
 * record"): facility settings, BPJS access, accounts, list editions published, counters
 * enrolled or revoked. The counters' trails name such changes `hub:<facility>`; this says who.
 */

/** GET: the newest entries first; `?limit=` (at most MAX_ADMIN_LOG_PAGE) and `?before=<id>` for older ones. */
export const HUB_ADMIN_LOG_PATH = '/v1/admin/log';
export const MAX_ADMIN_LOG_PAGE = 500;

/**
 * Who runs an admin command, sent by `loket hub …` (URI-encoded: an OS user name may not be
 * ASCII): `cli:<os user>`, as the counter's command names itself. The admin key authorizes the
 * request; this header only names the person, as the command's computer knows them.
 */
export const ADMIN_ACTOR_HEADER = 'x-loket-actor';

export type HubAdminAction = 'settings' | 'bpjs' | 'account' | 'edition' | 'counter-code' | 'counter-enrolled' | 'counter-revoked';

export interface HubAdminEntry {
  id: number;
  /** ISO instant (UTC). */
  at: string;
  /** `cli:<os user>`, `admin` (a client that did not say), `counter:<name>` (an upload, an enrolment), `upstream:<url>`. */
  actor: string;
  action: HubAdminAction | string;
  subject: string | null;
  detail: Record<string, unknown>;
}

export interface HubAdminLogPage {
  entries: HubAdminEntry[];
  /** Pass as `before` for the next, older page; null when there is none. */
  nextBefore: number | null;
}
