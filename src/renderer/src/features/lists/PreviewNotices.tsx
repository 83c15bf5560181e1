import { useTranslation } from 'react-i18next';
import { statusCheckNote, unplacedTarget, unplacedToShow } from './import-flow';
import type { ListImport } from './use-list-import';

/**
 * What the import's report would say only afterwards, said in the preview: a column of NIK- or
 * card-like numbers under a header Loket does not know (with the mapping in one click, the
 * screen's `--map`), and status values of the first rows no word explains (#N/A of a failed
 * VLOOKUP), before they replace the current edition.
 */
export function PreviewNotices({ flow }: { flow: ListImport }) {
  const { t } = useTranslation();
  const { preview, mapping, setMapping } = flow;
  if (!preview) return null;
  const unplaced = unplacedToShow(preview, mapping);
  const status = statusCheckNote(preview, mapping);
  return (
    <>
      {unplaced.map((u) => {
        const target = unplacedTarget(u, preview, mapping);
        const field = t(`listAdmin.fields.${u.looksLike}`);
        return (
          <div key={u.header} className="notice notice--warn list-preview__notice" role="status" data-testid="list-unplaced" data-header={u.header}>
            <span>{t(target ? 'listAdmin.unplacedMap' : 'listAdmin.unplacedChoose', { header: u.header, field })}</span>
            {target && (
              <button type="button" className="button" onClick={() => setMapping((m) => ({ ...m, [target]: u.header }))}>
                {t('listAdmin.unplacedUse', { field })}
              </button>
            )}
          </div>
        );
      })}
      {status && (
        <p className="notice notice--warn" role="status" data-testid="list-status-unknown" data-errors={status.errorShare}>
          {t(status.errorShare === 'most' ? 'listAdmin.statusErrors' : 'listAdmin.statusUnknown', { header: status.header, rows: status.rows, unknown: status.unknown, values: status.values })}
        </p>
      )}
    </>
  );
}
