import { describe, expect, it } from 'vitest';
import type { LoketApi, MethodInput, Result } from '../../../src/shared/contract';
import type { ChosenFile, FilePurpose } from '../../../src/shared/file-handle';
import type { LoketHarnessApi } from '../../../src/shared/harness-api';
import { chooseFile } from '../../../src/renderer/src/files/choose-file';

const FILE: ChosenFile = { handle: 'abcdefghijklmnopqrstuv', name: 'daftar.csv' };

/** A dialog that answers `answer`, and records what it was asked. */
function dialog(answer: Result<{ file: ChosenFile | null }>) {
  const asked: MethodInput<'pickFile'>[] = [];
  const pickFile: LoketApi['pickFile'] = async (input) => {
    asked.push(input);
    return answer;
  };
  return { pickFile, asked };
}

/** The harness's typed-path registration, recording the paths it was given. */
function harness(answer: Result<ChosenFile> = { ok: true, value: FILE }) {
  const typed: { path: string; purpose: FilePurpose }[] = [];
  const api: LoketHarnessApi = {
    async registerTypedPath(input) {
      typed.push(input);
      return answer;
    },
  };
  return { api, typed };
}

describe('chooseFile', () => {
  it('a dialog\'s choice is used as it came: handle and name, nothing typed', async () => {
    const d = dialog({ ok: true, value: { file: FILE } });
    const h = harness();
    expect(await chooseFile({ pickFile: d.pickFile, harness: h.api }, { purpose: 'save-csv', suggestedName: 'laporan.csv' })).toEqual({ kind: 'chosen', file: FILE });
    expect(d.asked).toEqual([{ purpose: 'save-csv', suggestedName: 'laporan.csv' }]);
    expect(h.typed).toEqual([]);
  });

  it('in the desktop app a closed dialog is the end of it: no path field', async () => {
    const d = dialog({ ok: true, value: { file: null } });
    expect(await chooseFile({ pickFile: d.pickFile, harness: null }, { purpose: 'open-list' })).toEqual({ kind: 'cancelled' });
  });

  it('in the harness (no dialogs) the screen is told to ask for a path', async () => {
    const d = dialog({ ok: true, value: { file: null } });
    expect(await chooseFile({ pickFile: d.pickFile, harness: harness().api }, { purpose: 'open-list' })).toEqual({ kind: 'ask' });
  });

  it('a typed path goes to the harness for a handle, with its purpose, never to the contract', async () => {
    const d = dialog({ ok: true, value: { file: null } });
    const h = harness();
    const choice = await chooseFile({ pickFile: d.pickFile, harness: h.api }, { purpose: 'save-pdf', typed: '/tmp/slip.pdf' });
    expect(choice).toEqual({ kind: 'chosen', file: FILE });
    expect(h.typed).toEqual([{ path: '/tmp/slip.pdf', purpose: 'save-pdf' }]);
    expect(d.asked).toEqual([]);
  });

  it('without the harness a typed path is never used', async () => {
    const d = dialog({ ok: true, value: { file: FILE } });
    expect(await chooseFile({ pickFile: d.pickFile, harness: null }, { purpose: 'save-csv', typed: '/etc/passwd' })).toEqual({ kind: 'cancelled' });
    expect(d.asked).toEqual([]);
  });

  it('failures of the dialog or of the registration are passed on to be shown', async () => {
    const error = { code: 'invalid-input', message: 'Masukan tidak valid' };
    const d = dialog({ ok: false, error });
    expect(await chooseFile({ pickFile: d.pickFile, harness: null }, { purpose: 'open-list' })).toEqual({ kind: 'failed', error });
    const h = harness({ ok: false, error });
    expect(await chooseFile({ pickFile: d.pickFile, harness: h.api }, { purpose: 'open-list', typed: 'x' })).toEqual({ kind: 'failed', error });
  });
});
