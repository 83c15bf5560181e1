import type { Core } from '../../core/core';
import type { Lang } from '../../shared/i18n/messages';
import type { VisitStatus } from '../../shared/counter';
import { call } from '../contract-call';
import { cliText } from '../messages';
import { maskedNikOf } from '../masked-output';
import type { Output } from '../output';
import { typedUnit } from '../typed-unit';
import { UsageError } from '../usage-error';
import { roundIfEnrolled, roundWarning } from './sync';

/** One line of `loket antrean --json`: what the queue screen shows, with global ids. */
export interface AntreanEntry {
  visitId: string;
  queueNumber: string;
  unit: string;
  status: VisitStatus;
  emergency: boolean;
  /** Another visit of the day and unit has this number too (printed before a counter enrolled), or an open one of last night does: call by name. */
  sameNumber: boolean;
  /** The facility day the number belongs to. */
  serviceDate: string;
  /** Still open from a day before the queue's (the IGD at night). */
  yesterday: boolean;
  waitingTwice: boolean;
  patient: { id: string; mrn: string; nik: string | null; name: string };
}

/**
 * `loket antrean --unit CODE`: today's queue of a unit as this counter sees it (with a facility
 * hub, every counter's patients), emergencies first, then arrival order.
 */
export async function antreanCommand(core: Core, args: { unit?: string | undefined }, out: Output, lang: Lang): Promise<number> {
  if (!args.unit) throw new UsageError('usage/antrean-needs-unit', {}, 'antrean');
  const settings = await call(core, 'getSettings', {});
  // A unit since removed from the settings still has its queue for the day (its patients may wait). Typed in any case.
  const unit = typedUnit([...settings.units, ...(settings.formerUnits ?? [])], args.unit)?.code;
  if (unit === undefined) throw new UsageError('usage/antrean-unknown-unit', { unit: args.unit, units: settings.units.map((u) => u.code).join(', ') }, 'antrean');
  // The other counters' patients, when the hub can be reached; a hub that refuses this counter is said (the queue is this counter's only).
  const round = await roundIfEnrolled(core);
  if (round.hub === 'refused') out.error(roundWarning(round, lang) ?? '');
  const queue = await call(core, 'dayQueue', { unit });
  const entries: AntreanEntry[] = queue.map((e) => ({
    visitId: e.visitUid,
    queueNumber: e.queue,
    unit: e.unit,
    status: e.status,
    emergency: e.emergency,
    sameNumber: e.sameNumber,
    serviceDate: e.serviceDate,
    yesterday: e.yesterday,
    waitingTwice: e.waitingTwice,
    // A queue is a list of people: their NIKs masked (the record number names the patient).
    patient: { id: e.patient.uid, mrn: e.patient.mrn, nik: maskedNikOf(e.patient.nik), name: e.patient.name },
  }));
  if (out.json) {
    out.data(entries);
    return 0;
  }
  if (entries.length === 0) out.line(cliText(lang, 'antrean/empty', { unit }));
  for (const e of entries) {
    const same = (e.yesterday ? cliText(lang, 'antrean/yesterday') : '') + (e.sameNumber ? cliText(lang, 'antrean/same-number') : '') + (e.waitingTwice ? cliText(lang, 'antrean/waiting-twice') : '');
    out.line(cliText(lang, 'antrean/line', { queue: e.queueNumber, status: cliText(lang, `antrean/status-${e.status}`), name: e.patient.name, mrn: e.patient.mrn, same }));
  }
  return 0;
}
