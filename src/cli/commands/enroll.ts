import { secretKeyPath } from '../../core/core-paths';
import { keyFileSecretBox } from '../../core/secrets/secret-box';
import { openDatabase } from '../../core/store/open-database';
import { readyDatabaseFiles } from '../../core/store/database-startup';
import { keyConfigOf, resolveFileKey } from '../../core/store/resolve-file-key';
import { EnrollmentCodeInvalid, enroll } from '../../core/sync/enroll';
import { clockDifferenceMinutes, clockDifferenceText } from '../../shared/hub-clock';
import type { Lang } from '../../shared/i18n/messages';
import type { HubClock } from '../../core/sync/hub-transport';
import type { Output } from '../output';
import { reportHubFailure } from './hub-failure';
import { HubCliFailure, hubText, HubUsageError } from './hub-messages';

/**
 * `loket enroll --code CODE [--hub URL] --db DB`: enrolls this counter's database at its hub. The
 * secret is sealed with the key file beside the database (loket-secret.key), which the desktop app
 * reads too. The database is made if there is none yet (a new counter).
 */
export async function enrollCommand(values: { hub?: string | undefined; code?: string | undefined }, dbPath: string, out: Output, lang: Lang): Promise<number> {
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
      const credential = await enroll(db, keyFileSecretBox(secretKeyPath(dbPath)), { code: values.code, onHubClock, ...(values.hub ? { hubUrl: values.hub } : {}) }).catch((error: unknown) => {
        throw error instanceof EnrollmentCodeInvalid ? new HubCliFailure('fail/bad-code') : error;
      });
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
    return reportHubFailure(error, 'enroll', out, lang);
  }
}
