import { existsSync, readdirSync, rmSync, rmdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { appendAudit } from '../../core/audit/audit-log.repo';
import { enrolmentDetail } from '../../core/audit/hub-audit';
import { secretKeyPath } from '../../core/core-paths';
import { LoketError } from '../../core/errors';
import { keyFileSecretBox } from '../../core/secrets/secret-box';
import { openDatabase } from '../../core/store/open-database';
import { readyDatabaseFiles } from '../../core/store/database-startup';
import { keyConfigOf, resolveFileKey } from '../../core/store/resolve-file-key';
import { EnrollmentCodeInvalid, enroll } from '../../core/sync/enroll';
import { clockDifferenceMinutes, clockDifferenceText } from '../../shared/hub-clock';
import type { Lang } from '../../shared/i18n/messages';
import type { HubClock } from '../../core/sync/hub-transport';
import { cliActor } from '../cli-actor';
import type { Output } from '../output';
import { reportHubFailure } from './hub-failure';
import { HubCliFailure, hubText, HubUsageError } from './hub-messages';

/**
 * The files a new database brings (the database, its journal, its key file, the secret key) and
 * its folder: what was not there before is removed when the enrollment is refused, so a mistyped
 * `--db` leaves nothing behind.
 */
function newDatabaseUndo(dbPath: string): () => void {
  const dir = dirname(dbPath);
  const dirExisted = existsSync(dir);
  const before = new Set(dirExisted ? readdirSync(dir) : []);
  const base = basename(dbPath);
  const ours = (name: string): boolean => name === base || name.startsWith(`${base}.`) || name.startsWith(`${base}-`) || name === basename(secretKeyPath(dbPath));
  return () => {
    if (!existsSync(dir)) return;
    for (const name of readdirSync(dir)) if (!before.has(name) && ours(name)) rmSync(join(dir, name), { recursive: true, force: true });
    if (!dirExisted && readdirSync(dir).length === 0) rmdirSync(dir);
  };
}

/**
 * `loket enroll --code CODE [--hub URL] [--again] --db DB`: enrolls this counter's database at its
 * hub. The secret is sealed with the key file beside the database (loket-secret.key), which the
 * desktop app reads too. The database is made if there is none yet (a new counter); a refused
 * enrollment leaves no new database behind. An enrolled counter is refused, as in the app, unless
 * `--again` (a new or rebuilt hub, or a counter the hub revoked).
 */
export async function enrollCommand(values: { hub?: string | undefined; code?: string | undefined; again?: boolean | undefined }, dbPath: string, out: Output, lang: Lang): Promise<number> {
  const undo = existsSync(dbPath) ? null : newDatabaseUndo(dbPath);
  try {
    if (!values.code) throw new HubUsageError('usage/enroll-needs-code');
    // Encrypted by default, as every command: a new counter's database gets its key file here.
    const started = readyDatabaseFiles({ dbPath, ...keyConfigOf(resolveFileKey({ dbPath, mayCreate: true })) });
    const db = openDatabase(dbPath, started.key ? { key: started.key } : {});
    try {
      let clockMinutes: number | null = null;
      const onHubClock = (clock: HubClock | null): void => {
        clockMinutes = clockDifferenceMinutes(clock?.offsetMs);
      };
      const options = { code: values.code, onHubClock, again: values.again === true, ...(values.hub ? { hubUrl: values.hub } : {}) };
      const credential = await enroll(db, keyFileSecretBox(secretKeyPath(dbPath)), options).catch((error: unknown) => {
        if (error instanceof EnrollmentCodeInvalid) throw new HubCliFailure('fail/bad-code');
        if (error instanceof LoketError && error.key === 'hub/already-enrolled') throw new HubCliFailure('fail/already-enrolled', error.params);
        throw error;
      });
      // Recorded like the app's enrolment (enrollHub), under the command's actor: from here the hub changes this counter.
      appendAudit(db, { at: new Date().toISOString(), actor: cliActor().username, action: 'settings', detail: enrolmentDetail('enroll', credential) });
      const { secret: _secret, certificatePem: _pem, ...shown } = credential;
      if (out.json) out.data({ ok: true, ...shown, clockMinutes });
      else out.line(hubText(lang, 'enroll/done', { facility: credential.facility, name: credential.name, prefix: credential.offlinePrefix, url: credential.hubUrl }));
      // Enrolled all the same (trust is by fingerprint), but the visits would be filed under this wrong clock.
      if (clockMinutes !== null) out.error(clockDifferenceText(lang, clockMinutes));
      return 0;
    } finally {
      db.close();
    }
  } catch (error) {
    undo?.();
    return reportHubFailure(error, 'enroll', out, lang);
  }
}
