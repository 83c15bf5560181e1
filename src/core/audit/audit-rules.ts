import type { AuditAction, AuditDetail } from '../../shared/audit';
import { bool, detailOf, len, num, obj, str, type Loose } from './audit-input';
import { enrolmentDetail } from './hub-audit';
import { identityAttached, patientChange } from './patient-change-rule';
import { patientMerge } from './patient-merge-rule';
import { queryKeyOf } from './query-key';

/** One method call as the audit sees it, after it ran. */
export interface AuditCall {
  method: string;
  input: Loose;
  ok: boolean;
  /** The answer (ok) or undefined. */
  value: Loose;
  /** The error's code when it failed (e.g. 'account/wrong-credentials'). */
  errorCode: string | null;
  /** The actor before the call (a sign-out leaves no actor after it). */
  actorBefore: string;
  /** What `snapshot` took before the call (settings, to name what changed). */
  before: Loose;
}

/** What the rules may ask of the database without knowing it. */
export interface AuditLookups {
  mrnOfPatient(id: number | undefined): string | null;
  mrnOfVisit(id: number | undefined): string | null;
  /** The record a visit is on, its identity fields as stored (name, nik, card, dob, sex, address, mrn); null when there is no such visit. */
  patientOfVisit(id: number | undefined): Loose | null;
  /** A visit as the queue shows it (status, queue number, unit, the patient's RM); null when there is none. */
  visitOf(id: number | undefined): VisitAsQueued | null;
  /** Who registered a visit (its `registered_by`); null when there is no such visit. */
  registrarOfVisit(id: number | undefined): string | null;
  /** A likely-duplicate warning was shown for this name and birth date a short while ago. */
  warnedDuplicate(name: string | undefined, dob: string | null | undefined): boolean;
  noteDuplicateWarning(name: string | undefined, dob: string | null | undefined): void;
}

export interface VisitAsQueued {
  status: string;
  queue: string;
  unit: string;
  mrn: string;
}

export interface AuditNote {
  action: AuditAction;
  subject?: string | null;
  detail?: AuditDetail;
  /** Who to name when it is not the actor before the call (a sign-in names who signed in). */
  actor?: string;
}

export interface AuditRule {
  /** Taken before the call (synchronously): what a change is compared with (settings, a visit's status). */
  snapshot?: (input: Loose, db: AuditLookups) => Loose;
  notes(call: AuditCall, db: AuditLookups): AuditNote[];
}

const failure = (call: AuditCall): AuditDetail => (call.ok ? {} : { ok: false, error: call.errorCode });

/**
 * At most this many people on one entry: a name search shows at most 20 list rows and 10 of this
 * facility's records, and a look-up by record number the record too (lookup/name-search.ts,
 * lookup/own-patients.ts).
 */
export const MAX_PERSON_KEYS = 32;

/**
 * One number for each person an answer showed (list rows, records), each once, in the order
 * shown: the NIK where the row has one, else the card; never a name, a status or an address. So
 * "who looked me up?" finds a search by name that showed the person, as it finds a search by
 * their number. One number, not both: the person filter finds the other through the records and
 * the lists (audit-methods.ts), and each number is a row of the person index, written with the
 * entry (docs/audit.md, "Cost").
 */
function personKeys(people: readonly Loose[]): string[] | undefined {
  const keys = new Set<string>();
  for (const person of people) {
    if (keys.size >= MAX_PERSON_KEYS) break;
    const nik = str(person, 'nik');
    const card = str(person, 'card');
    const key = nik !== undefined && /^\d{16}$/.test(nik) ? nik : card !== undefined && /^\d{13}$/.test(card) ? card : undefined;
    if (key !== undefined) keys.add(key);
  }
  return keys.size > 0 ? [...keys] : undefined;
}

const asList = (value: Loose): Loose[] => (Array.isArray(value) ? value : []);

/**
 * A search: who, when, the query as asked and how many matched; never what matched. A query that
 * names a NIK or card keeps it as its key (`queryKey`); one that does not (a name, a record
 * number) keeps the numbers of the people its answer showed instead (`persons`, `shown`).
 */
