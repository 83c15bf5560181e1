import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ListFieldName } from '../../../../shared/lists';
import { Notice } from '../../components/PathPrompt';
import { columnChoices, mappingFields, statusNote, type StatusNote } from './import-flow';
import { PreviewNotices } from './PreviewNotices';
import type { ListImport } from './use-list-import';

const SAMPLE_ROWS = 5;

function statusNoteText(note: StatusNote, status: string, t: TFunction): string {
  if (note.kind === 'none') return t('listAdmin.noStatusColumn');
  if (note.kind === 'by-values') return t('listAdmin.statusByValues', { header: note.header });
  if (note.kind === 'flag') return t('listAdmin.statusFlag', { header: note.header });
  return t('listAdmin.statusSet', { header: status });
}

/** Column letter as Excel shows it, for a column without a header text. */
const letter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : letter(Math.floor(i / 26) - 1) + String.fromCharCode(65 + (i % 26)));

/** The column mapping (native selects: Tab and arrow keys), the status column note and the first rows. */
export function MappingPanel({ flow }: { flow: ListImport }) {
  const { t } = useTranslation();
  const { preview, mapping, setMapping } = flow;
  if (!preview) return null;
  const choices = columnChoices(preview.headers);
  const note = statusNote(preview, mapping);
  // A remarks column of status words the reader will read beside the status column (the import reports it too).
  const remarks = mapping.status && preview.statusColumn?.header === mapping.status ? preview.statusColumn.remarks : undefined;
  const setField = (field: ListFieldName, header: string): void => setMapping((m) => ({ ...m, [field]: header || undefined }));
  return (
    <>
      <h3 className="admin__subtitle">{preview.recognized ? t('listAdmin.mappingTitle') : t('listAdmin.handMappingTitle')}</h3>
      <p className="admin__note">
        {t('listAdmin.fileInfo', { file: preview.file, format: preview.format.toUpperCase(), row: preview.headerRow })} ·{' '}
        {preview.sheetName && <>{t('listAdmin.sheetInfo', { sheet: preview.sheetName })} · </>}
        {preview.recognized ? t('listAdmin.mappingNote') : t('listAdmin.handMappingNote')}
      </p>
      {preview.otherSheets && preview.sheetName && (
        <Notice tone="bad" testId="list-other-sheets">
          {t('listAdmin.otherSheets', { sheet: preview.sheetName, others: preview.otherSheets.join(', ') })}
        </Notice>
      )}
      {!preview.recognized && (
        <Notice tone="info" testId="list-unrecognized">
          {t(Object.keys(preview.mapping).length > 0 ? 'listAdmin.noIdentifierHeader' : 'listAdmin.unrecognized')}
        </Notice>
      )}
      <div className="mapping-grid" data-testid="list-mapping">
        {mappingFields(preview).map((field) => (
          <label key={field} className={`mapping-grid__item${mapping[field] ? ' mapping-grid__item--set' : ''}`}>
            <span className="mapping-grid__field">{t(`listAdmin.fields.${field}`)}</span>
            <select className="field__input mapping-grid__select" data-field={field} value={mapping[field] ?? ''} onChange={(e) => setField(field, e.target.value)}>
              <option value="">{t('listAdmin.notMapped')}</option>
              {choices.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <p className={`admin__note${note.kind === 'none' ? ' admin__note--warn' : ''}`} data-testid="list-status-note" data-status={note.kind}>
        {statusNoteText(note, mapping.status ?? '', t)}
      </p>
      {remarks && (
        <p className="admin__note admin__note--warn" data-testid="list-status-remarks">
          {t('listAdmin.statusRemarks', { header: mapping.status, remarks })}
        </p>
      )}
      <PreviewNotices flow={flow} />
      <h3 className="admin__subtitle">{t('listAdmin.sampleTitle')}</h3>
      <div className="admin__scroll">
        <table className="data-table data-table--compact" data-testid="list-sample">
          <thead>
            <tr>
              {preview.headers.map((h, j) => (
                <th key={j} scope="col">
                  {h.trim() || t('listAdmin.columnLetter', { letter: letter(j) })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.sample.slice(0, SAMPLE_ROWS).map((row, i) => (
              <tr key={i}>
                {preview.headers.map((_h, j) => (
                  <td key={j}>{row[j] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
