import type { HubMigration } from '../pg/migration';

/**
 * The hub's queue sequences learn the numbers already in the register. Until now a sequence
 * counted only the numbers the hub itself handed out, so a visit pushed with a number of its own
 * (a counter that numbered alone before it enrolled: plain `U-003`) left the sequence behind, and
 * the hub then gave `U-003` again. From here every pushed visit moves its sequence past its
 * number (visit-ops.ts); this brings the sequences of the register as it stands to the same
 * point. The index finds the visits sharing a number (the `same-queue-number` notice).
 */
export const m008QueueNumbers: HubMigration = {
  version: 8,
  name: 'queue-numbers',
  sql: `
CREATE INDEX visits_number ON visits (service_date, unit, queue_prefix, queue_no);
INSERT INTO queue_numbers (unit, service_date, prefix, next)
SELECT unit, service_date, queue_prefix, max(queue_no) FROM visits GROUP BY unit, service_date, queue_prefix
ON CONFLICT (unit, service_date, prefix) DO UPDATE SET next = GREATEST(queue_numbers.next, EXCLUDED.next);
`,
};
