/**
 * A counter in a process of its own for the on-disk scan (no-plaintext-on-disk.test.ts): its
 * TMPDIR and SQLITE_TMPDIR point into the scanned folders, so whatever it or SQLite writes as a
 * temporary file is scanned too, and an import can be killed with SIGKILL mid-way
 * (LOKET_TEST_PAUSE_AT). Usage: node --import tsx counter-child.ts '<json Job>'.
 * Prints `LOKET_DONE <json results>` at the end (stdout only, never a file).
 */
import { createCore, type CoreConfig } from '../../../src/core/core';
import type { SlipPrinter } from '../../../src/core/slips/slips';
import { startDemoBpjs } from '../../../src/harness/demo-bpjs';

export type Step =
  | { import: { file: string; list: string; asOf: string } }
  | { register: { name: string; nik: string | null; card: string | null; dob: string }[] }
  | { bpjs: string }
  | { enroll: string }
  | { sync: true }
  | { lookup: string };

export interface Job {
  dbPath: string;
  key: string | null;
  workerScript: string | null;
  steps: Step[];
}

/** Slips go to a printer in the app (Electron, the OS spooler): here nowhere, after the core has done its part. */
const printer: SlipPrinter = {
  print: async () => {},
  toPdf: async () => Buffer.from('%PDF-1.4\n%%EOF\n'),
};

async function main(job: Job): Promise<unknown[]> {
  const config: CoreConfig = {
    dbPath: job.dbPath,
    workerScript: job.workerScript,
    bpjsBackground: false,
    hubBackground: false,
    printer,
    ...(job.key ? { key: job.key } : {}),
  };
  const core = createCore(config);
  const results: unknown[] = [];
  const closers: (() => Promise<void>)[] = [];
  try {
    for (const step of job.steps) {
      if ('import' in step) {
        const report = await core.importList({ file: core.registerFile(step.import.file, 'open-list').handle, list: step.import.list, kind: 'pbi-apbd', asOf: step.import.asOf });
        results.push({ imported: report.rows.imported });
      } else if ('register' in step) {
        for (const person of step.register) {
          const patient = await core.createPatient(person);
          const found = await core.lookup({ query: person.nik ?? person.name });
          const visit = await core.registerVisit({ patientId: patient.id, unit: 'UMUM', verdict: found.verdict === 'eligible' ? 'eligible' : 'unknown', confirmDuplicate: true });
          await core.printSlip({ visitId: visit.id });
        }
        results.push({ registered: step.register.length });
      } else if ('bpjs' in step) {
        const sim = await startDemoBpjs(core, 'vclaim');
        closers.push(() => sim.close());
        const answer = await core.lookupOnline({ query: step.bpjs });
        results.push({ online: answer.online?.status ?? null });
      } else if ('enroll' in step) {
        await core.enrollHub({ code: step.enroll });
        results.push({ enrolled: true });
      } else if ('sync' in step) {
        results.push({ editions: (await core.syncNow({})).editions });
      } else {
        results.push({ verdict: (await core.lookup({ query: step.lookup })).verdict });
      }
    }
  } finally {
    for (const close of closers) await close();
    core.close();
  }
  return results;
}

main(JSON.parse(process.argv[2]!) as Job)
  .then((results) => {
    process.stdout.write(`LOKET_DONE ${JSON.stringify(results)}\n`);
  })
  .catch((error: unknown) => {
    process.stdout.write(`LOKET_FAILED ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
