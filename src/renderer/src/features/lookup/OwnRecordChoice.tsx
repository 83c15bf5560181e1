import { useTranslation } from 'react-i18next';
import type { LookupResult, OwnPatient } from '../../../../shared/lookup';
import { OwnMatches } from './OwnPatients';
import { ownRecordsOf, sharedMrnOf } from './own-records';
import type { ScreenRefs } from './use-search-flow';

interface Props extends Pick<ScreenRefs, 'inputRef' | 'tableRef'> {
  result: LookupResult | null;
  onPick: (patient: OwnPatient) => void;
}

/**
 * The own records to pick from: a name's returning patients, or the patients sharing the record
 * number typed ("Satu No. RM untuk 2 pasien: pilih yang benar"); the visit goes on the one picked.
 * ↑ from the first goes back to the search field, ↓ from the last to the list matches.
 */
export function OwnRecordChoice({ result, onPick, inputRef, tableRef }: Props) {
  const { t } = useTranslation();
  const records = ownRecordsOf(result);
  const shared = sharedMrnOf(result);
  if (records.length === 0) return null;
  return (
    <OwnMatches
      patients={records}
      title={shared === null ? undefined : t('lookup.sharedMrnList', { mrn: shared })}
      onPick={onPick}
      onLeaveTop={() => inputRef.current?.focus()}
      onLeaveBottom={() => tableRef.current?.querySelector<HTMLButtonElement>('button[data-pick]')?.focus()}
    />
  );
}
