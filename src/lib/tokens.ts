// Secrets handed to people (session cookies, one-time links) are random; only their SHA-256 is stored,
// so a copy of the database does not let anyone sign in.
import { hash, randomBytes, randomUUID } from 'node:crypto';

/** A new random token (URL-safe, 256 bits). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A new personal API token: a recognisable prefix (so secret scanners and people can tell what it is) and 256 random bits. */
export function newApiToken(): string {
  return `metep_${newToken()}`;
}

/** The stored form of a token. */
export function hashToken(token: string): string {
  // One-shot hash: no Hash object per call (every request hashes its session token).
  return hash('sha256', token, 'hex');
}

/** A new row id. */
export function newId(): string {
  return randomUUID();
}
