import { durationWords } from '../../shared/hub-clock';
import type { DistrictProblem, HubDistrictLink } from '../../shared/district-link';
import type { Lang } from '../../shared/i18n/messages';
import type { UpstreamEvent } from '../../hub/editions/upstream-events';
import { localStamp } from '../local-stamp';
import { DISTRICT_ID } from './hub-district-messages';
import { hubText, type HubCliKey } from './hub-messages';

/**
 * The district link in the officer's words: the hub reports codes with values (its log's events,
 * the status's `district`), and this says them in --lang with hub-district-messages.ts. `file`
 * is the hub's upstream.json, named where the fix is to delete it.
 */

/** A refusal's code as the district link means it; a code this version does not know is shown as it is. */
function reasonWords(lang: Lang, code: string): string {
  const key = `district/reason/${code}`;
  return key in DISTRICT_ID ? hubText(lang, key as HubCliKey) : hubText(lang, 'district/reason/other', { code });
}

/** What happened, alone (a trouble that is over). */
function problemWhat(lang: Lang, problem: DistrictProblem): string {
  const url = problem.url || hubText(lang, 'district/unknown-url');
  return hubText(lang, `district/problem-${problem.code}`, { url, detail: problem.detail, reason: reasonWords(lang, problem.detail) });
}

/** What happened, what to check or do, and whether and when it is tried again. */
export function districtProblemText(lang: Lang, problem: DistrictProblem, file: string): string {
  const retry = problem.retryMinutes === null ? hubText(lang, 'district/no-retry') : hubText(lang, 'district/retry', { every: durationWords(lang, problem.retryMinutes) });
  return `${problemWhat(lang, problem)} ${hubText(lang, `district/todo-${problem.code}`, { file })} ${retry}`;
}

/** One line of the running hub's log about its district link. */
export function districtEventLine(lang: Lang, event: UpstreamEvent, file: string): string {
  switch (event.code) {
    case 'enrolling':
      return hubText(lang, 'district/enrolling', { url: event.url, file });
    case 'linked':
      return hubText(lang, 'district/linked', { district: event.district, url: event.url, name: event.name, every: durationWords(lang, event.everyMinutes) });
    case 'edition-received':
      return hubText(lang, event.current ? 'district/edition-received' : 'district/edition-kept', { list: event.list, asOf: event.asOf, members: event.members });
    case 'edition-refused':
      return hubText(lang, 'district/edition-refused', { list: event.list, asOf: event.asOf, reason: event.reason, every: durationWords(lang, event.everyMinutes) });
    case 'recovered':
      return hubText(lang, 'district/recovered', { district: event.district, url: event.url });
    case 'problem':
      // Said once while it lasts (src/hub/editions/upstream-record.ts): the line says so, and where to look meanwhile.
      return `${districtProblemText(lang, event.problem, file)}${event.problem.retryMinutes === null ? '' : ` ${hubText(lang, 'district/said-once')}`}`;
  }
}

/**
 * The status's lines about the district link, times on the facility's clock (`zone`, as the
 * counters' lines). `undefined` (a district hub, an older hub): nothing; null: one short line.
 */
export function districtStatusLines(lang: Lang, link: HubDistrictLink | null | undefined, zone: string | undefined, file: string): string[] {
  if (link === undefined) return [];
  if (link === null) return [hubText(lang, 'district/status-none')];
  const url = link.url ?? hubText(lang, 'district/unknown-url');
  const lines: string[] = [];
  if (link.state === 'linked') lines.push(hubText(lang, 'district/status-linked', { district: link.district ?? '', url, name: link.name ?? '' }));
  else lines.push(hubText(lang, link.state === 'enrolling' ? 'district/status-enrolling' : 'district/status-failed', { url }));
  const edition = link.lastEdition
    ? hubText(lang, 'district/status-edition', { list: link.lastEdition.list, asOf: link.lastEdition.asOf, members: link.lastEdition.members, receivedAt: localStamp(link.lastEdition.receivedAt, zone) })
    : hubText(lang, 'district/status-no-edition');
  const lastContact = link.lastContact ? localStamp(link.lastContact, zone) : hubText(lang, 'district/status-never');
  lines.push(hubText(lang, 'district/status-contact', { lastContact, edition }));
  const error = link.lastError;
  if (error) {
    // Current when no answer came after it; once the district answered again it is history, said briefly.
    const current = !link.lastContact || Date.parse(error.at) > Date.parse(link.lastContact);
    lines.push(
      current
        ? hubText(lang, 'district/status-check', { since: localStamp(error.since, zone), at: localStamp(error.at, zone), problem: districtProblemText(lang, error, file) })
        : hubText(lang, 'district/status-past', { at: localStamp(error.at, zone), problem: problemWhat(lang, error) }),
    );
  }
  return lines;
}
