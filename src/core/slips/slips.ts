import type { Lang } from '../../shared/i18n/messages';
import { maskCard, maskNik } from '../../shared/masking';
import { queueLabel, unitNameIn, type CounterSettings } from '../../shared/settings';
import { renderSlipHtml, slipLengthMm, type Paper, type SlipData } from '../../shared/slip';
import { LoketError } from '../errors';
import { loadBwip } from './load-bwip';
import { formerUnits } from '../settings/unit-names';
import type { Db } from '../store/open-database';

/** What prints a slip: Electron's webContents in the app; absent in the CLI and the harness. */
export interface SlipPrinter {
  /** `lengthMm`: the page length on roll paper (the slip's own length); null for a fixed sheet (A6). */
  print(html: string, options: { paper: Paper; deviceName: string; lengthMm: number | null }): Promise<void>;
  toPdf(html: string, options: { paper: Paper; lengthMm: number | null }): Promise<Buffer>;
}

interface SlipRow {
  prefix: string;
  no: number;
  unit: string;
  emergency: number;
  registeredAt: string;
  name: string;
  mrn: string;
  nik: string | null;
  card: string | null;
}

/** The slip of a visit: identical fields whoever pays (the payer is not even read). */
export function slipData(db: Db, settings: CounterSettings, visitId: number): SlipData {
  const row = db
    .prepare(
      `SELECT v.queue_prefix AS prefix, v.queue_no AS no, v.unit, v.emergency, v.registered_at AS registeredAt, p.name, p.mrn, p.nik, p.card
       FROM visits v JOIN patients p ON p.id = v.patient_id WHERE v.id = ?`,
    )
    .get(visitId) as SlipRow | undefined;
  if (!row) throw new LoketError('visit/not-found', { id: visitId });
  const local = new Intl.DateTimeFormat('id-ID', { timeZone: settings.timeZone, day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(row.registeredAt))
    .replace(/\//g, '-')
    .replace(/\./g, ':')
    .replace(',', '');
  return {
    facilityName: settings.facilityName,
    facilityAddress: settings.facilityAddress,
    registeredLocal: local,
    queue: queueLabel(row.prefix, row.no),
    // A unit since removed from the settings (or re-coded) still prints its name on a reprint.
    unitName: unitNameIn({ units: settings.units, formerUnits: formerUnits(db, settings) }, row.unit),
    patientName: row.name,
    mrn: row.mrn,
    nikMasked: row.nik ? maskNik(row.nik) : null,
    cardMasked: row.card ? maskCard(row.card) : null,
    emergency: row.emergency === 1,
    barcodeText: `V${String(visitId).padStart(8, '0')}`,
  };
}

export function slipHtml(db: Db, settings: CounterSettings, visitId: number, paper: Paper, lang: Lang): string {
  return slipPage(db, settings, visitId, paper, lang).html;
}

/** The slip's HTML and, on roll paper, its length: the printer cuts where the content ends. */
export function slipPage(db: Db, settings: CounterSettings, visitId: number, paper: Paper, lang: Lang): { html: string; lengthMm: number | null } {
  const data = slipData(db, settings, visitId);
  const barcode = loadBwip().toSVG({ bcid: 'code128', text: data.barcodeText, scale: 2, height: 8, includetext: true, textxalign: 'center' });
  return { html: renderSlipHtml(data, paper, barcode, lang), lengthMm: slipLengthMm(data, paper) };
}

export function logPrint(db: Db, visitId: number, kind: 'print' | 'reprint' | 'pdf', paper: Paper, printer: string | null, clerk: string, now: Date): void {
  db.prepare('INSERT INTO print_log (visit_id, printed_at, clerk, kind, paper, printer) VALUES (?, ?, ?, ?, ?, ?)').run(visitId, now.toISOString(), clerk, kind, paper, printer);
}

export function printCount(db: Db, visitId: number): number {
  return (db.prepare(`SELECT count(*) AS n FROM print_log WHERE visit_id = ? AND kind IN ('print', 'reprint')`).get(visitId) as { n: number }).n;
}
