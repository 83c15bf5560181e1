import { closeSync, openSync, writeSync, fsyncSync, existsSync } from 'node:fs';
import { basename } from 'node:path';
import type { DatabaseSecurityView } from '../../shared/database-security';
import type { CoreMessage } from '../../shared/i18n/messages';
import type { CoreContext } from '../core-context';
import type { CoreMethods } from '../core-types';
import { LoketError } from '../errors';
import type { SecretBox } from '../secrets/secret-box';
import { backupOffThread } from '../store/backup-off-thread';
import { newDatabaseKey, writeKeyFileAtomic } from '../store/database-key';
import { rekeyLive } from '../store/database-rekey';
import type { StartedKey } from '../store/database-startup';
import { buildingPath, editionStoreOf, isLockedByOther } from '../store/edition-store';
import { securityNotices } from './security-notices';

type SecurityMethods = Pick<CoreMethods, 'databaseSecurity' | 'rekeyDatabase' | 'exportRecoveryKey' | 'backupDatabase' | 'restoreBackup'>;

/**
 * The administrator's data-security methods: the state of the key, a new key, the recovery key
 * and an encrypted backup. The key itself never crosses the contract: it goes to files only.
 */
export function securityMethods(ctx: CoreContext, started: StartedKey, box: SecretBox): SecurityMethods {
  const { config, db } = ctx;
  // Read from disk each time: a file set aside stays named until the administrator deletes it.
  const notices = (): CoreMessage[] => securityNotices(db, config.dbPath, started, Boolean(config.key) || started.conversion === 'failed');
  const view = (): DatabaseSecurityView => {
    const encrypted = Boolean(config.key);
    const keyStore = !encrypted ? 'none' : !config.keyFile ? 'given' : config.keyFile.sealed ? 'os' : 'key-file';
    const warning =
      started.conversion === 'failed' ? 'security/conversion-failed' : !encrypted ? 'security/not-encrypted' : keyStore === 'key-file' ? 'security/key-beside-data' : null;
    return { encrypted, keyStore, warning, converted: started.conversion === 'converted', notices: notices() };
  };
  const requireKey = (): string => {
    if (!config.key) throw new LoketError('security/not-encrypted');
    return config.key;
  };
  return {
    async databaseSecurity() {
      return view();
    },
    async rekeyDatabase() {
      const oldKey = requireKey();
      const keyFile = config.keyFile;
      // A key given by LOKET_DB_KEY lives where this program cannot write: the IT officer changes it.
      if (!keyFile) throw new LoketError('security/key-not-in-file');
      if (importRunning(ctx)) throw new LoketError('security/import-running');
      const sealed = keyFile.sealed;
      const newKey = newDatabaseKey();
      // Edition files held open for look-ups would block their re-key: closed now, reopened by the next look-up.
      ctx.catalog.close();
      try {
        await rekeyLive(db, {
          dbPath: config.dbPath,
          keyFile: keyFile.path,
          oldKey,
          newKey,
          options: config.nativeBinding ? { nativeBinding: config.nativeBinding } : {},
          // In the app the core's box is the main process's OS store: the new key is sealed there, never kept plain.
          writeKey: async (path, key) => writeKeyFileAtomic(path, sealed ? await box.seal(key) : key, 'Loket database key. Do not copy it beside a copy of the database.'),
        });
      } catch (error) {
        // Another program has the database open (the CLI, a second Loket): nothing was changed.
        if ((error as { code?: unknown }).code === 'SQLITE_BUSY') throw new LoketError('security/database-busy');
        throw error;
      }
      config.key = newKey; // imports started from now on open their files with it
      return view();
    },
    async exportRecoveryKey({ file }) {
      const key = requireKey();
      const { path, name } = ctx.files.resolve(file, 'save-key');
      writePrivate(path, recoveryKeyText(key, basename(config.dbPath), ctx.now()));
      return { name };
    },
    async backupDatabase({ file }) {
      const { path, name } = ctx.files.resolve(file, 'save-backup');
      // The database should be encrypted and is not (its conversion failed): a backup would be a plain copy of the register.
      if (started.conversion === 'failed') throw new LoketError('security/backup-not-encrypted');
      const job = { dbPath: config.dbPath, target: path, ...(config.key ? { key: config.key } : {}), ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}) };
      const { editions } = await backupOffThread(db, job, config.workerScript);
      return { name, editions };
    },
    async restoreBackup() {
      // The core holds the files it would replace: the program hosting it stops it and restores
      // (src/main/core-host.ts, src/harness/harness.ts; restore-plan.ts checks the caller first).
      throw new LoketError('restore/needs-host');
    },
  };
}

function importRunning(ctx: CoreContext): boolean {
  const store = editionStoreOf(ctx.db);
  const ids = ctx.db.prepare(`SELECT id FROM list_editions WHERE state = 'importing'`).pluck().all() as number[];
  return ids.some((id) => existsSync(buildingPath(store, id)) && isLockedByOther(store, buildingPath(store, id)));
}

/** The recovery key file: comments for whoever finds it, then the key; a valid `--key-file` as it is. */
export function recoveryKeyText(key: string, database: string, at: Date): string {
  return [
    `# Loket recovery key / kunci pemulihan Loket: ${database}, ${at.toISOString()}`,
    '# Keep it away from this computer (a USB stick in a locked drawer). Simpan jauh dari komputer ini.',
    '# It opens this database and its backups until the next re-key: loket ... --key-file <this file>',
    key,
    '',
  ].join('\n');
}

function writePrivate(path: string, text: string): void {
  const fd = openSync(path, 'w', 0o600);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