const search = (query: (input: Loose) => string | undefined, matches: (value: Loose) => number | undefined, shown: (call: AuditCall) => Loose[] = () => []): AuditRule => ({
  notes(call, db) {
    const q = query(call.input) ?? '';
    const count = call.ok ? matches(call.value) : undefined;
    if (call.method === 'likelyDuplicates' && count) db.noteDuplicateWarning(str(call.input, 'name'), str(call.input, 'dob') ?? null);
    const persons = call.ok ? personKeys(shown(call)) : undefined;
    return [{ action: 'lookup', detail: detailOf({ method: call.method, query: q, queryKey: queryKeyOf(q) ?? undefined, matches: count, persons, ...failure(call) }) }];
  },
});

/**
 * How many matches a look-up's answer showed: its list rows and this facility's records (the record
 * the query names and, for a name or a number several records hold, the records listed), each
 * record once. Counting the list rows alone logged "0 cocok" for a search that listed records
 * (an RM, an RM lama, a merged RM, a name only this facility's records have).
 */
function shownCount(value: Loose): number | undefined {
  const rows = len(value, 'matches');
  if (rows === undefined) return undefined;
  const records = new Set<unknown>();
  for (const record of [obj(value, 'patient'), ...asList(obj(value, 'ownMatches'))]) {
    if (record !== undefined && record !== null) records.add(num(record, 'id') ?? record);
  }
  return rows + records.size;
}

/** Who a look-up by name or record number showed: the list rows, this facility's records, the record asked for. */
function lookupShown(call: AuditCall): Loose[] {
  const kind = str(call.value, 'kind');
  if (kind !== 'name' && kind !== 'mrn') return []; // a NIK or card: the query is the person's key
  return [...asList(obj(call.value, 'matches')), ...asList(obj(call.value, 'ownMatches')), obj(call.value, 'patient')].filter((p) => p !== undefined && p !== null);
}

/**
 * The counter's live check (`lookupOnline`), asked right after every `lookup` of a NIK, card or
 * record number. Not a second look-up by the clerk: the local one is already on record. It is
 * recorded only when BPJS was actually asked, as a different entry: the person's number went
 * to BPJS, and whether BPJS knew them (`bpjs`: found, not-found, failed), never what it said.
 * Not configured, or not a number BPJS takes: nothing was asked, nothing recorded.
 */
const askedBpjs: AuditRule = {
  notes(call) {
    const online = obj(call.value, 'online');
    const status = str(online, 'status');
    if (call.ok && status !== 'answered' && status !== 'failed') return [];
    const q = str(call.input, 'query') ?? '';
    const bpjs = !call.ok ? undefined : status === 'failed' ? 'failed' : bool(online, 'found') ? 'found' : 'not-found';
    return [{ action: 'lookup', detail: detailOf({ method: call.method, query: q, queryKey: queryKeyOf(q) ?? undefined, service: str(online, 'service'), bpjs, ...failure(call) }) }];
  },
};

const onlyOk = (rule: (call: AuditCall, db: AuditLookups) => AuditNote[]): AuditRule => ({ notes: (call, db) => (call.ok ? rule(call, db) : []) });

const payerChange: AuditRule = onlyOk((call, db) => [
  {
    action: 'payer-change',
    subject: db.mrnOfVisit(num(call.input, 'visitId')),
    detail: detailOf({
      method: call.method,
      visitId: num(call.input, 'visitId'),
      previous: str(call.value, 'previous'),
      payer: str(call.value, 'payer') ?? str(call.input, 'payer'),
      verdict: str(call.value, 'verdict'),
      joinedRecord: str(call.value, 'mrn'),
    }),
  },
]);

/**
 * A visit moved along the queue or back: called (callNext), served, cancelled, or a step undone
 * (served → called, called → waiting). Who did it, and the status before and after: a cancelled
 * visit is what a dispute is about ("I was registered, then dropped"), and an undone step clears
 * the visit's call and service times, so only the trail still says they were set.
 */
