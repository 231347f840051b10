// Public short codes of pulses and one-time codes of a controlled sample: letters and digits that cannot be
// mistaken for each other when read off paper or typed on a phone (no 0/O, 1/I/L, 5/S, 2/Z).
import { randomInt } from 'node:crypto';
import { hashToken } from '../../lib/tokens.ts';

const ALPHABET = '346789ABCDEFGHJKMNPQRTUVWXY';

/** A random code of `length` characters from the unambiguous alphabet. */
export function randomCode(length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return s;
}

/** A typed code as stored: upper case, spaces and dashes removed, hashed. */
export function codeHash(typed: string): string {
  return hashToken(typed.toUpperCase().replace(/[\s-]/g, ''));
}
