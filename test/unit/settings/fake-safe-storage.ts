/** Test double for Electron's safeStorage: a reversible scramble with a marker, and switches. */
import type { SafeStorageLike } from '../../../src/engine/settings/key-protection';

const MARKER = Buffer.from('FAKE-ENC:', 'utf8');

export interface FakeSafeStorage extends SafeStorageLike {
  available: boolean;
  backend: string | undefined;
  /** When true, decryptString throws (as after a keyring change). */
  brokenDecrypt: boolean;
}

export function createFakeSafeStorage(options: { available?: boolean; backend?: string } = {}): FakeSafeStorage {
  const fake: FakeSafeStorage = {
    available: options.available ?? true,
    backend: options.backend,
    brokenDecrypt: false,
    isEncryptionAvailable: () => fake.available,
    encryptString: (plain) => Buffer.concat([MARKER, Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)]),
    decryptString: (encrypted) => {
      if (fake.brokenDecrypt || !encrypted.subarray(0, MARKER.length).equals(MARKER))
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(encrypted.subarray(MARKER.length).map((b) => b ^ 0x5a)).toString('utf8');
    },
  };
  if (options.backend !== undefined) fake.getSelectedStorageBackend = () => fake.backend ?? 'unknown';
  return fake;
}
