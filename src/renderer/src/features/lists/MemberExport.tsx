import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { loket } from '../../api';
import { Notice, PathPrompt } from '../../components/PathPrompt';
import { todayIso } from '../../format';
import { useTableExport, type ExportFormat, type ExportRequest } from '../../hooks/use-table-export';
import { useLang } from '../../i18n';

/** A file-name-safe form of a list's name for the suggested file name. */
const fileSafe = (name: string): string => name.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase() || 'daftar';

/**
 * The administrator's export of a list's members (the core refuses anyone else). Masked
 * identifiers unless the box for whole numbers is ticked, a choice made anew each time the panel opens.
 */
export function MemberExport({ list, onClose }: { list: string; onClose: () => void }) {
  const { t } = useTranslation();
  const lang = useLang();
  const [full, setFull] = useState(false);

  const write = useCallback(
    (request: ExportRequest<'members'>, file: string) => loket.exportMembers({ list, format: request.format, file, lang, full }),
    [list, lang, full],
  );
  const done = useCallback((rows: number, file: string) => t(full ? 'listAdmin.exportedMembersFull' : 'listAdmin.exportedMembers', { rows, file }), [t, full]);
  const { asking, status, run, cancel } = useTableExport(write, { done, failed: t('listAdmin.exportMembersFailed') });
  const doExport = (format: ExportFormat): void => void run({ key: 'members', format, suggested: `peserta-${fileSafe(list)}-${todayIso()}.${format}` });

  return (
    <section className="admin__section" data-testid="member-export" data-list={list}>
      <div className="admin__head">
        <h3 className="admin__title">{t('listAdmin.exportMembersTitle', { list })}</h3>
        <button type="button" className="button button--small button--quiet" onClick={onClose}>
          {t('listAdmin.exportMembersClose')}
        </button>
      </div>
      <p className="admin__note">{t('listAdmin.exportMembersNote')}</p>
      <label className="admin__row">
        <input type="checkbox" data-testid="member-export-full" checked={full} onChange={(e) => setFull(e.currentTarget.checked)} />
        <span>{t('listAdmin.exportMembersFull')}</span>
      </label>
      <span className="admin__row">
        <button type="button" className="button button--small" data-export="members-csv" onClick={() => doExport('csv')}>
          {t('listAdmin.exportMembersCsv')}
        </button>
        <button type="button" className="button button--small" data-export="members-xlsx" onClick={() => doExport('xlsx')}>
          {t('listAdmin.exportMembersXlsx')}
        </button>
      </span>
      {asking && (
        <PathPrompt
          key={asking.format}
          label={t('listAdmin.exportMembersPath')}
          submitLabel={t('listAdmin.exportMembersSave')}
          initial={asking.suggested}
          testId="member-export-path"
          onSubmit={(p) => void run(asking, p)}
          onCancel={cancel}
        />
      )}
      {status && (
        <Notice tone={status.tone} testId="member-export-status">
          {status.text}
        </Notice>
      )}
    </section>
  );
}
