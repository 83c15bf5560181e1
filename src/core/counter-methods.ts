import { writeFile } from 'node:fs/promises';
import type { CoreContext } from './core-context';
import type { CoreMethods } from './core';
import { LoketError } from './errors';
import { savePurposeOf } from './files/file-handles';
import { attachIdentity, openFollowUps, setPayer } from './follow-ups/follow-ups';
import { createPatient, findPatient, findPatientsByMrn, type Patient } from './patients/patients.repo';
import { likelyDuplicates } from './lookup/own-patients';
import { updatePatient } from './patients/update-patient';
import { mergePatients, previewMerge } from './patients/merge-patients';
import { callNext, dayQueue, setVisitStatus } from './visits/queue';
import { moveServiceDate, moveVisit, recallVisit, refuseMove, undoMove } from './visits/move-visit';
import { writeTable } from './export/table-writer';
import { privateTarget } from './store/private-files';
import { equalServiceTable, recapTable, registerTable, type ExportContext } from './reports/report-tables';
import { dailyRecap, equalServiceReport, recap, register } from './reports/reports';
import { readZoneChange, saveSettings } from './settings/settings.repo';
import { mrnNumbering, withHubStart } from './settings/mrn-numbering';
import { refuseHubZone } from './settings/hub-zone';
import { refuseStrandingPatients } from './settings/unit-changes';
import { formerUnits, settingsView } from './settings/unit-names';
import { oldZoneDay } from './settings/service-day';
import { logPrint, printCount, refuseCancelledSlip, slipHtml, slipPage, type SlipPrinter } from './slips/slips';
import { syncState } from './sync/sync-state.repo';
import { newUid } from './sync/uuid';
import { refuseDuplicate, refuseEmergencyUnit, registerEmergency, registerNewPatientVisit, registerVisit, type HubNumbering } from './visits/visits';
import { unitPrefix } from '../shared/settings';

type CounterMethodNames =
  | 'slipHtml' | 'printSlip' | 'exportSlipPdf'
  | 'visitRegister' | 'dailyRecap' | 'recap' | 'equalServiceReport' | 'exportReport'
  | 'getSettings' | 'saveSettings' | 'findPatient' | 'likelyDuplicates' | 'createPatient' | 'updatePatient' | 'previewMergePatients' | 'mergePatients' | 'registerVisit' | 'registerNewPatient'
  | 'registerEmergency' | 'dayQueue' | 'callNext' | 'setVisitStatus' | 'moveVisit' | 'undoMoveVisit' | 'recallVisit' | 'openFollowUps' | 'setPayer' | 'attachIdentity';

