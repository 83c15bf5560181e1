import type { PullResponse } from '../../shared/hub-protocol';
import type { Db } from '../store/open-database';
import { newUid, SQL_NOW } from './uuid';

/**
 * Pulled records that cannot be applied yet (a patient whose NIK a local patient not pushed yet
 * holds, a follow-up whose visit has not come) wait in `pull_deferred` (migration 014) and are
 * tried again with every pull, while the cursor moves on: one record that never applies can no
 * longer hold back everything after it. One still waiting after STUCK_AFTER_ROUNDS rounds is
 * "stuck": the counter tells the hub (`loket hub status`) and leaves a notice on its follow-ups
 * screen, because this counter then lacks part of the register. docs/hub.md, "The counter side of sync".
 */

/** Rounds (pulls that reached the hub's last revision) a record may wait before it counts as stuck. */
export const STUCK_AFTER_ROUNDS = 10;

const LISTS = ['patients', 'visits', 'followUps', 'prints', 'rechecks', 'aliases'] as const;
export type DeferrableList = (typeof LISTS)[number];

/** A record of a pull not applied this time. */
export interface Deferred {
  list: DeferrableList;
  record: PullResponse[DeferrableList][number];
}

const keyOf = (list: DeferrableList, record: Deferred['record']): string => (list === 'aliases' ? (record as { mrn: string }).mrn : (record as { uid: string }).uid);

/**
 * The response with the records earlier pulls could not apply added to its lists: each record
 * in its newest version (one pulled again now replaces the kept one), every list in revision
 * order, so they are tried again in the order the hub made them.
 */
export function withDeferred(db: Db, response: PullResponse): PullResponse {
  const rows = db.prepare('SELECT list, record FROM pull_deferred').all() as { list: DeferrableList; record: string }[];
  if (rows.length === 0) return response;
  const combined: PullResponse = { ...response };
  for (const list of LISTS) {
    const fresh = new Set(response[list].map((r) => keyOf(list, r)));
    const kept = rows.filter((r) => r.list === list).map((r) => JSON.parse(r.record) as Deferred['record']).filter((r) => !fresh.has(keyOf(list, r)));
    if (kept.length > 0) (combined as Record<DeferrableList, Deferred['record'][]>)[list] = [...kept, ...response[list]].sort((a, b) => a.rev - b.rev);
  }
  return combined;
}

export interface DeferredState {
  /** Records waiting now. */
  waiting: number;
  /** Of those, the ones waiting for STUCK_AFTER_ROUNDS rounds or more. */
  stuck: number;
}

/**
 * Keeps the records this pull deferred in place of the ones kept before (those applied now are
 * gone). `endOfRound`: the pull reached the hub's last revision, so each record waited one more
 * round (the pages of one catch-up are one round: a record waiting for a later page is not
 * stuck). When a record becomes stuck, the counter's notice says how many are.
 */
export function keepDeferred(db: Db, deferred: readonly Deferred[], endOfRound: boolean): DeferredState {
  const before = new Map(
    (db.prepare('SELECT list, key, rounds, since FROM pull_deferred').all() as { list: string; key: string; rounds: number; since: string }[]).map((r) => [`${r.list} ${r.key}`, r]),
  );
  db.prepare('DELETE FROM pull_deferred').run();
  const insert = db.prepare(
    `INSERT INTO pull_deferred (list, key, rev, record, rounds, since) VALUES (?, ?, ?, ?, ?, coalesce(?, ${SQL_NOW}))
     ON CONFLICT (list, key) DO UPDATE SET rev = excluded.rev, record = excluded.record WHERE excluded.rev > pull_deferred.rev`,
  );
  let newlyStuck = false;
  for (const { list, record } of deferred) {
    const key = keyOf(list, record);
    const earlier = before.get(`${list} ${key}`);
    const rounds = (earlier?.rounds ?? 0) + (endOfRound ? 1 : 0);
    if (rounds >= STUCK_AFTER_ROUNDS && (earlier?.rounds ?? 0) < STUCK_AFTER_ROUNDS) newlyStuck = true;
    insert.run(list, key, record.rev, JSON.stringify(record), rounds, earlier?.since ?? null);
  }
  const state = deferredState(db);
  if (newlyStuck) noteStuck(db, state.stuck);
  return state;
}

export function deferredState(db: Db): DeferredState {
  const row = db.prepare('SELECT count(*) AS waiting, coalesce(sum(rounds >= ?), 0) AS stuck FROM pull_deferred').get(STUCK_AFTER_ROUNDS) as DeferredState;
  return { waiting: row.waiting, stuck: row.stuck };
}

/**
 * The follow-ups screen's notice (kind `pull-stuck`, made here, not by the hub): one while
 * nobody has seen it, its count brought up to date; a new one once it was seen.
 */
function noteStuck(db: Db, count: number): void {
  const keys = (db.prepare('SELECT key FROM pull_deferred WHERE rounds >= ? ORDER BY rev LIMIT 10').all(STUCK_AFTER_ROUNDS) as { key: string }[]).map((r) => r.key);
  const params = JSON.stringify({ count: String(count) });
  const open = db.prepare(`SELECT uid FROM hub_notices WHERE kind = 'pull-stuck' AND seen_at IS NULL`).get() as { uid: string } | undefined;
  if (open) db.prepare(`UPDATE hub_notices SET params = ?, subjects = ?, at = ${SQL_NOW} WHERE uid = ?`).run(params, JSON.stringify(keys), open.uid);
  else db.prepare(`INSERT INTO hub_notices (uid, kind, at, subjects, params) VALUES (?, 'pull-stuck', ${SQL_NOW}, ?, ?)`).run(newUid(), JSON.stringify(keys), params);
}