const visitStatus: AuditRule = {
  snapshot: (input, db) => db.visitOf(num(input, 'visitId')),
  notes(call) {
    const before = call.before as VisitAsQueued | null | undefined;
    if (!call.ok || !before) return [];
    const status = str(call.input, 'status');
    if (status === before.status) return [];
    return [{ action: 'visit-status', subject: before.mrn, detail: detailOf({ method: call.method, visitId: num(call.input, 'visitId'), queue: before.queue, unit: before.unit, previous: before.status, status }) }];
  },
};

/**
 * A visit moved to another unit, or a move undone: from which unit and number to which, and the
 * status it left (a called patient waits again at the new unit). The old number is on the slip
 * the patient may still hold: the trail is what ties the two numbers to one visit.
 */
const visitMove: AuditRule = onlyOk((call, db) => {
  const from = obj(call.value, 'from');
  const to = obj(call.value, 'to');
  const visitId = num(call.input, 'visitId');
  return [
    {
      action: 'visit-move',
      subject: db.mrnOfVisit(visitId),
      detail: detailOf({ method: call.method, visitId, queue: str(from, 'queue'), unit: str(from, 'unit'), previous: str(from, 'status'), toQueue: str(to, 'queue'), toUnit: str(to, 'unit') }),
    },
  ];
});

/** A called patient called again ("Panggil ulang"), or that undone: the status stays "called", the count says how many calls. */
const recalled: AuditRule = onlyOk((call, db) => {
  const visitId = num(call.input, 'visitId');
  return [
    {
      action: 'visit-status',
      subject: db.mrnOfVisit(visitId),
      detail: detailOf({ method: call.method, visitId, queue: str(call.value, 'queue'), unit: str(call.value, 'unit'), previous: 'called', status: 'called', recalls: num(call.value, 'recalls'), undo: bool(call.input, 'undo') }),
    },
  ];
});

/** The next patient called: the visit the core picked, from waiting to called. Nobody waiting: nothing changed, nothing recorded. */
const calledNext: AuditRule = onlyOk((call) => {
  const visitId = num(call.value, 'visitId');
  if (visitId === undefined) return [];
  return [
    {
      action: 'visit-status',
      subject: str(obj(call.value, 'patient'), 'mrn') ?? null,
      detail: detailOf({ method: call.method, visitId, queue: str(call.value, 'queue'), unit: str(call.value, 'unit'), previous: 'waiting', status: str(call.value, 'status') }),
    },
  ];
});

const print = (kind: 'print' | 'pdf'): AuditRule =>
  onlyOk((call, db) => [{ action: 'print', subject: db.mrnOfVisit(num(call.input, 'visitId')), detail: detailOf({ method: call.method, kind, visitId: num(call.input, 'visitId'), reprint: bool(call.input, 'reprint') }) }]);

/** Every export, and a refused one too: who tried to take what out. */
/** Whether an export asked for whole identifiers (exportMembers' `full`). */
const full = (input: Loose): boolean => bool(input, 'full') === true;

const exported = (what: (input: Loose) => string | undefined): AuditRule => ({
  notes: (call) => [
    {
      action: 'export',
      // `full`: a member export with whole NIK and card numbers, which the trail must show as such.
      detail: detailOf({ method: call.method, what: what(call.input), format: str(call.input, 'format'), rows: num(call.value, 'rows'), ...(full(call.input) ? { full: true } : {}), ...failure(call) }),
    },
  ],
});

/** A sign-in of any kind: `login` on success, `login-failed` with the username asked otherwise. */
const login = (username: (call: AuditCall) => string | undefined): AuditRule => ({
  notes(call) {
    const asked = username(call) ?? '';
    if (call.ok) return [{ action: 'login', actor: asked || call.actorBefore, detail: detailOf({ method: call.method, username: asked }) }];
    return [{ action: 'login-failed', detail: detailOf({ method: call.method, username: asked, error: call.errorCode }) }];
  },
});

/** Names of the keys whose values differ (settings: which fields changed, never their values). */
function changedKeys(before: Loose, after: Loose): string[] {
  if (before === null || typeof before !== 'object' || after === null || typeof after !== 'object') return [];
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const a = before as Record<string, unknown>;
  const b = after as Record<string, unknown>;
  return [...keys].filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k])).sort();
}

