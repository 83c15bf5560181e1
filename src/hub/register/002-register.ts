import type { HubMigration } from '../pg/migration';

/**
 * The facility's register: patients, visits, follow-ups, prints, re-checks, notices, the applied ops,
 * queue numbers and record-number (RM) blocks. Every synced table carries `rev` (from `hub_rev`,
 * migration 001) with an index, so a pull is one ordered range scan per table.
 *
 * Instants are kept as the ISO text the counters sent (they come back byte for byte) and compared
 * as `::timestamptz` where order matters (the last-writer-wins clocks `*_at`).
 */
export const m002Register: HubMigration = {
  version: 2,
  name: 'register',
  sql: `
CREATE TABLE patients (
  uid uuid PRIMARY KEY,
  mrn text NOT NULL,
  nik text,
  card text,
  name text NOT NULL,
  name_key text NOT NULL,
  dob text,
  sex text,
  address text,
  identified boolean NOT NULL,
  created_at text NOT NULL,
  updated_at text NOT NULL,
  merged_into uuid REFERENCES patients(uid),
  rev bigint NOT NULL,
  changed_at timestamptz NOT NULL,
  origin_counter text NOT NULL
);
CREATE INDEX patients_rev ON patients (rev);
CREATE INDEX patients_live_nik ON patients (nik) WHERE merged_into IS NULL AND nik IS NOT NULL;
CREATE INDEX patients_live_card ON patients (card) WHERE merged_into IS NULL AND card IS NOT NULL;
CREATE INDEX patients_name_dob ON patients (name_key, dob) WHERE merged_into IS NULL;
CREATE INDEX patients_mrn ON patients (mrn);

CREATE TABLE visits (
  uid uuid PRIMARY KEY,
  patient_uid uuid NOT NULL REFERENCES patients(uid),
  service_date text NOT NULL,
  unit text NOT NULL,
  queue_prefix text NOT NULL,
  queue_no integer NOT NULL,
  emergency boolean NOT NULL,
  payer text NOT NULL,
  verdict text,
  verdict_source text,
  status text NOT NULL,
  registered_at text NOT NULL,
  registered_by text NOT NULL,
  called_at text,
  served_at text,
  cancelled_at text,
  counter text NOT NULL,
  rev bigint NOT NULL,
  status_at timestamptz NOT NULL,
  payer_at timestamptz NOT NULL,
  patient_at timestamptz NOT NULL
);
CREATE INDEX visits_rev ON visits (rev);
CREATE INDEX visits_patient ON visits (patient_uid);
CREATE INDEX visits_day_unit ON visits (service_date, unit);

CREATE TABLE follow_ups (
  uid uuid PRIMARY KEY,
  visit_uid uuid NOT NULL REFERENCES visits(uid),
  kind text NOT NULL,
  reason text NOT NULL,
  due_at text NOT NULL,
  created_at text NOT NULL,
  closed_at text,
  resolution text,
  rev bigint NOT NULL,
  changed_at timestamptz NOT NULL
);
CREATE INDEX follow_ups_rev ON follow_ups (rev);

CREATE TABLE prints (
  uid uuid PRIMARY KEY,
  visit_uid uuid NOT NULL REFERENCES visits(uid),
  printed_at text NOT NULL,
  clerk text NOT NULL,
  kind text NOT NULL,
  paper text NOT NULL,
  printer text,
  rev bigint NOT NULL
);
CREATE INDEX prints_rev ON prints (rev);

CREATE TABLE rechecks (
  uid uuid PRIMARY KEY,
  visit_uid uuid NOT NULL REFERENCES visits(uid),
  checked_at text NOT NULL,
  service text NOT NULL,
  before text,
  after text NOT NULL,
  live_status text,
  action text NOT NULL,
  rev bigint NOT NULL
);
CREATE INDEX rechecks_rev ON rechecks (rev);

CREATE TABLE notices (
  uid uuid PRIMARY KEY,
  kind text NOT NULL,
  at text NOT NULL,
  subjects uuid[] NOT NULL,
  params jsonb NOT NULL,
  rev bigint NOT NULL
);
CREATE INDEX notices_rev ON notices (rev);

CREATE TABLE mrn_aliases (
  mrn text PRIMARY KEY,
  patient_uid uuid NOT NULL REFERENCES patients(uid),
  rev bigint NOT NULL
);
CREATE INDEX mrn_aliases_rev ON mrn_aliases (rev);

-- Only ops that changed the register (or found their record already there) are kept: a rejected
-- op is not, so the counter's retry is judged again.
CREATE TABLE applied_ops (
  op_id uuid PRIMARY KEY,
  counter_id text NOT NULL,
  kind text NOT NULL,
  applied_at timestamptz NOT NULL,
  status text NOT NULL
);

CREATE TABLE queue_numbers (
  unit text NOT NULL,
  service_date text NOT NULL,
  prefix text NOT NULL,
  next integer NOT NULL,
  PRIMARY KEY (unit, service_date, prefix)
);
CREATE TABLE queue_claims (
  visit_uid uuid PRIMARY KEY,
  unit text NOT NULL,
  service_date text NOT NULL,
  prefix text NOT NULL,
  queue_no integer NOT NULL
);

-- The facility's RM numbers: one row, not a PostgreSQL SEQUENCE, because a block must be one
-- contiguous range taken atomically (a row lock does that; nextval calls interleave) and because
-- the hub moves it past RMs it sees in pushes (GREATEST, never backwards).
CREATE TABLE mrn_sequence (
  id integer PRIMARY KEY CHECK (id = 1),
  next bigint NOT NULL
);
INSERT INTO mrn_sequence (id, next) VALUES (1, 1);
CREATE TABLE mrn_blocks (
  counter_id text NOT NULL,
  first bigint NOT NULL,
  last bigint NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX mrn_blocks_counter ON mrn_blocks (counter_id);
`,
};
