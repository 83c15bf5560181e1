/**
 * The desktop app's SecretBox: BPJS secrets sealed by the operating system (Electron
 * safeStorage: DPAPI on Windows, the Keychain on macOS, a keyring on Linux). Where the system
 * offers nothing real (Linux without a keyring, where safeStorage would use a hard-coded
 * password) the key file beside the database is used instead, and the settings screen says so.
 */
import { safeStorage } from 'electron';
import { SecretUnreadableError, keyFileSecretBox, type SecretBox } from '../core/secrets/secret-box';

const PREFIX = 'os1:';
/** A keyring that asks the user for a password could keep start-up waiting: never longer than this. */
const AVAILABILITY_TIMEOUT_MS = 3000;

export async function createSecretBox(keyFilePath: string): Promise<SecretBox> {
  const fallback = keyFileSecretBox(keyFilePath);
  if (!(await osStoreUsable())) return fallback;
  return {
    kind: 'os',
    async seal(plain) {
      return PREFIX + (await safeStorage.encryptStringAsync(plain)).toString('base64');
    },
    async open(sealed) {
      // Saved while the system store was unavailable: still readable with the key file.
      if (!sealed.startsWith(PREFIX)) return fallback.open(sealed);
      try {
        const { result } = await safeStorage.decryptStringAsync(Buffer.from(sealed.slice(PREFIX.length), 'base64'));
        return result;
      } catch {
        throw new SecretUnreadableError('sealed by another Windows user or computer');
      }
    },
  };
}

async function osStoreUsable(): Promise<boolean> {
  try {
    const available = await Promise.race([
      safeStorage.isAsyncEncryptionAvailable(),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), AVAILABILITY_TIMEOUT_MS).unref()),
    ]);
    if (!available) return false;
    return process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
  } catch {
    return false;
  }
}
