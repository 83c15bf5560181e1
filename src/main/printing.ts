/**
 * Slip printing in the desktop app: the core renders the slip's HTML (the same for every
 * payer); this loads it into a hidden, hardened window and prints it silently to the configured
 * printer, or renders it to PDF. Electron-only, so it lives here, not in the core.
 */
import { BrowserWindow } from 'electron';
import type { SlipPrinter } from '../core/slips/slips';
import type { Paper } from '../shared/slip';
import { secureWindowOptions } from './window';

/** Roll widths and the length used when none is given, in mm. */
const ROLL: Record<Exclude<Paper, 'A6'>, { width: number; fallbackLength: number }> = {
  '58mm': { width: 58, fallbackLength: 120 },
  '80mm': { width: 80, fallbackLength: 140 },
};

/** A roll page is as long as the slip (the core measures it), so the printer cuts where the content ends. */
function pageMm(paper: Paper, lengthMm: number | null): { width: number; height: number } | 'A6' {
  if (paper === 'A6') return 'A6';
  return { width: ROLL[paper].width, height: lengthMm ?? ROLL[paper].fallbackLength };
}
/** webContents.print takes microns. */
function printPage(paper: Paper, lengthMm: number | null): { width: number; height: number } | 'A6' {
  const page = pageMm(paper, lengthMm);
  return page === 'A6' ? page : { width: page.width * 1000, height: page.height * 1000 };
}
/** printToPDF takes inches. */
function pdfPage(paper: Paper, lengthMm: number | null): { width: number; height: number } | 'A6' {
  const page = pageMm(paper, lengthMm);
  return page === 'A6' ? page : { width: page.width / 25.4, height: page.height / 25.4 };
}

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
    print: (html, { paper, deviceName, lengthMm }) =>
      withSlipWindow(
        html,
        (win) =>
          new Promise<void>((resolve, reject) => {
            win.webContents.print(
              { silent: true, printBackground: true, pageSize: printPage(paper, lengthMm), margins: { marginType: 'none' }, ...(deviceName ? { deviceName } : {}) },
              (success, failureReason) => (success ? resolve() : reject(new Error(`printing failed: ${failureReason}`))),
            );
          }),
      ),
    toPdf: (html, { paper, lengthMm }) =>
      withSlipWindow(html, (win) => win.webContents.printToPDF({ pageSize: pdfPage(paper, lengthMm), printBackground: true, margins: { top: 0, bottom: 0, left: 0, right: 0 } })),
  };
}
