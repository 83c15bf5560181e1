import { createRequire } from 'node:module';
import type * as ExcelJSModule from 'exceljs';

export type ExcelJS = typeof ExcelJSModule;

let loaded: ExcelJS | undefined;

/**
 * ExcelJS on first use, not at start: loading it costs ~270 ms (measured: half of what the core
 * and the `loket` command spend loading their code), and only XLSX exports need it. Loaded with
 * require, as a static import would be in the CommonJS build (works the same inside the app's ASAR).
 */
export function loadExcelJS(): ExcelJS {
  loaded ??= createRequire(__filename)('exceljs') as ExcelJS;
  return loaded;
}
