import type { CoreMessage } from './i18n/messages';

/** How the database is protected, for the administrator's "Data security" section. */
export interface DatabaseSecurityView {
  encrypted: boolean;
  /**
   * Where the key is kept: 'os' sealed by the operating system's key store; 'key-file' in plain
   * form beside the database; 'given' by LOKET_DB_KEY or --key-file; 'none' (not encrypted).
   */
  keyStore: 'os' | 'key-file' | 'given' | 'none';
  /** A code of the shared catalog when the protection is weaker than it should be. */
  warning: SecurityWarning | null;
  /** This start encrypted a database that was plain. */
  converted: boolean;
  /** What the administrator must do about a data file, each naming it (a file set aside plain, a key file others can read). */
  notices: CoreMessage[];
}

export const SECURITY_WARNINGS = ['security/key-beside-data', 'security/not-encrypted', 'security/conversion-failed'] as const;
export type SecurityWarning = (typeof SECURITY_WARNINGS)[number];

export interface BackupResult {
  /** The main file's name, as the administrator chose it. */
  name: string;
  /** Edition files copied into `<name>.lists/` beside it. */
  editions: number;
}
