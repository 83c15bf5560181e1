import type { PreviewStatusCheck } from '../../shared/lists';
import { isSpreadsheetError } from '../../shared/status';
import type { ListFileInfo, RawRow } from './list-reader.types';
import { RowValidator, csvFieldsOf } from './row-validator';
import { statusColumnOf } from './status-column';
import { UnknownStatusTally } from './unknown-statuses';
import { validateBatch } from './validated-batches';

/**
 * The first rows read as the import would read them, for the status values no word explains: a
 * status column of #N/A (a VLOOKUP against a missing sheet) would make every member "not active,
 * reason unknown", and the officer should see that before it replaces the current edition, not
 * in the report after. Null when the file has no status column or every value of these rows is known.
 */
export function previewStatusCheck(info: ListFileInfo, rows: readonly RawRow[], today: string): PreviewStatusCheck | null {
  const column = statusColumnOf(info);
  if (column === null) return null;
  const validator = new RowValidator(info.mapping, today, info.statusReading, csvFieldsOf(info), info.remarksStatus);
  const batch = validateBatch(rows, validator, 0);
  const tally = new UnknownStatusTally();
  tally.add(batch.unknownStatuses);
  if (tally.rows === 0) return null;
  let errors = 0;
  for (const [value, count] of batch.unknownStatuses) if (isSpreadsheetError(value)) errors += count;
  return { header: column.header, rows: batch.members.count, unknown: tally.rows, errors, values: tally.values() };
}
