import type { Lang } from '../../shared/i18n/messages';
import { maskCard, maskNik } from '../../shared/masking';
import { queueLabel, unitNameIn, type CounterSettings } from '../../shared/settings';
import { renderSlipHtml, slipLengthMm, type Paper, type SlipData } from '../../shared/slip';
import { LoketError } from '../errors';
import { loadBwip } from './load-bwip';
import { formerUnits } from '../settings/unit-names';
import { readZoneSwitches } from '../settings/settings.repo';
import { zoneAt } from '../settings/service-day';
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
  serviceDate: string;
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
      `SELECT v.queue_prefix AS prefix, v.queue_no AS no, v.unit, v.emergency, v.service_date AS serviceDate, v.registered_at AS registeredAt, p.name, p.mrn, p.nik, p.card
       FROM visits v JOIN patients p ON p.id = v.patient_id WHERE v.id = ?`,
    )
    .get(visitId) as SlipRow | undefined;
  if (!row) throw new LoketError('visit/not-found', { id: visitId });
  // The day that numbered the visit, and its clock in the zone it was filed under: after a zone
  // change at night the day in progress runs on under the old zone (service-day.ts), so a slip of
  // 23:39 WIB is "01-12-2026 23:39" with its number of 1 Dec, never "02-12-2026 00:39" (nighttester F12).
  const local = slipWhen(row.serviceDate, row.registeredAt, zoneAt(row.registeredAt, readZoneSwitches(db), settings.timeZone));
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

/** "dd-mm-yyyy HH:mm": the service date, and the time of registration in `zone`. */
function slipWhen(serviceDate: string, registeredAt: string, zone: string): string {
  const [y, m, d] = serviceDate.split('-');
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(registeredAt));
  return `${d}-${m}-${y} ${time}`;
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

/**
 * A cancelled visit's slip is never printed again (nor saved as a PDF): a patient holding a
 * normal-looking slip would wait for a number that is not called. Its undo on the queue brings the
 * visit, and its slip, back.
 */
export function refuseCancelledSlip(db: Db, visitId: number): void {
  const row = db.prepare('SELECT status, queue_prefix AS prefix, queue_no AS no FROM visits WHERE id = ?').get(visitId) as { status: string; prefix: string; no: number } | undefined;
  if (row?.status === 'cancelled') throw new LoketError('visit/slip-cancelled', { queue: queueLabel(row.prefix, row.no) });
}

export function logPrint(db: Db, visitId: number, kind: 'print' | 'reprint' | 'pdf', paper: Paper, printer: string | null, clerk: string, now: Date): void {
  db.prepare('INSERT INTO print_log (visit_id, printed_at, clerk, kind, paper, printer) VALUES (?, ?, ?, ?, ?, ?)').run(visitId, now.toISOString(), clerk, kind, paper, printer);
}

export function printCount(db: Db, visitId: number): number {
  return (db.prepare(`SELECT count(*) AS n FROM print_log WHERE visit_id = ? AND kind IN ('print', 'reprint')`).get(visitId) as { n: number }).n;
}
