import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright';
import type { BpjsSettingsForm } from '../../../src/shared/bpjs';
import { SAMPLE_ON_BPJS, simSettingsForm } from '../../helpers/bpjs-members';
import { writeSampleCsv } from '../../helpers/sample-list';
import { startBpjsSimulator, type BpjsSimulator } from '../../../src/simulators/bpjs-simulator';
import { openCounter, type Counter } from './counter';
import { useFixtures } from './ui';

/** "Now" for the BPJS tests: 23 Nov 2026 10.00 WIB, three weeks after the sample list (as of 1 Nov). */
export const BPJS_NOW = Date.parse('2026-11-23T03:00:00Z');
/** The probe interval in these tests: BPJS coming back is noticed within a fraction of a second. */
export const PROBE_MS = 250;

export interface BpjsCounter extends Counter {
  sim: BpjsSimulator;
  /** The core's and the simulator's clock (epoch ms); the tests move it (the breaker's cool-down). */
  clock: { t: number };
  /** Saves VClaim settings (the simulator's credentials) through the core, as an IT officer would have. */
  configure(over?: Partial<BpjsSettingsForm>): Promise<void>;
}

/**
 * A fresh counter with the sample list (PBI APBD as of 1 Nov 2026) and the BPJS simulator
 * knowing its people (SAMPLE_ON_BPJS); BPJS is not configured until `configure()` or the
 * settings screen. One browser per file, no page errors allowed.
 */
export function useBpjsCounters(): { open: (viewport?: { width: number; height: number }) => Promise<BpjsCounter> } {
  return useFixtures(openBpjsCounter);
}

async function openBpjsCounter(browser: Browser, viewport = { width: 1366, height: 768 }): Promise<BpjsCounter> {
  const clock = { t: BPJS_NOW };
  const sim = await startBpjsSimulator({ members: SAMPLE_ON_BPJS, now: () => clock.t });
  const dir = await mkdtemp(join(tmpdir(), 'loket-e2e-bpjs-'));
  const csv = await readFile(writeSampleCsv(dir), 'utf8');
  await rm(dir, { recursive: true, force: true });
  const counter = await openCounter(browser, [{ name: 'PBI APBD', kind: 'pbi-apbd', asOf: '2026-11-01', csv }], viewport, {
    core: { now: () => new Date(clock.t), bpjsProbeMs: PROBE_MS },
    browserNow: new Date(BPJS_NOW),
  });
  return {
    ...counter,
    sim,
    clock,
    async configure(over = {}) {
      await counter.harness.core.saveBpjsSettings(simSettingsForm(sim, over));
    },
    async close() {
      await counter.close();
      await sim.close();
    },
  };
}
