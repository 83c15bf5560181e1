import { describe, expect, it } from 'vitest';
import type { LoketApi, MethodInput, Result } from '../../../src/shared/contract';
import type { RestoreView } from '../../../src/shared/database-restore';
import type { ChosenFile } from '../../../src/shared/file-handle';
import type { LoketHarnessApi } from '../../../src/shared/harness-api';
import { chooseNext, isForceable, refusalKey, runRestore } from '../../../src/renderer/src/features/security/restore-flow';
import { reportLines } from '../../../src/renderer/src/features/security/restore-report-lines';

const BACKUP: ChosenFile = { handle: 'bbbbbbbbbbbbbbbbbbbbbb', name: 'loket-cadangan.db' };
const KEY: ChosenFile = { handle: 'kkkkkkkkkkkkkkkkkkkkkk', name: 'loket-kunci-pemulihan.txt' };

/** A dialog answering each purpose with its file (or null: closed). */
function dialog(answers: Partial<Record<string, ChosenFile | null>>, harness: LoketHarnessApi | null = null) {
  const asked: MethodInput<'pickFile'>[] = [];
  const pickFile: LoketApi['pickFile'] = async (input) => {
    asked.push(input);
    return { ok: true, value: { file: answers[input.purpose] ?? null } };
  };
  return { sources: { pickFile, harness }, asked };
}

const VIEW: RestoreView = {
  backup: 'loket-cadangan.db',
  backupFileTime: '2026-11-30T12:00:00.000Z',
  lastRegistration: null,
  patients: 3,
  visits: 4,
  lists: [],
  keyFile: '/data/loket.db.key',
  keySealed: true,
  aside: '/data/loket.db.sebelum-pemulihan-2026-12-01T1000',
  asideHolds: { kind: 'later', registrations: 2, last: '2026-12-01T02:00:00.000Z', entries: 9, seq: 40 },
  unsentAside: { changes: 5, registrations: 2 },
  numbersCarried: true,
  hubNote: 'enrolled-sync',
  recorded: 31,
};

describe('restoring from the data-security section', () => {
  it('asks for the backup, then its recovery key, then confirms with both names', async () => {
    const d = dialog({ 'open-backup': BACKUP, 'open-key': KEY });
    expect(await chooseNext(d.sources, { force: false, backup: null })).toEqual({ kind: 'confirm', force: false, backup: BACKUP, keyFile: KEY });
    expect(d.asked.map((a) => a.purpose)).toEqual(['open-backup', 'open-key']);
  });

  it('a closed dialog ends it: nothing is restored', async () => {
    expect(await chooseNext(dialog({ 'open-backup': BACKUP }).sources, { force: false, backup: null })).toEqual({ kind: 'idle' });
  });

  it('the harness asks for typed paths, the backup first', async () => {
    const typed: string[] = [];
    const harness: LoketHarnessApi = {
      registerTypedPath: async ({ path, purpose }) => {
        typed.push(`${purpose} ${path}`);
        return { ok: true, value: purpose === 'open-backup' ? BACKUP : KEY };
      },
    };
    const d = dialog({}, harness);
    expect(await chooseNext(d.sources, { force: false, backup: null })).toEqual({ kind: 'ask', force: false, backup: null });
    expect(await chooseNext(d.sources, { force: false, backup: null }, '/usb/cadangan.db')).toEqual({ kind: 'ask', force: false, backup: BACKUP });
    expect(await chooseNext(d.sources, { force: false, backup: BACKUP }, '/usb/kunci.txt')).toEqual({ kind: 'confirm', force: false, backup: BACKUP, keyFile: KEY });
    expect(typed).toEqual(['open-backup /usb/cadangan.db', 'open-key /usb/kunci.txt']);
  });

  it('sends force only after the second confirmation asked for it; a refusal comes back as its code', async () => {
    const sent: MethodInput<'restoreBackup'>[] = [];
    const answers: Result<RestoreView>[] = [{ ok: false, error: { code: 'restore/unsent', params: { changes: 5, registrations: 2 } } }, { ok: true, value: VIEW }];
    const api: Pick<LoketApi, 'restoreBackup'> = {
      restoreBackup: async (input) => {
        sent.push(input);
        return answers.shift()!;
      },
    };
    const refused = await runRestore(api, { kind: 'confirm', force: false, backup: BACKUP, keyFile: KEY });
    expect(refused).toEqual({ kind: 'refused', error: { code: 'restore/unsent', params: { changes: 5, registrations: 2 } } });
    expect(refused.kind === 'refused' && isForceable(refused.error)).toBe(true);
    expect(await runRestore(api, { kind: 'confirm', force: true, backup: BACKUP, keyFile: KEY })).toEqual({ kind: 'done', view: VIEW });
    expect(sent).toEqual([
      { backup: BACKUP.handle, keyFile: KEY.handle },
      { backup: BACKUP.handle, keyFile: KEY.handle, force: true },
    ]);
  });

  it('only unsent changes and a backup from before the enrolment may be forced; each refusal has the screen\'s words', () => {
    expect(isForceable({ code: 'restore/before-enrolment' })).toBe(true);
    expect(isForceable({ code: 'restore/wrong-key' })).toBe(false);
    expect(isForceable({ code: 'restore/damaged' })).toBe(false);
    expect(refusalKey({ code: 'restore/wrong-key' })).toBe('security.restoreWrongKey');
    expect(refusalKey({ code: 'restore/not-a-backup' })).toBe('security.restoreDamaged');
    expect(refusalKey({ code: 'session/forbidden' })).toBeNull();
  });

  it('the report says what loket restore says, in its order, and marks what must not be overlooked', () => {
    const lines = reportLines(VIEW, (iso) => `<${iso}>`);
    expect(lines.map((l) => l.id)).toEqual(['backup', 'counts', 'lists', 'key', 'aside', 'holds', 'unsent', 'numbers', 'hub', 'recorded', 'next']);
    expect(lines.find((l) => l.id === 'holds')).toMatchObject({ key: 'security.reportAsideHolds', params: { registrations: 2, last: '<2026-12-01T02:00:00.000Z>', entries: 9, seq: 40 }, warn: true });
    expect(lines.find((l) => l.id === 'hub')).toMatchObject({ key: 'security.reportHub-enrolled-sync', warn: true });
    expect(lines.find((l) => l.id === 'key')?.key).toBe('security.reportKeySealed');
    expect(lines[0]!.params).toEqual({ backup: 'loket-cadangan.db', time: '<2026-11-30T12:00:00.000Z>', last: '–' });
    const plain = reportLines({ ...VIEW, aside: null, asideHolds: null, unsentAside: null, numbersCarried: false, hubNote: null, recorded: null, keyFile: null }, (iso) => iso);
    expect(plain.map((l) => l.key)).toEqual(['security.reportBackup', 'security.reportCounts', 'security.reportNoLists', 'security.reportNothingAside', 'security.reportNext']);
  });
});
