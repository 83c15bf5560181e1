import { describe, expect, it } from 'vitest';
import type { LoketApi, MethodInput, Result } from '../../../src/shared/contract';
import type { DatabaseSecurityView } from '../../../src/shared/database-security';
import type { ChosenFile } from '../../../src/shared/file-handle';
import type { LoketHarnessApi } from '../../../src/shared/harness-api';
import { canRekey, keyStoreLine, keyStoreText, runSecurityAction, suggestedName } from '../../../src/renderer/src/features/security/security-flow';

const FILE: ChosenFile = { handle: 'abcdefghijklmnopqrstuv', name: 'cadangan.db' };

function sources(answer: Result<{ file: ChosenFile | null }>, harness: LoketHarnessApi | null = null) {
  const asked: MethodInput<'pickFile'>[] = [];
  const pickFile: LoketApi['pickFile'] = async (input) => {
    asked.push(input);
    return answer;
  };
  return { sources: { pickFile, harness }, asked };
}

function writers() {
  const calls: string[] = [];
  const api: Pick<LoketApi, 'backupDatabase' | 'exportRecoveryKey'> = {
    backupDatabase: async ({ file }) => {
      calls.push(`backup ${file}`);
      return { ok: true, value: { name: 'cadangan.db', editions: 2 } };
    },
    exportRecoveryKey: async ({ file }) => {
      calls.push(`key ${file}`);
      return { ok: false, error: { code: 'security/not-encrypted' } };
    },
  };
  return { api, calls };
}

const view = (over: Partial<DatabaseSecurityView>): DatabaseSecurityView => ({ encrypted: true, keyStore: 'os', warning: null, converted: false, notices: [], ...over });

describe('the data-security section', () => {
  it('a backup asks for a save-backup file with a dated name, then writes to its handle', async () => {
    const s = sources({ ok: true, value: { file: FILE } });
    const w = writers();
    expect(await runSecurityAction(s.sources, w.api, 'backup', '2026-11-30')).toEqual({ kind: 'done', action: 'backup', name: 'cadangan.db', editions: 2 });
    expect(s.asked).toEqual([{ purpose: 'save-backup', suggestedName: 'loket-cadangan-2026-11-30.db' }]);
    expect(w.calls).toEqual([`backup ${FILE.handle}`]);
  });

  it('the recovery key goes to a save-key file; a refusal comes back as its code', async () => {
    const s = sources({ ok: true, value: { file: FILE } });
    const w = writers();
    expect(await runSecurityAction(s.sources, w.api, 'recovery-key', '2026-11-30')).toEqual({ kind: 'failed', error: { code: 'security/not-encrypted' } });
    expect(s.asked[0]!.purpose).toBe('save-key');
    expect(suggestedName('recovery-key', '2026-11-30')).toBe('loket-kunci-pemulihan-2026-11-30.txt');
  });

  it('a closed dialog writes nothing; in the harness it asks for a path instead', async () => {
    const w = writers();
    expect(await runSecurityAction(sources({ ok: true, value: { file: null } }).sources, w.api, 'backup', '2026-11-30')).toEqual({ kind: 'cancelled' });
    const harness: LoketHarnessApi = { registerTypedPath: async () => ({ ok: true, value: FILE }) };
    expect(await runSecurityAction(sources({ ok: true, value: { file: null } }, harness).sources, w.api, 'backup', '2026-11-30')).toEqual({ kind: 'ask' });
    expect(w.calls).toEqual([]);
  });

  it('says where the key is kept, and offers a re-key only where Loket keeps the key in a file', () => {
    expect(keyStoreText(view({ keyStore: 'os' }))).toBe('security.storeOs');
    expect(keyStoreText(view({ keyStore: 'key-file' }))).toBe('security.storeKeyFile');
    expect(keyStoreText(view({ keyStore: 'given' }))).toBe('security.storeGiven');
    expect(keyStoreText(view({ encrypted: false, keyStore: 'none' }))).toBe('security.storeNone');
    expect(canRekey(view({ keyStore: 'os' }))).toBe(true);
    expect(canRekey(view({ keyStore: 'key-file' }))).toBe(true);
    expect(canRekey(view({ keyStore: 'given' }))).toBe(false);
    expect(canRekey(view({ encrypted: false, keyStore: 'none' }))).toBe(false);
  });

  it('leaves the store line out where the core\'s warning already says it (the unsealed key file), and only there', () => {
    expect(keyStoreLine(view({ keyStore: 'key-file', warning: 'security/key-beside-data' }))).toBeNull();
    expect(keyStoreLine(view({ keyStore: 'key-file' }))).toBe('security.storeKeyFile');
    expect(keyStoreLine(view({ encrypted: false, keyStore: 'none', warning: 'security/not-encrypted' }))).toBe('security.storeNone');
  });
});
