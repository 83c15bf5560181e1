import { useTranslation } from 'react-i18next';
import type { LookupResult, OwnMatch } from '../../../../shared/lookup';
import { OwnMatches } from './OwnPatients';
import { numberTwoWaysOf, ownRecordsOf, sharedMrnOf, sharedOldMrnOf } from './own-records';
import type { ScreenRefs } from './use-search-flow';

interface Props extends Pick<ScreenRefs, 'inputRef' | 'tableRef'> {
  result: LookupResult | null;
  onPick: (patient: OwnMatch) => void;
  /** Shown below the list matches (none born on the date searched, a list member was): ↑ from the first goes to the last list match. */
  below?: boolean;
}

/**
 * The own records to pick from: a name's returning patients, or the patients sharing the record
 * number typed ("Satu No. RM untuk 2 pasien: pilih yang benar"); the visit goes on the one picked.
 * ↑ from the first goes back to the search field, ↓ from the last to the list matches (the other
 * way round when they are shown below the list matches).
 */
export function OwnRecordChoice({ result, onPick, inputRef, tableRef, below = false }: Props) {
  const { t } = useTranslation();
  const records = ownRecordsOf(result);
  const shared = sharedMrnOf(result);
  const twoWays = numberTwoWaysOf(result);
  const sharedOld = sharedOldMrnOf(result);
  if (records.length === 0) return null;
  return (
    <OwnMatches
      patients={records}
      title={
        twoWays !== null
          ? t('lookup.numberTwoWaysList', { number: twoWays })
          : sharedOld !== null
            ? t('lookup.sharedOldMrnList', { mrn: sharedOld })
            : shared === null
              ? undefined
              : t('lookup.sharedMrnList', { mrn: shared })
      }
      onPick={onPick}
      onLeaveTop={() => (below ? [...(tableRef.current?.querySelectorAll<HTMLButtonElement>('button[data-pick]') ?? [])].at(-1) : inputRef.current)?.focus()}
      onLeaveBottom={() => (below ? null : tableRef.current?.querySelector<HTMLButtonElement>('button[data-pick]'))?.focus()}
    />
  );
}
