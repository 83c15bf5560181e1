import { SQL_NOW, SQL_UUID7 } from '../../sync/uuid';
import type { Migration } from './index';

/**
 * Sync with the facility hub (docs/hub.md, "The counter side of sync").
 *
 * - Every synced row gets a global id (`uid`, UUIDv7), backfilled here and filled for every new
 *   row by a trigger when the insert did not give one: no insert path, present or future, can
 *   leave a row without.
 * - `outbox`: one entry per local change of a synced table, appended by triggers (so every write
 *   path is caught) while the counter is enrolled and not applying records pulled from the hub.
 *   An entry names the row; the op sent is built from the row's current state when pushed.
 *   Its time is SQLite's clock, not the core's: a trigger cannot count on an application function
 *   being registered on whatever connection writes, and the hub compares these times across
 *   counters, where only the real clock means anything.
 * - `outbox_rejected`: ops the hub refused, with its reason; kept for a person to look at.
 * - `sync_state`: one row (enrolled, applying, cursor, counter id, offline prefix).
 * - `mrn_blocks`: record-number sequence values the hub reserved for this counter.
 * - `patient_aliases`: record numbers of merged patients, naming the survivor.
 * - `hub_notices`: what the hub wants a person to look at.
 */
const SYNCED = ['patients', 'visits', 'follow_ups', 'print_log', 'rechecks'] as const;

/** True while the counter is enrolled and the change is its own (not a pulled record being applied). */
export const OUTBOX_ACTIVE = `(SELECT enrolled = 1 AND applying = 0 FROM sync_state WHERE id = 1)`;

const PATIENT_FIELDS = ['mrn', 'nik', 'card', 'name', 'dob', 'sex', 'address', 'identified'] as const;
const VISIT_STATUS_FIELDS = ['status', 'called_at', 'served_at', 'cancelled_at'] as const;
const FOLLOW_UP_FIELDS = ['kind', 'reason', 'due_at', 'closed_at', 'resolution'] as const;

export const changed = (fields: readonly string[]): string => fields.map((f) => `NEW.${f} IS NOT OLD.${f}`).join(' OR ');
const enqueue = (kind: string): string => `INSERT INTO outbox (op_id, kind, row_id, at) VALUES (${SQL_UUID7}, '${kind}', NEW.id, ${SQL_NOW});`;

export function outboxTrigger(name: string, event: string, table: string, kind: string, when = ''): string {
  return `CREATE TRIGGER ${name} AFTER ${event} ON ${table} WHEN ${OUTBOX_ACTIVE}${when ? ` AND (${when})` : ''} BEGIN ${enqueue(kind)} END;`;
}

export const m008Sync: Migration = {
  version: 8,
  name: 'sync',
  up(db) {
    for (const table of SYNCED) {
      db.exec(`ALTER TABLE ${table} ADD COLUMN uid TEXT`);
      // One statement per row: each row draws its own random bits.
      db.exec(`UPDATE ${table} SET uid = ${SQL_UUID7}`);
      db.exec(`CREATE UNIQUE INDEX ${table}_uid ON ${table}(uid)`);
      db.exec(`CREATE TRIGGER ${table}_uid_fill AFTER INSERT ON ${table} WHEN NEW.uid IS NULL BEGIN UPDATE ${table} SET uid = ${SQL_UUID7} WHERE id = NEW.id; END;`);
    }
    db.exec(`
      CREATE TABLE sync_state (
        id             INTEGER PRIMARY KEY CHECK (id = 1),
        enrolled       INTEGER NOT NULL DEFAULT 0,
        applying       INTEGER NOT NULL DEFAULT 0,  -- set only inside the transaction applying a pull
        cursor         INTEGER NOT NULL DEFAULT 0,  -- the last hub revision applied
        counter_id     TEXT,
        offline_prefix TEXT
      );
      INSERT INTO sync_state (id) VALUES (1);

      CREATE TABLE outbox (
        seq    INTEGER PRIMARY KEY,
        op_id  TEXT NOT NULL UNIQUE,               -- never changes: a repeated push repeats it
        kind   TEXT NOT NULL,
        row_id INTEGER NOT NULL,
        at     TEXT NOT NULL
      );
      CREATE INDEX outbox_row ON outbox(row_id, kind);

      CREATE TABLE outbox_rejected (
        seq         INTEGER PRIMARY KEY,
        op_id       TEXT NOT NULL UNIQUE,
        kind        TEXT NOT NULL,
        row_id      INTEGER NOT NULL,
        at          TEXT NOT NULL,
        reason      TEXT NOT NULL,
        rejected_at TEXT NOT NULL
      );

      CREATE TABLE mrn_blocks (
        first INTEGER NOT NULL PRIMARY KEY,
        last  INTEGER NOT NULL CHECK (last >= first),
        next  INTEGER NOT NULL                     -- next > last: used up
      );

      CREATE TABLE patient_aliases (
        mrn        TEXT PRIMARY KEY,
        patient_id INTEGER NOT NULL REFERENCES patients(id) ON DELETE CASCADE
      );

      CREATE TABLE hub_notices (
        uid      TEXT PRIMARY KEY,
        kind     TEXT NOT NULL,
        at       TEXT NOT NULL,
        subjects TEXT NOT NULL,                    -- JSON array of uids
        params   TEXT NOT NULL,                    -- JSON object
        seen_at  TEXT
      );
    `);
    const triggers = [
      outboxTrigger('outbox_patient_insert', 'INSERT', 'patients', 'patient'),
      outboxTrigger('outbox_patient_update', `UPDATE OF ${PATIENT_FIELDS.join(', ')}`, 'patients', 'patient', changed(PATIENT_FIELDS)),
      outboxTrigger('outbox_visit_insert', 'INSERT', 'visits', 'visit'),
      outboxTrigger('outbox_visit_status', `UPDATE OF ${VISIT_STATUS_FIELDS.join(', ')}`, 'visits', 'visit.status', changed(VISIT_STATUS_FIELDS)),
      outboxTrigger('outbox_visit_payer', 'UPDATE OF payer', 'visits', 'visit.payer', changed(['payer'])),
      outboxTrigger('outbox_visit_patient', 'UPDATE OF patient_id', 'visits', 'visit.patient', changed(['patient_id'])),
      outboxTrigger('outbox_follow_up_insert', 'INSERT', 'follow_ups', 'followUp'),
      outboxTrigger('outbox_follow_up_update', `UPDATE OF ${FOLLOW_UP_FIELDS.join(', ')}`, 'follow_ups', 'followUp', changed(FOLLOW_UP_FIELDS)),
      outboxTrigger('outbox_print_insert', 'INSERT', 'print_log', 'print'),
      outboxTrigger('outbox_recheck_insert', 'INSERT', 'rechecks', 'recheck'),
    ];
    for (const trigger of triggers) db.exec(trigger);
  },
};
