import { CLI_ACTOR_PREFIX, COUNTER_ACTOR_PREFIX, HUB_ACTOR_PREFIX, LEGACY_NO_SESSION_ACTOR, NO_SESSION_ACTOR, RECHECK_ACTOR, type AuditEntryView } from './audit';
import { maskAuditQuery, maskQueryIdentifiers } from './audit-mask';
import { CORE_MESSAGES, formatCoreMessage, isMessageKey, type Lang } from './i18n/messages';
import { patientChangeText } from './patient-change-text';
import { counterSettingsFields } from './settings';

/**
 * How an audit entry is worded for people, in one language: its detail, its action and who
 * acted. One wording for the audit screen and the core's export of the trail (audit-export.ts),
 * so the file reads as the screen does; built over the shared catalogs by audit-wording.ts.
 */

/** What the details are worded with: t() over the audit's catalog and how the screens name units, payers, dates and error codes. */
export interface DetailWording {
  t: (key: string, options?: Record<string, unknown>) => string;
  /** A unit code as the facility names it ("UMUM" → "Poli Umum"). */
  unit: (code: string) => string;
  /** A payer code in words ("umum" → "Umum" / "Self-pay"). */
  payer: (code: string) => string;
  /** A calendar date (yyyy-mm-dd) as the screens write it. */
  date: (iso: string) => string;
  /** A core error code in words. */
  error: (code: string) => string;
}

/**
 * A core error code as the core words it, for the trail, which keeps the code but not its
 * parameters: each placeholder reads "…", never an empty gap. The trail's own words for a code
 * (audit-error-words.ts) come first; this is for a code they do not name.
 */
