import type { DistrictProblem } from '../../shared/district-link';

/**
 * What the link to the district hub tells the hub's log while it runs, as codes with values: the
 * hub keeps no language, and `loket hub` words them in the officer's (`--lang`, $LOKET_LANG:
 * src/cli/commands/hub-district-words.ts), as it words the hub's start problems
 * (pg/start-problem.ts). Lists are named, members never; the code and the credential never appear.
 */
export type UpstreamEvent =
  /** A first start with a code: enrolling at the district's address. */
  | { code: 'enrolling'; url: string }
  /** Enrolled (now, or at an earlier start): editions are taken now and then every `everyMinutes`. */
  | { code: 'linked'; district: string; url: string; name: string; everyMinutes: number }
  /** A district edition taken: current here (the counters fetch it), or kept because this hub holds a newer one. */
  | { code: 'edition-received'; list: string; asOf: string; members: number; current: boolean }
  /** An edition this hub refused on arrival (the checks of any upload); tried again every `everyMinutes`. */
  | { code: 'edition-refused'; list: string; asOf: string; reason: string; everyMinutes: number }
  /** The link met trouble; said once while the same trouble lasts (upstream-record.ts). */
  | { code: 'problem'; problem: DistrictProblem }
  /** The district answered again after trouble. */
  | { code: 'recovered'; district: string; url: string };

/** For a caller without the command's words (startHub's default log, tests): the code and its values, in no language. */
export function eventLine(event: UpstreamEvent): string {
  const { code, ...values } = event;
  return `district link: ${code} ${JSON.stringify(values)}`;
}
