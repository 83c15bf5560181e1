/**
 * Slip printing in the desktop app: the core renders the slip's HTML (the same for every
 * payer); this loads it into a hidden, hardened window and prints it silently to the configured
 * printer, or renders it to PDF. Electron-only, so it lives here, not in the core.
 */
import { BrowserWindow } from 'electron';
import type { SlipPrinter } from '../core/counter/slips';
import type { Paper } from '../shared/slip';
import { secureWindowOptions } from './window';

/** Page sizes in microns for webContents.print. */
const PRINT_PAGE: Record<Paper, { width: number; height: number } | 'A6'> = {
  '58mm': { width: 58_000, height: 120_000 },
  '80mm': { width: 80_000, height: 140_000 },
  A6: 'A6',
};
/** Page sizes in inches for printToPDF. */
const PDF_PAGE: Record<Paper, { width: number; height: number } | 'A6'> = {
  '58mm': { width: 58 / 25.4, height: 120 / 25.4 },
  '80mm': { width: 80 / 25.4, height: 140 / 25.4 },
  A6: 'A6',
};

async function withSlipWindow<T>(html: string, work: (win: BrowserWindow) => Promise<T>): Promise<T> {
  // No preload, no scripts: a slip is static HTML and SVG.
  const win = new BrowserWindow(secureWindowOptions({ show: false, webPreferences: { javascript: false } }));
  try {
    await win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return await work(win);
  } finally {
    win.destroy();
  }
}

export function createSlipPrinter(): SlipPrinter {
  return {
    print: (html, { paper, deviceName }) =>
      withSlipWindow(
        html,
        (win) =>
          new Promise<void>((resolve, reject) => {
            win.webContents.print(
              { silent: true, printBackground: true, pageSize: PRINT_PAGE[paper], margins: { marginType: 'none' }, ...(deviceName ? { deviceName } : {}) },
              (success, failureReason) => (success ? resolve() : reject(new Error(`printing failed: ${failureReason}`))),
            );
          }),
      ),
    toPdf: (html, { paper }) =>
      withSlipWindow(html, (win) => win.webContents.printToPDF({ pageSize: PDF_PAGE[paper], printBackground: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } })),
  };
}
