/** The desktop app's open and save dialogs, behind the core's FileDialogs port. */
import { dialog, type BrowserWindow, type FileFilter } from 'electron';
import type { FileDialogs, FilePurpose } from '../core/core';
import { isOpenPurpose } from '../shared/file-handle';

const FILTERS: Record<FilePurpose, FileFilter[]> = {
  'open-list': [{ name: 'Daftar peserta (CSV, Excel)', extensions: ['csv', 'txt', 'xlsx'] }],
  'open-backup': [{ name: 'Cadangan Loket (backup)', extensions: ['db'] }],
  'open-key': [{ name: 'Kunci pemulihan (recovery key)', extensions: ['txt', 'key'] }],
  'save-csv': [{ name: 'CSV', extensions: ['csv'] }],
  'save-xlsx': [{ name: 'Excel', extensions: ['xlsx'] }],
  'save-pdf': [{ name: 'PDF', extensions: ['pdf'] }],
  'save-key': [{ name: 'Kunci pemulihan (recovery key)', extensions: ['txt'] }],
  'save-backup': [{ name: 'Cadangan Loket (backup)', extensions: ['db'] }],
};

export function createFileDialogs(window: () => BrowserWindow | undefined): FileDialogs {
  return {
    async pick(purpose, suggestedName) {
      const parent = window();
      if (isOpenPurpose(purpose)) {
        const options = { properties: ['openFile' as const], filters: FILTERS[purpose] };
        const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      }
      const options = { filters: FILTERS[purpose], ...(suggestedName ? { defaultPath: suggestedName } : {}) };
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled ? null : (result.filePath ?? null);
    },
  };
}
