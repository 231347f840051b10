// argon2id through @node-rs/argon2 (native, fast on 2 cores); parameters are the library's defaults,
// which follow OWASP's recommendation (19 MiB, 2 passes).
import { hash, verify } from '@node-rs/argon2';

/** Hashes a password with argon2id. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Checks a password against a stored hash; false for any malformed hash. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

// A valid hash of a random password: verifying against it when the account does not exist keeps the
// response time the same, so timing does not reveal which e-mail addresses have accounts.
let dummy: Promise<string> | undefined;
/** A hash to verify against when there is no user, to equalise timing. */
export function dummyHash(): Promise<string> {
  dummy ??= hash(`no-user-${Math.random()}`);
  return dummy;
}
