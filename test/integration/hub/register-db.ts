import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { hubOp, type HubOp, type PatientRecord, type VisitRecord } from '../../../src/shared/hub-protocol';
import { m002Register } from '../../../src/hub/register/002-register';
import { m004Bpjs } from '../../../src/hub/bpjs/004-bpjs';
import { m011VisitUnits } from '../../../src/hub/register/011-visit-units';
import { m012RegisterEpochs } from '../../../src/hub/register/012-register-epochs';
import { m013QueueOrder } from '../../../src/hub/register/013-queue-order';
import { m015OldMrn } from '../../../src/hub/register/015-old-mrn';
import { m017CallTime } from '../../../src/hub/register/017-call-time';
import type { TestPostgres } from '../../helpers/embedded-pg';

/**
 * What the register needs of migration 001 (hub-service builds it in parallel): the revision
 * sequence, the facility settings row and the counters table the push route updates.
 */
const FROM_001 = `
CREATE SEQUENCE IF NOT EXISTS hub_rev;
CREATE TABLE IF NOT EXISTS facility_settings (id integer PRIMARY KEY CHECK (id = 1), json jsonb NOT NULL, rev bigint NOT NULL);
CREATE TABLE IF NOT EXISTS counters (id text PRIMARY KEY, name text, outbox_backlog integer NOT NULL DEFAULT 0);`;

let databases = 0;

/** A fresh database on the test server with the register schema; close the pool at the end. */
export async function registerDb(server: TestPostgres, settings?: Record<string, unknown>): Promise<pg.Pool> {
  const url = await server.createDatabase(`register_${process.pid}_${++databases}`);
  const pool = new pg.Pool({ connectionString: url, max: 24 });
  // The test server stops after the file: a connection still closing then is told so; not a failure.
  pool.on('error', () => undefined);
  await pool.query(FROM_001);
  await pool.query(m002Register.sql);
  await pool.query(m004Bpjs.sql); // the pull reports a change of the facility's BPJS access
  await pool.query(m011VisitUnits.sql); // a visit moved to another unit (visit.unit)
  await pool.query(m012RegisterEpochs.sql); // the pull route answers the register's lineage
  await pool.query(m013QueueOrder.sql); // a visit's arrival on the hub's clock (queue order)
  await pool.query(m015OldMrn.sql); // a patient's old RM (from before Loket)
  await pool.query(m017CallTime.sql); // a visit's first call on the hub's clock (the waits)
  if (settings) await pool.query(`INSERT INTO facility_settings (id, json, rev) VALUES (1, $1, nextval('hub_rev'))`, [JSON.stringify(settings)]);
  return pool;
}

/** Empties the register (for property runs on one database: a database per run costs more than the run). */
export async function resetRegister(pool: pg.Pool): Promise<void> {
  await pool.query(`TRUNCATE patients, visits, follow_ups, prints, rechecks, notices, mrn_aliases, applied_ops, queue_numbers, queue_claims, mrn_blocks;
    UPDATE mrn_sequence SET next = 1`);
}

// ---- records and ops as a counter would send them ----

const BASE = Date.parse('2026-11-30T01:00:00.000Z');
/** An ISO instant `minutes` after a fixed morning (ops' clocks are explicit in every test). */
export const at = (minutes: number): string => new Date(BASE + minutes * 60_000).toISOString();

export function patient(overrides: Partial<PatientRecord> = {}): Omit<PatientRecord, 'mergedInto'> {
  return {
    uid: uuidv7(),
    mrn: '000001',
    nik: null,
    card: null,
    name: 'SITI AMINAH',
    dob: '1980-05-17',
    sex: 'P',
    address: 'JL. MERDEKA 1',
    identified: true,
    createdAt: at(0),
    updatedAt: at(0),
    ...overrides,
  };
}

export function visit(patientUid: string, overrides: Partial<VisitRecord> = {}): VisitRecord {
  return {
    uid: uuidv7(),
    patientUid,
    serviceDate: '2026-11-30',
    unit: 'UMUM',
    queuePrefix: 'U',
    queueNo: 1,
    emergency: false,
    payer: 'jkn',
    verdict: 'active',
    verdictSource: 'list',
    status: 'waiting',
    registeredAt: at(0),
    registeredBy: 'clerk',
    calledAt: null,
    servedAt: null,
    cancelledAt: null,
    counter: 'k1',
    ...overrides,
  };
}

type OpBody<K extends HubOp['kind']> = Omit<Extract<HubOp, { kind: K }>, 'opId' | 'at' | 'kind'>;
/** An op of `kind` made at `atIso`, with a fresh opId. */
export function op<K extends HubOp['kind']>(kind: K, atIso: string, body: OpBody<K>): HubOp {
  // Parsed with the protocol's schema: every op a test sends is one a counter could send.
  return hubOp.parse({ opId: uuidv7(), at: atIso, kind, ...body });
}

export const patientOp = (record: Omit<PatientRecord, 'mergedInto'>, atIso = record.updatedAt): HubOp => op('patient', atIso, { record });
export const visitOp = (record: VisitRecord, atIso = record.registeredAt): HubOp => op('visit', atIso, { record });
export const statusOp = (uid: string, atIso: string, status: VisitRecord['status'], times: Partial<Pick<VisitRecord, 'calledAt' | 'servedAt' | 'cancelledAt'>> = {}): HubOp =>
  op('visit.status', atIso, { uid, status, calledAt: times.calledAt ?? null, servedAt: times.servedAt ?? null, cancelledAt: times.cancelledAt ?? null });

/** Every table's (uid, rev) as text: to see that nothing changed. */
export async function snapshot(pool: pg.Pool): Promise<string> {
  const tables = ['patients', 'visits', 'follow_ups', 'prints', 'rechecks', 'notices'];
  const parts = await Promise.all(tables.map(async (t) => (await pool.query(`SELECT uid, rev FROM ${t} ORDER BY uid`)).rows));
  const aliases = (await pool.query('SELECT mrn, patient_uid, rev FROM mrn_aliases ORDER BY mrn')).rows;
  return JSON.stringify([parts, aliases]);
}
