import { equalServiceTable, recapTable, type ExportContext } from '../../core/reports/report-tables';
import type { FacilityDays } from '../../hub/register/reports';
import type { Lang } from '../../shared/i18n/messages';
import { textTable } from '../text-table';
import { hubText } from './hub-messages';

/**
 * `loket hub report` in words: the totals, then the breakdown `--json` holds (`recap` by unit,
 * payer, date and hour; `equalService` by unit and payer) as tables with the words and payer
 * names of the counters' exports and the printable page (report-tables.ts), never a second set.
 * Units by code: counters send codes, and their names are the hub's settings, which the page reads.
 */
export function reportLines(lang: Lang, from: string, to: string, days: FacilityDays): string[] {
  const { total, newVisits, returningVisits, emergencies, cancelled } = days.recap;
  // The tables' times are not printed here (the register's are the page's): the zone is not used.
  const ctx: ExportContext = { lang, timeZone: 'UTC', units: [] };
  const equal = equalServiceTable(days.equalService, ctx);
  return [
    hubText(lang, 'hub/report-head', { from, to, total, newVisits, returningVisits, emergencies, cancelled }),
    '',
    hubText(lang, 'hub/report-recap'),
    ...textTable(recapTable(days.recap, ctx)),
    '',
    hubText(lang, 'hub/report-equal'),
    ...(equal.rows.length > 0 ? textTable(equal) : [hubText(lang, 'hub/report-equal-none')]),
  ];
}
