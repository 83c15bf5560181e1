import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatDate } from '../../format';
import { useLang } from '../../i18n';
import type { AttachPerson, AttachQuestion } from './attach-question';

interface Props {
  question: AttachQuestion;
  onConfirm: () => void;
  onCancel: () => void;
}

function Person({ title, person, testId }: { title: string; person: AttachPerson & { queue?: string }; testId: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  // [label, value, an identifier read to its last digit (never broken over two lines)]
  const rows: [string, string, boolean][] = [
    [t('followUps.person.name'), person.name, false],
    ...(person.queue ? [[t('followUps.person.queue'), person.queue, true] as [string, string, boolean]] : []),
    [t('followUps.person.mrn'), person.mrn, true],
    [t('followUps.person.nik'), person.nikMasked ?? t('followUps.person.none'), true],
    [t('followUps.person.dob'), formatDate(person.dob, lang) ?? t('followUps.person.none'), false],
    ...(person.list ? [[t('followUps.person.list'), person.list, false] as [string, string, boolean]] : []),
  ];
  return (
    <section className="attach-confirm__person" data-testid={testId}>
      <h3 className="attach-confirm__title">{title}</h3>
      <dl className="attach-confirm__facts">
        {rows.map(([label, value, ident]) => (
          <div key={label} className="attach-confirm__fact">
            <dt>{label}</dt>
            <dd data-ident={ident || undefined}>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/**
 * "Pakai": is this the emergency patient? Both named side by side (name, record number, masked
 * NIK, birth date); the focus on "Kembali", so a reflex Enter joins nobody. Joining cannot be undone.
 */
export function AttachConfirm({ question: q, onConfirm, onCancel }: Props) {
  const { t } = useTranslation();
  return (
    <ConfirmDialog
      title={t('followUps.attachTitle')}
      message={q.joins ? t('followUps.attachJoins', { queue: q.emergency.queue, mrn: q.chosen.mrn }) : t('followUps.attachFills', { queue: q.emergency.queue, mrn: q.chosen.mrn })}
      confirmLabel={t('followUps.attachYes')}
      cancelLabel={t('followUps.attachNo')}
      keysHint={t('followUps.attachKeys')}
      initialFocus="cancel"
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <div className="attach-confirm">
        <Person
          title={t('followUps.attachEmergency')}
          person={{ name: q.emergency.name, queue: q.emergency.queue, mrn: q.emergency.mrn, nikMasked: null, dob: null, list: null }}
          testId="attach-emergency"
        />
        <Person title={t('followUps.attachChosen')} person={q.chosen} testId="attach-chosen" />
      </div>
    </ConfirmDialog>
  );
}
