import { isoDateInZone } from '../../shared/dates';
import { LoketError } from '../errors';

/**
 * The latest as-of date an import accepts now: today in the easternmost zone of Indonesia (WIT),
 * so a list dated today anywhere there is never refused. The preview says it too, so the lists
 * screen never offers a date the import would refuse.
 */
export const latestAsOf = (now: Date): string => isoDateInZone(now, 'Asia/Jayapura');

/**
 * A list whose as-of date has not come yet is refused, the app's lists screen and `loket import`
 * alike: in force at once, next month's list (sent early by the Dinas) would answer this month,
 * its AKTIF beating this month's NON AKTIF. Import it on its date; until then the current
 * edition stays. The words also name this computer's date: a date the IT officer knows is
 * right is refused when the PC's clock is wrong (a dead CMOS battery, a reinstall).
 */
export function refuseFutureAsOf(asOf: string, now: Date): void {
  const today = latestAsOf(now);
  if (asOf > today) throw new LoketError('import/as-of-future', { asOf, today });
}
