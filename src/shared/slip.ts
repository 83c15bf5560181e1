/**
 * The intake slip: the same layout for every payer (DOMAIN.md section 2). It never carries class,
 * segment or payer, only what a patient and a nurse need. Pure: the same HTML is printed by
 * Electron, previewed by the renderer and rendered to PDF in the tests.
 */
export const PAPERS = ['58mm', '80mm', 'A6'] as const;
export type Paper = (typeof PAPERS)[number];

export interface SlipData {
  facilityName: string;
  facilityAddress: string;
  /** Local date and time of registration, already formatted ("23-11-2026 09:00"). */
  registeredLocal: string;
  queue: string;
  unitName: string;
  patientName: string;
  mrn: string;
  /** Masked (src/shared/masking.ts): "3673••••••••0003", the card "•••••••••6592". */
  nikMasked: string | null;
  cardMasked: string | null;
  emergency: boolean;
  /** What the barcode encodes (the visit), for the nurse's scanner. */
  barcodeText: string;
}

interface SlipLabels {
  queue: string;
  unit: string;
  mrn: string;
  nik: string;
  card: string;
  emergency: string;
  footer: string;
}

export const SLIP_LABELS: Record<'id' | 'en', SlipLabels> = {
  id: { queue: 'Nomor antrean', unit: 'Unit', mrn: 'No. RM', nik: 'NIK', card: 'No. kartu', emergency: 'GAWAT DARURAT', footer: 'Simpan slip ini sampai nomor Anda dipanggil.' },
  en: { queue: 'Queue number', unit: 'Unit', mrn: 'MRN', nik: 'NIK', card: 'Card no.', emergency: 'EMERGENCY', footer: 'Keep this slip until your number is called.' },
};

const MM_PER_PT = 25.4 / 72;

const PAGE: Record<Paper, { size: string; width: string; textMm: number; queuePt: number; base: string }> = {
  '58mm': { size: '58mm 120mm', width: '48mm', textMm: 48, queuePt: 30, base: '8.5pt' },
  '80mm': { size: '80mm 140mm', width: '70mm', textMm: 70, queuePt: 40, base: '10pt' },
  A6: { size: 'A6', width: '95mm', textMm: 95, queuePt: 54, base: '12pt' },
};
/** A bold digit of the slip's fonts is about 0.7 em wide (DejaVu Sans Bold 0.70, Arial Bold 0.56). */
const QUEUE_CHAR_EM = 0.7;

/**
 * The queue number's size: the paper's, or smaller so the number stays on one line. A counter
 * of a facility hub numbering on its own while the hub is out of reach prints "K2-U-004", three
 * characters more than "U-004": at the full size it would break in two on a thermal roll.
 */
export function queueFontPt(queue: string, paper: Paper): number {
  const p = PAGE[paper];
  const fits = p.textMm / MM_PER_PT / (Math.max(1, queue.length) * QUEUE_CHAR_EM);
  return Math.min(p.queuePt, Math.floor(fits));
}

/** A bold character of the identifiers: a DejaVu Sans Bold digit is 0.70 em, its '•' narrower (Arial's narrower still). */
const IDENT_CHAR_EM = 0.7;
/** A label character (normal weight), generous: "No. kartu", "Card no.". */
const LABEL_CHAR_EM = 0.62;
/** Below this the digits are hard to read on a thermal roll: a longer identifier wraps instead. */
const MIN_IDENT_PT = 6;

/**
 * The size of the identifier values (record number, masked NIK, masked card): the paper's, or
 * smaller so each stays on one line beside its label. A nurse reads the last digits: a masked
 * NIK broken as "3671••••••••007" / "5" reads wrong. On 58 mm the value column is about 30 mm,
 * too narrow for 16 bold characters at the slip's 8.5 pt in DejaVu Sans. Null when even the
 * smallest readable size cannot hold the longest (a record-number format of 30 characters): then
 * they keep the paper's size and wrap.
 */
export function identifierFontPt(data: Pick<SlipData, 'mrn' | 'nikMasked' | 'cardMasked'>, paper: Paper, lang: 'id' | 'en' = 'id'): number | null {
  const p = PAGE[paper];
  const l = SLIP_LABELS[lang];
  const basePt = Number.parseFloat(p.base);
  const rows = [
    [l.mrn, data.mrn],
    [l.nik, data.nikMasked],
    [l.card, data.cardMasked],
  ].filter((r): r is [string, string] => Boolean(r[1]));
  if (rows.length === 0) return basePt;
  const labelMm = Math.max(...rows.map(([label]) => label.length)) * LABEL_CHAR_EM * basePt * MM_PER_PT + 2; // + the label's 2 mm padding
  const valueMm = p.textMm - labelMm;
  const longest = Math.max(...rows.map(([, value]) => value.length));
  const fits = Math.floor((valueMm / MM_PER_PT / (longest * IDENT_CHAR_EM)) * 2) / 2; // to half points
  if (fits < MIN_IDENT_PT) return null;
  return Math.min(basePt, fits);
}

/** Roll papers: width and text sizes in mm and pt, for the length estimate. */
const ROLL: Partial<Record<Paper, { paperMm: number; textMm: number; basePt: number }>> = {
  '58mm': { paperMm: 58, textMm: 48, basePt: 8.5 },
  '80mm': { paperMm: 80, textMm: 70, basePt: 10 },
};
/** Generous on purpose: a slip a few millimetres long wastes a little paper; one too short prints a second page. */
const LINE_HEIGHT = 1.3;
const CHAR_WIDTH_EM = 0.62;
const MIN_ROLL_MM = 60;
const MAX_ROLL_MM = 400;

