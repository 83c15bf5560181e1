// The last live answer BPJS gave about a member, kept so later offline look-ups still see it.
import { daysBetween, isoDateInZone } from '../../shared/dates';
import type { MemberMatch } from '../../shared/lookup';
import type { Db } from '../store/open-database';
import { statement } from '../store/statements';
import type { BpjsService, LiveMember } from './types';

export const LIVE_LIST_NAME = 'BPJS (langsung)';

export interface StoredLiveAnswer {
  member: LiveMember;
  service: BpjsService;
  fetchedAt: string; // ISO UTC
}

/**
 * Stores an answer, replacing any older one about the same NIK or card. `asked` is the identifier
 * the question used: kept when the answer itself leaves it out (PCare may omit the NIK).
 */
export function storeLiveAnswer(db: Db, member: LiveMember, service: BpjsService, fetchedAt: Date, asked: { nik?: string; card?: string } = {}): void {
  const nik = member.nik ?? asked.nik ?? null;
  const card = member.card ?? asked.card ?? null;
  db.transaction(() => {
    if (nik !== null) db.prepare('DELETE FROM live_answers WHERE nik = ?').run(nik);
    if (card !== null) db.prepare('DELETE FROM live_answers WHERE card = ?').run(card);
    db.prepare('INSERT INTO live_answers (nik, card, member_json, service, fetched_at) VALUES (?, ?, ?, ?, ?)').run(
      nik,
      card,
      JSON.stringify({ ...member, nik, card }),
      service,
      fetchedAt.toISOString(),
    );
  })();
}

/** The stored answer about a NIK or a card, if any. */
export function readLiveAnswer(db: Db, by: { nik: string } | { card: string }): StoredLiveAnswer | null {
  // Asked on every NIK and card look-up: statements prepared once.
  const row = ('nik' in by
    ? statement(db, 'SELECT member_json, service, fetched_at FROM live_answers WHERE nik = ? ORDER BY fetched_at DESC, id DESC LIMIT 1').get(by.nik)
    : statement(db, 'SELECT member_json, service, fetched_at FROM live_answers WHERE card = ? ORDER BY fetched_at DESC, id DESC LIMIT 1').get(by.card)) as
    | { member_json: string; service: BpjsService; fetched_at: string }
    | undefined;
  if (!row) return null;
  return { member: JSON.parse(row.member_json) as LiveMember, service: row.service, fetchedAt: row.fetched_at };
}

/** A stored answer as a look-up match: an exact match from the list 'BPJS (langsung)', as of the day it was fetched. */
export function liveAnswerToMatch(answer: StoredLiveAnswer, view: { today: string; timeZone: string; staleAfterDays: number }): MemberMatch {
  const m = answer.member;
  const asOf = isoDateInZone(new Date(answer.fetchedAt), view.timeZone);
  return {
    nik: m.nik,
    card: m.card,
    name: m.name,
    dob: m.dob,
    sex: m.sex,
    status: m.status,
    statusReason: m.statusReason,
    segment: m.segment,
    facility: m.facility,
    class: m.class,
    address: null,
    list: { name: LIVE_LIST_NAME, kind: 'bpjs-live', asOf, edition: 0 },
    confidence: 'exact',
    stale: daysBetween(asOf, view.today) > view.staleAfterDays,
    flags: [],
    score: 1,
    live: { fetchedAt: answer.fetchedAt, service: answer.service },
  };
}

/** The live matches for a look-up: what `LookupContext.live` wants. */
export function liveMatches(db: Db, by: { nik: string } | { card: string }, view: { today: string; timeZone: string; staleAfterDays: number }): MemberMatch[] {
  const answer = readLiveAnswer(db, by);
  return answer ? [liveAnswerToMatch(answer, view)] : [];
}