/** Field names of a secrets form that were filled in: a secret left empty keeps the saved one. */
export function filledKeys(form: Loose): string[] {
  if (form === null || typeof form !== 'object') return [];
  return Object.entries(form as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && v !== '' && v !== null)
    .map(([k]) => k)
    .sort();
}

/** A new record (`patient`: the record made; `identity`: what the clerk typed). */
function newRecordNotes(method: string, identity: Loose, patient: Loose, db: AuditLookups): AuditNote[] {
  const name = str(identity, 'name');
  const dob = str(identity, 'dob') ?? null;
  const subject = str(patient, 'mrn') ?? null;
  const notes: AuditNote[] = [{ action: 'register', subject, detail: detailOf({ method, patientId: num(patient, 'id') }) }];
  // The clerk was shown likely duplicates for this person and made a new record anyway.
  if (db.warnedDuplicate(name, dob)) notes.push({ action: 'override', subject, detail: { warning: 'likely-duplicate', method } });
  return notes;
}

/** A registered visit, with the warnings the clerk went past. */
function visitNotes(call: AuditCall, subject: string | null): AuditNote[] {
  const verdict = str(call.input, 'verdict') ?? null;
  const payer = str(call.value, 'payer');
  const visitId = num(call.value, 'id');
  const notes: AuditNote[] = [
    { action: 'register', subject, detail: detailOf({ method: call.method, visitId, unit: str(call.value, 'unit'), queue: str(call.value, 'queue'), payer, verdict }) },
  ];
  if (bool(call.input, 'confirmDuplicate')) notes.push({ action: 'override', subject, detail: detailOf({ warning: 'second-visit-same-day', visitId }) });
  // JKN chosen although the check did not find the patient active: the clerk's call, on record.
  if (payer === 'jkn' && verdict !== 'eligible') notes.push({ action: 'override', subject, detail: detailOf({ warning: 'payer-without-eligibility', visitId, verdict }) });
  return notes;
}

/**
 * What each method records. Keyed by name and typed loosely so methods another branch adds
 * (accounts, keys, member export) are mapped before they exist here; a name no core has is ignored.
 */
