/**
 * How the API key is kept at rest: OS-backed encryption through Electron's safeStorage when it is
 * really available, otherwise a reversible obfuscation the settings view reports as such.
 */
import { API_KEY_PATTERN } from '../../shared/api-key-rule';
import type { SavedApiKey } from './schema';

/** The part of Electron's safeStorage we use (Electron's object satisfies it). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  getSelectedStorageBackend?(): string;
}

/**
 * Whether safeStorage gives real protection here. On Linux without a keyring Electron falls back to
 * the 'basic_text' backend, which encrypts with a hard-coded password: we call that obfuscated too.
 */
function canEncrypt(safeStorage: SafeStorageLike, platform: NodeJS.Platform): boolean {
  try {
    if (!safeStorage.isEncryptionAvailable()) return false;
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return false;
    return true;
  } catch {
    return false;
  }
}

// NOT SECURITY. This only keeps the key from being readable at a glance in the settings file when the
// OS offers no encryption; anyone with the file and this source can reverse it. The UI says so.
const OBFUSCATION_SALT = Buffer.from('ticker/finnhub-key/not-a-secret', 'utf8');

function xorWithSalt(bytes: Buffer): Buffer {
  const out = Buffer.alloc(bytes.length);
  for (let i = 0; i < bytes.length; i += 1) {
    out[i] = (bytes[i] ?? 0) ^ (OBFUSCATION_SALT[i % OBFUSCATION_SALT.length] ?? 0);
  }
  return out;
}

export function protectKey(key: string, safeStorage: SafeStorageLike, platform: NodeJS.Platform): SavedApiKey {
  if (canEncrypt(safeStorage, platform)) {
    try {
      return { protection: 'encrypted', data: safeStorage.encryptString(key).toString('base64') };
    } catch {
      // Encryption said it was available but failed: keep the key, and say it is only obfuscated.
    }
  }
  return { protection: 'obfuscated', data: xorWithSalt(Buffer.from(key, 'utf8')).toString('base64') };
}

/** The plain key, or null when it cannot be recovered (another machine, keyring gone, damaged data). */
export function revealKey(saved: SavedApiKey, safeStorage: SafeStorageLike): string | null {
  try {
    const bytes = Buffer.from(saved.data, 'base64');
    const key =
      saved.protection === 'encrypted' ? safeStorage.decryptString(bytes) : xorWithSalt(bytes).toString('utf8');
    return API_KEY_PATTERN.test(key) ? key : null;
  } catch {
    return null;
  }
}

/** "••••" followed by the last 4 characters. */
export function maskKey(key: string): string {
  return `••••${key.slice(-4)}`;
}