/** The counter's contract methods over the core's database. */
export function counterMethods(ctx: CoreContext): Pick<CoreMethods, CounterMethodNames> {
  const { db, now } = ctx;
  const patientById = (id: number): Patient => {
    const patient = findPatient(db, { id });
    if (!patient) throw new LoketError('patient/not-found', { id });
    return patient;
  };
  /**
   * The patient as it is after waiting for the hub's number: a pull during that wait may have merged
   * the record into another (the hub's merge of one NIK at two counters), deleting this row and
   * keeping its RM as an alias of the survivor. The visit goes to the survivor, as the merge moved
   * the record's other visits; registering on the deleted row would fail the clerk's registration.
   */
  const stillHere = (patient: Patient): Patient => {
    const now = findPatient(db, { id: patient.id });
    if (now) return now;
    // The merged record's RM names its survivor now (an alias); a number two patients hold names no one.
    const holders = findPatientsByMrn(db, patient.mrn);
    if (holders.length !== 1) throw new LoketError('patient/not-found', { id: patient.id });
    return holders[0]!;
  };
  const printerOrFail = (): SlipPrinter => {
    if (!ctx.config.printer) throw new LoketError('print/unavailable');
    return ctx.config.printer;
  };
  /**
   * Enrolled: the visit's uid first, then the hub's number for it (null: numbered offline).
   * Alone: nothing to ask. The provider never throws a registration away: a failure is null.
   */
  const hubNumbering = async (unit: string, prefix: string, serviceDate = ctx.today()): Promise<{ hub?: HubNumbering }> => {
    if (!syncState(db).enrolled) return {};
    const uid = newUid();
    const ask = ctx.hubQueueNumber;
    const queueNo = ask ? await Promise.resolve().then(() => ask({ visitUid: uid, unit, serviceDate, prefix })).catch(() => null) : null;
    return { hub: { uid, queueNo } };
  };
  /**
   * What every registration carries besides its patient: the hub's number (asked only for a
   * unit the settings know), the verdict, and who registered when. Registered on the lists only
   * while BPJS is set up: asked again when BPJS answers.
   */
  const visitTerms = async ({ unit, verdict, verdictSource, payer }: Pick<Parameters<CoreMethods['registerVisit']>[0], 'unit' | 'verdict' | 'verdictSource' | 'payer'>) => {
    const settings = ctx.settings();
    const source = verdictSource ?? 'lists';
    refuseEmergencyUnit(settings, unit);
    const numbering = settings.units.some((u) => u.code === unit) ? await hubNumbering(unit, unitPrefix(settings, unit)) : {};
    return {
      ...numbering,
      unit,
      verdict,
      verdictSource: source,
      ...(payer ? { payer } : {}),
      recheckLater: verdict !== null && source === 'lists' && ctx.bpjs.configured(),
      clerk: ctx.clerk(),
      now: now(),
      serviceDate: ctx.today(),
    };
  };
  return {
    async slipHtml({ visitId, paper, lang = 'id' }) {
      const chosen = paper ?? ctx.settings().paper;
      return { html: slipHtml(db, ctx.settings(), visitId, chosen, lang), paper: chosen };
    },
    async printSlip({ visitId, paper, reprint, lang = 'id' }) {
      const settings = ctx.settings();
      const chosen = paper ?? settings.paper;
      refuseCancelledSlip(db, visitId);
      const { html, lengthMm } = slipPage(db, settings, visitId, chosen, lang);
      await printerOrFail().print(html, { paper: chosen, deviceName: settings.printerName, lengthMm });
      logPrint(db, visitId, reprint || printCount(db, visitId) > 0 ? 'reprint' : 'print', chosen, settings.printerName || null, ctx.clerk(), now());
      return { printer: settings.printerName, paper: chosen };
    },
    async exportSlipPdf({ visitId, file, paper, lang = 'id' }) {
      const { path, name } = ctx.files.resolve(file, 'save-pdf');
      const chosen = paper ?? ctx.settings().paper;
      refuseCancelledSlip(db, visitId);
      const { html, lengthMm } = slipPage(db, ctx.settings(), visitId, chosen, lang);
      const pdf = await printerOrFail().toPdf(html, { paper: chosen, lengthMm });
      privateTarget(path); // a patient's name and identifiers: owner only, like every export
      await writeFile(path, pdf);
      logPrint(db, visitId, 'pdf', chosen, null, ctx.clerk(), now());
      return { name };
    },
    async visitRegister({ from, to }) {
      return register(db, ctx.timeZone(), from, to);
    },
    async dailyRecap({ date }) {
      return dailyRecap(db, ctx.settings(), date);
    },
    async equalServiceReport({ from, to }) {
      return equalServiceReport(db, from, to);
    },
    async recap({ from, to }) {
      return recap(db, ctx.settings(), from, to ?? from);
    },
    async exportReport({ report: kind, from, to, format, file, lang = 'id' }) {
      const { path, name } = ctx.files.resolve(file, savePurposeOf(format));
      const settings = ctx.settings();
      const context: ExportContext = { lang, timeZone: settings.timeZone, units: settings.units, formerUnits: formerUnits(db, settings) };
      const table =
        kind === 'register'
          ? registerTable(register(db, context.timeZone, from, to), context)
          : kind === 'recap'
            ? recapTable(recap(db, settings, from, to), context)
            : equalServiceTable(equalServiceReport(db, from, to), context);
      await writeTable(path, format, table);
      return { name, rows: table.rows.length };
    },
    async getSettings() {
      const runningDay = oldZoneDay(now(), ctx.timeZone(), readZoneChange(db));
      return { ...settingsView(db, ctx.settings()), mrnNumbering: mrnNumbering(db, ctx.settings()), ...(runningDay ? { runningDay } : {}) };
    },
    async saveSettings(input) {
      // IMMEDIATE: no registration slips into a unit between the check and the save.
      const saved = db.transaction(() => {
        refuseHubZone(db, ctx.settings(), input);
        refuseStrandingPatients(db, ctx.settings(), input, ctx.today());
        return saveSettings(db, withHubStart(db, ctx.settings(), input));
      }).immediate();
      ctx.setSettings(saved);
      return saved;
    },
    async findPatient(by) {
      return findPatient(db, by) ?? null;
    },
    async likelyDuplicates({ name, dob, oldMrn }) {
      return likelyDuplicates(db, name, dob, ctx.today(), oldMrn ?? null);
    },
    async createPatient(identity) {
      if (identity.nik && findPatient(db, { nik: identity.nik })) throw new LoketError('patient/nik-exists', { nik: identity.nik });
      return createPatient(db, identity, ctx.settings(), now());
    },
    async updatePatient({ patientId, changes }) {
      const update = updatePatient(db, patientId, changes, now());
      // Another NIK or card: the patient's open payers may now be settled by BPJS's answer.
      if (update.changed.includes('nik') || update.changed.includes('card')) ctx.bpjs.changed();
      return update;
    },
    async previewMergePatients(input) {
      return previewMerge(db, input, ctx.settings());
    },
    async mergePatients(input) {
      const merge = mergePatients(db, input, now(), ctx.clerk());
      // The survivor may have taken a NIK or card: its open payers may now be settled by BPJS's answer.
      if (merge.filled.includes('nik') || merge.filled.includes('card')) ctx.bpjs.changed();
      return merge;
    },
    async registerVisit(call) {
      const { patientId, unit, confirmDuplicate } = call;
      const patient = patientById(patientId);
      // A refused registration burns no hub number: the checks come before asking (and again inside).
      const settings = ctx.settings();
      if (!confirmDuplicate && settings.units.some((u) => u.code === unit)) refuseDuplicate(db, settings, { patient, unit, serviceDate: ctx.today() });
      const terms = await visitTerms(call);
      const visit = registerVisit(db, settings, { ...terms, patient: stillHere(patient), ...(confirmDuplicate ? { confirmDuplicate } : {}) });
      ctx.bpjs.changed();
      return visit;
    },
    async registerNewPatient(call) {
      const { identity } = call;
      // A refused registration burns no hub number: the checks come before asking (and again inside).
      if (identity.nik && findPatient(db, { nik: identity.nik })) throw new LoketError('patient/nik-exists', { nik: identity.nik });
      const visit = registerNewPatientVisit(db, ctx.settings(), { ...(await visitTerms(call)), identity });
      ctx.bpjs.changed();
      return visit;
    },
    async registerEmergency({ patientId }) {
      const before = patientId ? patientById(patientId) : null;
      const numbering = await hubNumbering(ctx.settings().emergencyUnit, ctx.settings().emergencyPrefix);
      const patient = before ? { patient: stillHere(before) } : {};
      return registerEmergency(db, ctx.settings(), { ...patient, ...numbering, clerk: ctx.clerk(), now: now(), serviceDate: ctx.today() });
    },
    async dayQueue({ unit }) {
      return dayQueue(db, ctx.settings(), now(), unit, ctx.today());
    },
    async callNext({ unit }) {
      return callNext(db, ctx.settings(), unit, now(), ctx.today());
    },
    async setVisitStatus({ visitId, status }) {
      setVisitStatus(db, visitId, status, now());
      return { ok: true };
    },
    async moveVisit({ visitId, unit }) {
      const settings = ctx.settings();
      const today = ctx.today();
      // A refused move burns no hub number: the checks come before asking (and again inside).
      refuseMove(db, settings, visitId, unit, today);
      // The hub's number is claimed under the move's own uid: the visit's uid already holds the number it was registered with.
      // Numbered on the day the move puts the visit in: today's, for last night's IGD patient sent to a poli after midnight.
      const numbering = await hubNumbering(unit, unitPrefix(settings, unit), moveServiceDate(db, visitId, today));
      return moveVisit(db, settings, { visitId, unit, clerk: ctx.clerk(), now: now(), today, ...numbering });
    },
    async undoMoveVisit({ visitId }) {
      return undoMove(db, visitId, now());
    },
    async recallVisit({ visitId, undo }) {
      return recallVisit(db, visitId, now(), undo === true);
    },
    async openFollowUps() {
      return openFollowUps(db, now());
    },
    async setPayer({ visitId, payer }) {
      const change = setPayer(db, visitId, payer, now(), ctx.settings().followUpHours, { by: ctx.clerk(), via: 'set' });
      return { ok: true, ...change };
    },
    async attachIdentity(input) {
      const attached = attachIdentity(db, input.visitId, 'identity' in input ? { identity: input.identity } : { patientId: input.patientId }, now());
      ctx.bpjs.changed(); // an identified patient's open payer can now be asked of BPJS
      return attached;
    },
  };
}
