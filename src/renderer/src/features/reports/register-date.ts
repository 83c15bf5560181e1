import { isoDateInZone } from '../../../../shared/dates';
import type { RegisterRow } from '../../../../shared/reports';

/**
 * The date the register shows before a visit's time: the local date the patient came (its
 * service date may be a later one: the IGD's patient of 23:58 moved to a poli after midnight is a
 * visit of the next day, but did not come at that day's 23:58). Shown over a range of days, and on
 * one day's report whenever it is not that day; null otherwise (the time alone).
 */
export function registerDateShown(r: Pick<RegisterRow, 'serviceDate' | 'registeredAt'>, from: string, to: string, timeZone: string): string | null {
  const came = isoDateInZone(new Date(r.registeredAt), timeZone);
  return from !== to || came !== r.serviceDate ? came : null;
}
