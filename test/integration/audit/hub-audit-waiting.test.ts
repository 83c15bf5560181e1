import { expect, it } from 'vitest';
import { applyPull } from '../../../src/core/sync/apply-pull';
import { readSettings } from '../../../src/core/settings/settings.repo';
import type { PullResponse } from '../../../src/shared/hub-protocol';
import { SITI } from '../../helpers/sample-list';
import { useTempDir } from '../../helpers/temp';
import { allEntries, auditCore, callOk } from './audit-core';

const tempDir = useTempDir();

const pullWith = (settings: Record<string, unknown>): PullResponse =>
  ({ cursor: 1, more: false, patients: [], visits: [], followUps: [], prints: [], rechecks: [], aliases: [], notices: [], settings }) as unknown as PullResponse;

it("settings from the hub applied while a look-up's entry still waits: both are written, in order, and the pull is not undone", async () => {
  const { core } = auditCore(tempDir());
  await callOk(core, 'lookup', { query: SITI.nik });
  // In the same turn as the look-up's answer: its entry waits (appendAuditSoon) and is written inside the pull's transaction.
  const applied = applyPull(core.db, pullWith({ followUpHours: 24 }), new Date());
  expect(applied.settings?.followUpHours).toBe(24);
  expect(readSettings(core.db).followUpHours).toBe(24);
  const entries = await allEntries(core);
  expect(entries.slice(-2).map((e) => [e.actor.startsWith('hub:') ? 'hub' : 'clerk', e.action, e.detail.changed ?? e.detail.queryKey])).toEqual([
    ['clerk', 'lookup', SITI.nik],
    ['hub', 'settings', ['followUpHours']],
  ]);
  expect(await callOk(core, 'verifyAudit', {})).toMatchObject({ ok: true });
  core.close();
});