/**
 * How long a slip on roll paper must be: its content, line by line, plus the page margins. A
 * fixed page fed blank paper after a short slip and cut a long address or name onto a second
 * slip; thermal printers cut where the page ends. Null for A6, a sheet of fixed size.
 */
export function slipLengthMm(data: SlipData, paper: Paper): number | null {
  const roll = ROLL[paper];
  if (!roll) return null;
  const lineMm = (em: number): number => roll.basePt * em * LINE_HEIGHT * MM_PER_PT;
  const lines = (text: string, em: number): number => {
    const perLine = Math.max(8, Math.floor(roll.textMm / (roll.basePt * em * CHAR_WIDTH_EM * MM_PER_PT)));
    return Math.max(1, Math.ceil(text.length / perLine));
  };
  const block = (text: string, em: number): number => lines(text, em) * lineMm(em);
  let mm = 8; // @page margins, top and bottom
  mm += block(data.facilityName || 'Loket', 1.1);
  if (data.facilityAddress) mm += block(data.facilityAddress, 0.85);
  mm += block(data.registeredLocal, 0.85);
  mm += data.emergency ? block('GAWAT DARURAT', 1.3) + 6 : 3;
  mm += block('Nomor antrean', 0.9) + 2;
  mm += queueFontPt(data.queue, paper) * 1.1 * MM_PER_PT;
  mm += block(data.unitName, 1.3) + 2;
  mm += block(data.patientName, 1) + 4;
  // The identifiers: one line each (identifierFontPt), or wrapped when even the smallest size is too big.
  const oneLine = identifierFontPt(data, paper) !== null;
  for (const value of [data.mrn, data.nikMasked, data.cardMasked]) if (value) mm += oneLine ? lineMm(1) : block(`No. kartu ${value}`, 1);
  mm += 16; // the barcode with its text
  mm += block(SLIP_LABELS.id.footer, 0.85);
  mm += 6; // slack: fonts differ from one PC to the next
  return Math.min(MAX_ROLL_MM, Math.max(MIN_ROLL_MM, Math.ceil(mm)));
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** `barcodeSvg` is an SVG made by the core (bwip-js) from data.barcodeText; it is trusted markup. */
export function renderSlipHtml(data: SlipData, paper: Paper, barcodeSvg: string, lang: 'id' | 'en' = 'id'): string {
  const l = SLIP_LABELS[lang];
  const p = PAGE[paper];
  const length = slipLengthMm(data, paper);
  const size = length === null ? p.size : `${ROLL[paper]!.paperMm}mm ${length}mm`;
  const row = (label: string, value: string | null): string => (value ? `<tr><th>${escapeHtml(label)}</th><td class="ident">${escapeHtml(value)}</td></tr>` : '');
  const identPt = identifierFontPt(data, paper, lang);
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(data.queue)}</title>
<style>
  @page { size: ${size}; margin: 4mm; }
  body { margin: 0; font-family: 'DejaVu Sans', Arial, sans-serif; font-size: ${p.base}; color: #000; }
  .slip { width: ${p.width}; margin: 0 auto; text-align: center; }
  .facility { font-weight: bold; font-size: 1.1em; }
  .address, .time, .footer { font-size: 0.85em; }
  .emergency { border: 2px solid #000; font-weight: bold; font-size: 1.3em; padding: 1mm; margin: 2mm 0; letter-spacing: 0.05em; }
  .label { margin-top: 2mm; font-size: 0.9em; }
  .queue { font-size: ${queueFontPt(data.queue, paper)}pt; font-weight: bold; line-height: 1.1; white-space: nowrap; }
  .unit { font-size: 1.3em; font-weight: bold; margin-bottom: 2mm; }
  table { width: 100%; border-collapse: collapse; text-align: left; margin: 2mm 0; }
  th { font-weight: normal; padding-right: 2mm; white-space: nowrap; vertical-align: top; }
  td { font-weight: bold; word-break: break-word; }
  ${identPt === null ? '' : `td.ident { white-space: nowrap; word-break: normal; font-size: ${identPt}pt; }`}
  .barcode svg { width: 90%; height: auto; max-height: 14mm; }
  hr { border: 0; border-top: 1px dashed #000; }
</style></head>
<body><div class="slip">
  <div class="facility">${escapeHtml(data.facilityName || 'Loket')}</div>
  ${data.facilityAddress ? `<div class="address">${escapeHtml(data.facilityAddress)}</div>` : ''}
  <div class="time">${escapeHtml(data.registeredLocal)}</div>
  ${data.emergency ? `<div class="emergency">${escapeHtml(l.emergency)}</div>` : '<hr>'}
  <div class="label">${escapeHtml(l.queue)}</div>
  <div class="queue">${escapeHtml(data.queue)}</div>
  <div class="unit">${escapeHtml(data.unitName)}</div>
  <table>
    <tr><td colspan="2">${escapeHtml(data.patientName)}</td></tr>
    ${row(l.mrn, data.mrn)}${row(l.nik, data.nikMasked)}${row(l.card, data.cardMasked)}
  </table>
  <div class="barcode">${barcodeSvg}</div>
  <div class="footer">${escapeHtml(l.footer)}</div>
</div></body></html>`;
}
