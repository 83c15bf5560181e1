import type { KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwnMatch, OwnPatient } from '../../../../shared/lookup';
import { formatDate } from '../../format';
import { useLang } from '../../i18n';

/** dd-mm-yyyy, as the clerk writes it on the paper file. */
export const dayMonthYear = (iso: string): string => iso.split('-').reverse().join('-');

/** "Pasien lama: RM 000005, kunjungan terakhir 12-11-2026": this facility's own record, first. */
export function OwnPatientLine({ patient }: { patient: OwnPatient }) {
  const { t } = useTranslation();
  return (
    <p className="own-patient" data-testid="own-patient" data-mrn={patient.mrn}>
      <strong>
        {patient.lastVisit
          ? t('lookup.ownPatient', { mrn: patient.mrn, date: dayMonthYear(patient.lastVisit) })
          : t('lookup.ownPatientNoVisit', { mrn: patient.mrn })}
      </strong>
      <span className="own-patient__name">{patient.name}</span>
      {patient.matchedBy === 'old-mrn' && (patient.matchedOldMrn ?? patient.oldMrn) && (
        <span className="badge badge--old-mrn" data-testid="found-by-old-mrn">
          {t('lookup.foundByOldMrn', { oldMrn: patient.matchedOldMrn ?? patient.oldMrn })}
        </span>
      )}
      {patient.matchedBy === 'mrn' && (
        <span className="badge badge--mrn" data-testid="found-by-mrn">
          {t('lookup.foundByMrn', { mrn: patient.mrn })}
        </span>
      )}
      {patient.mergedMrn && (
        <span className="own-patient__merged" data-testid="own-patient-merged">
          {t('lookup.mergedInto', { merged: patient.mergedMrn, mrn: patient.mrn })}
        </span>
      )}
    </p>
  );
}

/**
 * Which number a row matched when a number may be read two ways (one patient's RM, another's
 * old RM from before Loket), else the record's old RM when it has one: the clerk compares it
 * with the card in hand. Also in emergency identification's choices (followups/IdentityStep).
 */
export function NumberMatch({ patient }: { patient: OwnMatch }) {
  const { t } = useTranslation();
  if (patient.matchedBy === 'old-mrn')
    return (
      <span className="badge badge--old-mrn" data-testid="number-match" data-matched-by="old-mrn">
        {t('lookup.oldMrnMatch', { oldMrn: patient.matchedOldMrn ?? patient.oldMrn ?? '' })}
      </span>
    );
  // A merged record's RM (an alias): the number typed, said as merged (papertester F12), never the survivor's own.
  if (patient.matchedBy === 'mrn')
    return (
      <span className="badge badge--mrn" data-testid="number-match" data-matched-by="mrn">
        {patient.mergedMrn ? t('lookup.mergedMrnMatch', { merged: patient.mergedMrn, mrn: patient.mrn }) : t('lookup.mrnMatch', { mrn: patient.mrn })}
      </span>
    );
  return patient.oldMrn ? <span data-testid="old-mrn">{` · ${t('lookup.oldMrnOf', { oldMrn: patient.oldMrn })}`}</span> : null;
}

interface ListProps {
  /** Each marked `dobDiffers` when born on another day than the one searched ("Tanggal lahir beda", as the list rows). */
  patients: OwnMatch[];
  /** The heading: returning patients with the name searched (default), or those sharing the record number typed. */
  title?: string;
  onPick: (patient: OwnMatch) => void;
  /** ArrowUp from the first button: back to the search field; ArrowDown from the last: the list matches. */
  onLeaveTop: () => void;
  onLeaveBottom: () => void;
}

/** A name that matches this facility's own records: they come first, and are picked like candidates. */
export function OwnMatches({ patients, title, onPick, onLeaveTop, onLeaveBottom }: ListProps) {
  const { t } = useTranslation();
  const lang = useLang();

  function onKeyDown(event: KeyboardEvent<HTMLUListElement>): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const buttons = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button[data-own-pick]')];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === 'ArrowUp') return at === 0 ? onLeaveTop() : buttons[at - 1]?.focus();
    if (at === buttons.length - 1) onLeaveBottom();
    else buttons[at + 1]?.focus();
  }

  return (
    <section className="own-matches" data-testid="own-matches" aria-labelledby="own-matches-title">
      <h2 id="own-matches-title" className="own-matches__title">
        {title ?? t('lookup.ownMatchesTitle')}
      </h2>
      <ul className="own-matches__list" onKeyDown={onKeyDown}>
        {patients.map((p) => (
          <li key={p.id} className={`own-matches__item${p.dobDiffers ? ' own-matches__item--dob-differs' : ''}`} data-testid="own-match" data-mrn={p.mrn}>
            <span className="own-matches__name">{p.name}</span>
            <span className="own-matches__meta">
              {t('register.mrn')} {p.mrn}
              {p.dob ? ` · ${formatDate(p.dob, lang) ?? ''}` : ''}
              {p.dobDiffers && (
                <span className="badge badge--dob-differs" data-testid="dob-differs" data-flag="dob-differs">
                  {t('flags.dob-differs')}
                </span>
              )}
              <NumberMatch patient={p} />
              {p.address ? ` · ${p.address}` : ''}
              {' · '}
              {p.lastVisit ? t('lookup.lastVisit', { date: dayMonthYear(p.lastVisit) }) : t('lookup.noVisit')}
            </span>
            <button type="button" className="button" data-own-pick aria-label={t('matches.pickName', { name: p.name })} onClick={() => onPick(p)}>
              {t('matches.pick')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
