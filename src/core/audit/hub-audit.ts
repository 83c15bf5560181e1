import { HUB_ACTOR_PREFIX, type AuditAction, type AuditDetail } from '../../shared/audit';
import { readHubEnrollment } from '../sync/hub-credential.repo';
import type { Db } from '../store/open-database';
import { appendAudit } from './audit-log.repo';

/**
 * Who the trail names for a change that came from the hub: `hub:<facility>`, the facility the
 * counter enrolled at. The change was made by the hub's administrator, who is on the hub's own
 * record (`loket hub audit`), not known here.
 */
export function hubActor(db: Db): string {
  return `${HUB_ACTOR_PREFIX}${readHubEnrollment(db)?.facility ?? '?'}`;
}

/**
 * Appends an entry for what a sync brought (settings, accounts, a list edition), synced to disk
 * like a clerk's change. Called inside the transaction that applies the change where there is
 * one, so the change and its entry are committed together.
 */
export function recordFromHub(db: Db, now: Date, action: AuditAction, subject: string | null, detail: AuditDetail): void {
  appendAudit(db, { at: now.toISOString(), actor: hubActor(db), action, subject, detail: { ...detail, source: 'hub' } });
}

/**
 * The detail of an enrolment's entry (the app's `enrollHub`, `loket enroll`): where this counter
 * now takes its settings, accounts and lists from, under which name. Never the secret.
 */
export function enrolmentDetail(method: string, enrolled: unknown): AuditDetail {
  const field = (key: string): string | null => {
    const value = enrolled !== null && typeof enrolled === 'object' ? (enrolled as Record<string, unknown>)[key] : undefined;
    return typeof value === 'string' ? value : null;
  };
  return { section: 'hub', method, facility: field('facility'), counter: field('name'), prefix: field('offlinePrefix'), hubUrl: field('hubUrl') };
}
