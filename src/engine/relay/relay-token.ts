/**
 * Relay tokens: generated from the system's random source and compared in constant time, so a
 * client cannot learn the token byte by byte from response times.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 32 random bytes, base64url: 43 characters that fit RELAY_TOKEN_PATTERN. */
export function generateRelayToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Equal-length digests make the comparison independent of where (or whether) the inputs differ. */
export function relayTokensMatch(expected: string, given: string | null): boolean {
  if (given === null) return false;
  const a = createHash('sha256').update(expected).digest();
  const b = createHash('sha256').update(given).digest();
  return timingSafeEqual(a, b);
}