export function auditErrorText(lang: Lang, code: string): string {
  if (!isMessageKey(code)) return code;
  const names = [...CORE_MESSAGES[lang][code].matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
  return formatCoreMessage(lang, { code, params: Object.fromEntries(names.map((name) => [name, '…'])) });
}

/** Why a call failed in the trail's own words (audit-error-words.ts); another code as the core words it. */
const errorWords = (code: string, w: DetailWording): string => w.t(`audit.errors.${code}`, { defaultValue: w.error(code) });

/** A method as the name of an attempt: "Membuka kembali akun gagal", not "Akun dibuka kembali gagal". */
const attemptName = (method: string, w: DetailWording): string => w.t(`audit.attempts.${method}`, { defaultValue: w.t(`audit.methods.${method}`, { defaultValue: method }) });

/** Internal errors are stored without their text: their message would read "an error in the app: …" plus advice for the counter. */
const INTERNAL = new Set(['internal', 'internal/read-only']);

/** The method of an action whose entries do not store it (an import, an emergency), to name a failure of it. */
const METHOD_OF_ACTION: Record<string, string> = { import: 'importList', emergency: 'registerEmergency' };

const text = (v: unknown): string => (Array.isArray(v) ? v.join(', ') : v === null || v === undefined ? '' : String(v));
const has = (v: unknown): boolean => v !== undefined && v !== null && v !== '';

/** Settings fields are named by the settings screen's own labels; BPJS fields by the BPJS form's. */
const COUNTER_FIELDS = new Set(Object.keys(counterSettingsFields.shape));
const BPJS_FIELDS = new Set(['use', 'timeoutSeconds', 'slowSeconds', 'probeSeconds']);
const SERVICE_NAMES: Record<string, string> = { vclaim: 'VClaim', pcare: 'PCare' };

function fieldName(field: string, w: DetailWording): string {
  if (COUNTER_FIELDS.has(field)) return w.t(`settings.${field}`);
  if (BPJS_FIELDS.has(field)) return w.t(`bpjsAdmin.${field}`);
  return SERVICE_NAMES[field] ?? field;
}

/** What an export took out: the report's or file's name in words, the list it came from. */
function exportWhat(what: string, w: DetailWording): string {
  const [kind, ...rest] = what.split(':');
  const list = rest.join(':');
  if (kind === 'members' || kind === 'import-issues') return w.t(`audit.exportWhat.${kind}`, { list });
  return w.t(`audit.exportWhat.${kind}`, { defaultValue: what });
}

const verdictWord = (verdict: string, w: DetailWording): string =>
  verdict === 'eligible' ? w.t('verdict.eligible') : verdict === 'not-eligible' ? w.t('verdict.notEligible') : verdict === 'unknown' ? w.t('verdict.unknown') : verdict;

/**
 * An entry's detail in words for people, in the screen's language: payers, units, statuses and
 * field names as the screens call them, never `name: value` pairs. NIK and card numbers in a
 * query (or anywhere in an unexpected detail) are masked on screen too (the filter by NIK still
 * finds them). A detail this screen does not know is shown as it was stored, masked.
 */
export function detailText(entry: AuditEntryView, w: DetailWording): string {
  const d = entry.detail;
  const t = w.t;
  const method = text(d.method);
  const query = maskAuditQuery(text(d.query), d.queryKey);
  if (d.ok === false) {
    const how = entry.action === 'refused' || d.error === 'session/forbidden' || d.error === 'session/required' ? 'refused' : 'failed';
    const error = !has(d.error) ? '' : INTERNAL.has(text(d.error)) ? t('audit.detail.internalError') : errorWords(text(d.error), w);
    return t(`audit.detail.${how}`, { method: attemptName(method || (METHOD_OF_ACTION[entry.action] ?? entry.action), w), error });
  }
  switch (entry.action) {
    case 'lookup':
      if (method === 'lookupOnline') {
        const answer = t(`audit.bpjsAnswer.${text(d.bpjs) || 'failed'}`);
        return t('audit.detail.askedBpjs', { query, service: SERVICE_NAMES[text(d.service)] ?? '', answer });
      }
      if (method === 'findPatient' || method === 'likelyDuplicates') return t(`audit.detail.${method}`, { query, matches: text(d.matches) });
      return t('audit.detail.lookup', { query, matches: text(d.matches) });
    case 'register':
      if (!d.queue) return t('audit.detail.newRecord');
      return t(has(d.payer) ? 'audit.detail.visitPayer' : 'audit.detail.visit', { queue: text(d.queue), unit: w.unit(text(d.unit)), payer: has(d.payer) ? w.payer(text(d.payer)) : '' });
    case 'emergency':
      return t('audit.detail.emergency', { queue: text(d.queue) });
    case 'print':
      if (d.kind === 'view') return d.locked === true ? t('audit.detail.slipViewLocked') : t('audit.detail.slipViewOther', { registrar: actorText(text(d.registeredBy), w) });
      return t(`audit.detail.${d.kind === 'pdf' ? 'pdf' : 'print'}${d.reprint === true ? 'Again' : ''}`);
    case 'override':
      return t(`audit.warning.${text(d.warning)}`, { defaultValue: text(d.warning) });
    case 'payer-change': {
      const change = t('audit.detail.payerChange', { previous: has(d.previous) ? w.payer(text(d.previous)) : '–', payer: has(d.payer) ? w.payer(text(d.payer)) : '–' });
      const how = t(`audit.payerHow.${method}`, { defaultValue: method, verdict: has(d.verdict) ? verdictWord(text(d.verdict), w) : '–' });
      const joined = has(d.joinedRecord) ? t('audit.detail.joined', { mrn: text(d.joinedRecord) }) : '';
      return [`${how}: ${change}`, joined].filter(Boolean).join(' · ');
    }
    case 'visit-status': {
      const status = (v: unknown): string => (has(v) ? t(`queue.statuses.${text(v)}`, { defaultValue: text(v) }) : '–');
      if (method === 'recallVisit') {
        const where = { queue: text(d.queue), unit: w.unit(text(d.unit)) };
        return d.undo === true ? t('audit.detail.visitRecallUndone', where) : t('audit.detail.visitRecall', { ...where, calls: has(d.recalls) ? Number(d.recalls) + 1 : '–' });
      }
      return t('audit.detail.visitStatus', { queue: text(d.queue), unit: w.unit(text(d.unit)), previous: status(d.previous), status: status(d.status) });
    }
    case 'visit-move': {
      const status = has(d.previous) ? t(`queue.statuses.${text(d.previous)}`, { defaultValue: text(d.previous) }) : '–';
      const words = { queue: text(d.queue), unit: w.unit(text(d.unit)), previous: status, toQueue: text(d.toQueue), toUnit: w.unit(text(d.toUnit)) };
      return t(method === 'undoMoveVisit' ? 'audit.detail.visitMoveUndone' : 'audit.detail.visitMove', words);
    }
    case 'import':
      if (method === 'hubEdition') {
        return t('audit.detail.importFromHub', { kind: t(`listKind.${text(d.kind)}`, { defaultValue: text(d.kind) }), asOf: has(d.asOf) ? w.date(text(d.asOf)) : '–', rows: text(d.rows), edition: text(d.edition) });
      }
      return t('audit.detail.import', { kind: t(`listKind.${text(d.kind)}`, { defaultValue: text(d.kind) }), asOf: has(d.asOf) ? w.date(text(d.asOf)) : '–', rows: text(d.rows), rejected: text(d.rejected), edition: text(d.edition) });
    case 'rollback':
      return t('audit.detail.rollback', { edition: text(d.edition), rows: text(d.rows) });
    case 'settings': {
      const section = text(d.section);
      if (section === 'hub') {
        if (!has(d.facility)) return t('audit.detail.settingsHub');
        return t('audit.detail.settingsHubAt', { facility: text(d.facility), counter: text(d.counter), prefix: text(d.prefix), url: text(d.hubUrl) });
      }
      const names = (Array.isArray(d.changed) ? d.changed : Array.isArray(d.fields) ? d.fields : []).map((f) => fieldName(f, w));
      const key =
        section === 'bpjs' ? (method === 'hubBpjs' ? 'audit.detail.settingsBpjsFromHub' : 'audit.detail.settingsBpjs') : method === 'hubSettings' ? 'audit.detail.settingsFromHub' : 'audit.detail.settings';
      return t(key, { fields: names.length ? names.join(', ') : '–' });
    }
    case 'export': {
      // A recovery key or a backup is a file, not a table: no format, no rows.
      if (!has(d.format)) return t('audit.detail.exportSaved', { what: exportWhat(text(d.what), w) });
      const line = t('audit.detail.export', { what: exportWhat(text(d.what), w), format: text(d.format).toUpperCase(), rows: text(d.rows) || '–' });
      return d.full === true ? `${line} · ${t('audit.detail.fullNumbers')}` : line;
    }
    case 'login':
      return t('audit.detail.login', { how: t(`audit.methods.${method}`, { defaultValue: method }), username: text(d.username) });
    case 'login-failed': {
      const words = { how: t(`audit.methods.${method}`, { defaultValue: method }), username: text(d.username), error: has(d.error) ? errorWords(text(d.error), w) : '' };
      // The first-admin setup is no sign-in: its name tells what it would have done.
      return t(method === 'setupAdmin' ? 'audit.detail.setupAdminFailed' : 'audit.detail.loginFailed', words);
    }
    case 'account-change': {
      if (method === 'hubAccounts') return hubAccountText(d, w);
      if (method !== 'saveAccount') return t(`audit.methods.${method}`, { defaultValue: method });
      const parts = [
        has(d.role) ? t('audit.detail.role', { role: t(`role.${text(d.role)}`, { defaultValue: text(d.role) }) }) : '',
        d.passwordSet === true ? t('audit.detail.passwordSet') : '',
        d.pinSet === true ? t('audit.detail.pinSet') : '',
        d.disabled === true ? t('audit.detail.disabled') : '',
      ];
      return parts.filter(Boolean).join(' · ');
    }
    case 'patient-change':
      return patientChangeText(d, w);
    case 'patient-merge': {
      const line = t('audit.detail.patientMerge', { merged: text(d.mergedMrn), name: text(d.mergedName), visits: text(d.visitsMoved) });
      const field = (f: string): string => (f === 'nik' ? 'NIK' : f === 'card' ? 'No. JKN' : t(`patientEdit.fields.${f}`, { defaultValue: f }));
      const filled: string[] = Array.isArray(d.filled) ? d.filled.map(field) : [];
      if (has(d.oldMrnTaken)) filled.push(t('audit.detail.patientMergeOldMrn', { oldMrn: text(d.oldMrnTaken) }));
      const taken = filled.length ? ` · ${t('audit.detail.patientMergeFilled', { merged: text(d.mergedMrn), fields: filled.join(', ') })}` : '';
      const kept = Array.isArray(d.notFilled) && d.notFilled.length ? ` · ${t('audit.detail.patientMergeNotFilled', { fields: d.notFilled.map(field).join(', ') })}` : '';
      const alias = has(d.oldMrnAlias) ? ` · ${t('audit.detail.patientMergeOldMrnAlias', { oldMrn: text(d.oldMrnAlias) })}` : '';
      return `${line}${taken}${kept}${alias}`;
    }
    case 'restore':
      return restoreText(d, w);
    case 'rekey':
    case 'lock':
    case 'logout':
      return '';
    default: {
      const rest = Object.entries(d)
        .filter(([k]) => k !== 'queryKey')
        .map(([k, v]) => `${k}: ${text(v)}`)
        .join(' · ');
      return maskQueryIdentifiers(rest);
    }
  }
}

/** An account the hub added, changed or removed here: what changed, never a hash. */
function hubAccountText(d: AuditEntryView['detail'], w: DetailWording): string {
  const t = w.t;
  const role = (v: unknown): string => t(`role.${text(v)}`, { defaultValue: text(v) });
  const parts = [
    t(`audit.detail.hubAccount.${text(d.change)}`, { defaultValue: text(d.change) }),
    has(d.previousRole) ? t('audit.detail.roleChanged', { previous: role(d.previousRole), role: role(d.role) }) : has(d.role) ? t('audit.detail.role', { role: role(d.role) }) : '',
    d.nameChanged === true ? t('audit.detail.nameChanged') : '',
    d.passwordSet === true && d.change !== 'added' ? t('audit.detail.passwordSet') : '',
    d.pinSet === true ? t('audit.detail.pinSet') : d.pinCleared === true ? t('audit.detail.pinCleared') : '',
    d.disabled === true ? t('audit.detail.disabled') : d.disabled === false && d.change === 'changed' ? t('audit.detail.enabled') : '',
    d.tookOver === true ? t('audit.detail.tookOver') : '',
    has(d.problem) ? t(`audit.detail.hashProblem.${text(d.secret)}.${text(d.problem)}`, { defaultValue: text(d.problem) }) : '',
  ];
  return parts.filter(Boolean).join(' · ');
}

/** An entry's action in words ("lookup" → "Pencarian"); an action this catalog does not know, as stored. */
export function actionText(action: string, w: DetailWording): string {
  return w.t(`audit.actions.${action}`, { defaultValue: action });
}

/**
 * Who acted, as a person reads it: a username as it is; the names the trail and the register keep
 * for what no account did (nobody signed in, the facility hub, the `loket` command, the automatic
 * BPJS re-check, a counter in the hub's own log) in words, never their stored token. For the audit
 * screen, its export, the report exports' clerk column and `loket hub audit` alike.
 */
export function actorText(actor: string, w: DetailWording): string {
  if (actor === NO_SESSION_ACTOR || actor === LEGACY_NO_SESSION_ACTOR) return w.t('audit.noSession');
  if (actor === RECHECK_ACTOR) return w.t('audit.actorNames.recheck');
  if (actor.startsWith(HUB_ACTOR_PREFIX)) return w.t('audit.actorNames.hub', { facility: actor.slice(HUB_ACTOR_PREFIX.length) });
  if (actor.startsWith(CLI_ACTOR_PREFIX)) return w.t('audit.actorNames.cli', { user: actor.slice(CLI_ACTOR_PREFIX.length) });
  if (actor.startsWith(COUNTER_ACTOR_PREFIX)) return w.t('audit.actorNames.counter', { counter: actor.slice(COUNTER_ACTOR_PREFIX.length) });
  return actor;
}

/** A restore (`loket restore`): from which backup, and what the replaced database held beyond it and where it was kept. */
function restoreText(d: AuditEntryView['detail'], w: DetailWording): string {
  const t = w.t;
  const aside = has(d.aside) ? text(d.aside) : '–';
  const replaced =
    d.replaced === 'unreadable'
      ? t('audit.detail.restoreUnreadable', { aside })
      : d.replaced !== 'read'
        ? ''
        : d.setAside === null
          ? t('audit.detail.restoreOtherTrail', { seq: text(d.replacedSeq), registrations: text(d.registrationsSetAside), aside })
          : t('audit.detail.restoreSetAside', { entries: text(d.setAside), seq: text(d.replacedSeq), registrations: text(d.registrationsSetAside), aside });
  return [t('audit.detail.restore', { from: text(d.from), backupTime: text(d.backupTime), backupSeq: text(d.backupSeq) }), replaced, d.forced === true ? t('audit.detail.restoreForced') : '']
    .filter(Boolean)
    .join(' · ');
}
