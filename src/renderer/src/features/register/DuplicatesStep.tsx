import { useTranslation } from 'react-i18next';
import type { Identity, Patient } from '../../../../shared/counter';
import { maskNik } from '../../../../shared/masking';
import { sameOldMrn, storedOldMrn } from '../../../../shared/old-mrn';
import { formatDate } from '../../format';
import { useLang } from '../../i18n';

interface Props {
  candidates: Patient[];
  /** The person about to be recorded: a NIK or card of theirs is put on the record used when it has none. */
  identity: Identity;
  busy: boolean;
  onUse: (patient: Patient) => void;
  onCreateAnyway: () => void;
  onCancel: () => void;
}

/** Records that are probably this patient: use one, or make a new record anyway. */
export function DuplicatesStep({ candidates, identity, busy, onUse, onCreateAnyway, onCancel }: Props) {
  const { t } = useTranslation();
  const lang = useLang();
  // The core lists the holders of the old RM typed first; each is marked with why it is listed.
  const holders = candidates.filter((p) => sameOldMrn(p.oldMrn, identity.oldMrn));
  return (
    <div className="register__dups" data-testid="duplicates">
      <h2 className="register__title">{t('register.duplicatesTitle')}</h2>
      <p className="register__detail">{t('register.duplicatesDetail')}</p>
      {identity.nik && <p className="register__detail">{t('register.duplicatesKeepsNik', { nik: maskNik(identity.nik) })}</p>}
      {!identity.nik && identity.card && <p className="register__detail">{t('register.duplicatesKeepsCard', { card: identity.card })}</p>}
      {/* The old card's number is on another record (papertester F2): named before any record is made. */}
      {holders.length > 0 && (
        <p className="register__detail" data-testid="old-mrn-held">
          {t('register.oldMrnHeld', { oldMrn: storedOldMrn(identity.oldMrn) ?? '', holders: holders.map((p) => t('register.mrnHolder', { name: p.name, mrn: p.mrn })).join(', ') })}
        </p>
      )}
      <ul className="dup-list">
        {candidates.map((p) => (
          <li key={p.id} className="dup-list__item">
            <span className="dup-list__name">{p.name}</span>
            <span className="dup-list__meta">
              {t('register.mrn')} {p.mrn}
              {p.nik ? ` · NIK ${maskNik(p.nik)}` : ''}
              {p.nik && identity.nik && p.nik !== identity.nik ? ` (${t('register.duplicateOtherNik')})` : ''}
              {p.dob ? ` · ${formatDate(p.dob, lang) ?? ''}` : ''}
              {p.address ? ` · ${p.address}` : ''}
              {p.oldMrn && !holders.includes(p) ? ` · ${t('lookup.oldMrnOf', { oldMrn: p.oldMrn })}` : ''}{' '}
              {holders.includes(p) && (
                <span className="badge badge--old-mrn" data-testid="dup-why" data-why="old-mrn">
                  {t('register.oldMrnSame', { oldMrn: p.oldMrn ?? '' })}
                </span>
              )}
            </span>
            <button type="button" className="button" data-use aria-label={t('register.useThisName', { name: p.name })} onClick={() => onUse(p)}>
              {t('register.useThis')}
            </button>
          </li>
        ))}
      </ul>
      <div className="register__actions">
        <button type="button" className="button" onClick={onCreateAnyway} disabled={busy}>
          {t('register.createAnyway')}
        </button>
        <button type="button" className="button button--quiet" data-cancel onClick={onCancel}>
          {t('register.cancel')} <kbd>Esc</kbd>
        </button>
      </div>
    </div>
  );
}