export function auditRules(settingsNow: () => Loose, lockedNow: () => boolean = () => false): Record<string, AuditRule> {
  return {
    lookup: search((i) => str(i, 'query'), shownCount, lookupShown),
    lookupOnline: askedBpjs,
    findPatient: search((i) => str(i, 'nik') ?? str(i, 'card') ?? str(i, 'mrn'), (v) => (v ? 1 : 0), (c) => (str(c.input, 'mrn') !== undefined && c.value ? [c.value] : [])),
    likelyDuplicates: search((i) => [str(i, 'name'), str(i, 'dob'), str(i, 'oldMrn') && `RM lama ${str(i, 'oldMrn')}`].filter(Boolean).join(' '), (v) => len(v), (c) => asList(c.value)),

    createPatient: onlyOk((call, db) => newRecordNotes(call.method, call.input, call.value, db)),
    updatePatient: patientChange,
    mergePatients: patientMerge,
    registerVisit: onlyOk((call, db) => visitNotes(call, db.mrnOfPatient(num(call.input, 'patientId')))),
    // A new patient's record and first visit in one call: the same entries as the two calls made apart.
    registerNewPatient: onlyOk((call, db) => {
      const patient = obj(call.value, 'patient');
      return [...newRecordNotes(call.method, obj(call.input, 'identity'), patient, db), ...visitNotes(call, str(patient, 'mrn') ?? null)];
    }),
    registerEmergency: {
      // An emergency is never refused; a failure is on record too (it was tried).
      notes: (call) => [{ action: 'emergency', subject: str(obj(call.value, 'patient'), 'mrn') ?? null, detail: detailOf({ visitId: num(call.value, 'id'), queue: str(call.value, 'queue'), ...failure(call) }) }],
    },

    printSlip: print('print'),
    exportSlipPdf: print('pdf'),
    // A slip shown behind the lock screen (an emergency's, the only one the lock lets through): on
    // record, since no one had opened the counter. Signed in, a slip is shown after each
    // registration the clerk made and says nothing the queue and the register do not: not
    // recorded. Any other visit's slip is read by a path no screen takes (the bridge, a script):
    // on record, like the lock's, with who registered the visit.
    slipHtml: {
      snapshot: (input, db) => ({ locked: lockedNow(), registrar: db.registrarOfVisit(num(input, 'visitId')) }),
      notes: (call, db) => {
        if (!call.ok) return [];
        const visitId = num(call.input, 'visitId');
        const locked = bool(call.before, 'locked') === true;
        const registrar = str(call.before, 'registrar');
        if (!locked && registrar === call.actorBefore) return [];
        const where: AuditDetail = locked ? { locked: true } : { registeredBy: registrar ?? null };
        return [{ action: 'print', subject: db.mrnOfVisit(visitId), detail: detailOf({ method: call.method, kind: 'view', visitId, ...where }) }];
      },
    },

    setPayer: payerChange,
    recheckPayer: payerChange,
    attachIdentity: identityAttached,

    callNext: calledNext,
    setVisitStatus: visitStatus,
    moveVisit: visitMove,
    undoMoveVisit: visitMove,
    recallVisit: recalled,

    importList: {
      notes: (call) => [
        {
          action: 'import',
          subject: str(call.input, 'list') ?? null,
          detail: detailOf({ kind: str(call.input, 'kind'), asOf: str(call.input, 'asOf'), edition: num(call.value, 'edition'), rows: num(obj(call.value, 'rows'), 'imported'), rejected: num(obj(call.value, 'rows'), 'rejected'), ...failure(call) }),
        },
      ],
    },
    rollbackList: onlyOk((call) => [{ action: 'rollback', subject: str(call.input, 'list') ?? null, detail: detailOf({ edition: num(call.value, 'edition'), rows: num(call.value, 'members') }) }]),

    saveSettings: {
      snapshot: settingsNow,
      notes: (call) => (call.ok ? [{ action: 'settings', detail: { section: 'counter', changed: changedKeys(call.before, call.value) } }] : []),
    },
    saveBpjsSettings: onlyOk((call) => [{ action: 'settings', detail: { section: 'bpjs', fields: filledKeys(call.input) } }]),
    enrollHub: onlyOk((call) => [{ action: 'settings', detail: enrolmentDetail('enrollHub', call.value) }]),

    exportReport: exported((i) => str(i, 'report')),
    exportImportIssues: exported((i) => `import-issues:${str(i, 'list') ?? ''}`),
    exportBridgeLog: exported(() => 'bridge-log'),
    exportAudit: exported(() => 'audit'),
    exportMembers: exported((i) => `members:${str(i, 'list') ?? ''}`),
    exportRecoveryKey: exported(() => 'recovery-key'),
    backupDatabase: exported(() => 'backup'),

    setupAdmin: login((c) => str(c.input, 'username')),
    signIn: login((c) => str(c.input, 'username')),
    switchClerk: login((c) => str(c.input, 'username')),
    unlock: login((c) => str(obj(c.value, 'account'), 'username') ?? c.actorBefore),
    lockSession: onlyOk(() => [{ action: 'lock' }]),
    signOut: onlyOk(() => [{ action: 'logout' }]),
    saveAccount: {
      notes: (call) => [
        {
          action: 'account-change',
          subject: str(call.input, 'username') ?? null,
          detail: detailOf({ method: 'saveAccount', role: str(call.input, 'role'), disabled: bool(call.input, 'disabled'), passwordSet: str(call.input, 'password') !== undefined, pinSet: str(call.input, 'pin') !== undefined, ...failure(call) }),
        },
      ],
    },
    unlockAccount: { notes: (call) => [{ action: 'account-change', subject: str(call.input, 'username') ?? null, detail: { method: 'unlockAccount', ...failure(call) } }] },
    setOwnPin: onlyOk((call) => [{ action: 'account-change', subject: call.actorBefore, detail: { method: 'setOwnPin' } }]),
    changeOwnPassword: { notes: (call) => [{ action: 'account-change', subject: call.actorBefore, detail: { method: 'changeOwnPassword', ...failure(call) } }] },

    rekeyDatabase: { notes: (call) => [{ action: 'rekey', detail: { method: 'rekeyDatabase', ...failure(call) } }] },
  };
}
