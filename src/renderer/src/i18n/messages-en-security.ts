import type { securityId } from './messages-id-security';

/** English text of Settings → Data security. Part of uiEn. */
export const securityEn: typeof securityId = {
  security: {
    title: 'Data security',
    lead: 'The database and every list are stored encrypted. Keep a recovery key and backups away from this computer: if the Windows profile is lost, only the recovery key opens the data.',
    leadPlain: 'This database is not encrypted yet (see below). Keep a recovery key and backups away from this computer.',
    loading: 'Loading…',
    storeOs: 'The database key is sealed by the Windows key store (only this user on this computer can open it).',
    storeKeyFile: 'The database key is kept unsealed beside the data.',
    storeGiven: 'The database key is given by IT (LOKET_DB_KEY).',
    storeNone: 'Database key: none.',
    converted: 'The old database was just encrypted as Loket started.',
    backup: 'Make an encrypted backup',
    recoveryKey: 'Save the recovery key',
    rekey: 'Change the key',
    rekeyConfirm: 'A new key is made and every file encrypted again; the counter pauses for a moment. Old backups keep the old key. Go on?',
    rekeyYes: 'Yes, change the key',
    cancel: 'Cancel',
    rekeyed: 'The key was changed. Save the new recovery key now.',
    backupDone: 'Backup written to {{name}} ({{editions}} list files in the folder {{name}}.lists).',
    keyDone: 'Recovery key written to {{name}}. Keep it away from this computer.',
    failed: 'Did not succeed',
    path: 'Save to (full path)',
    save: 'Save',
  },
};
