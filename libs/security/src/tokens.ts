import * as crypto from 'node:crypto';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

// Every request hashes its token: crypto.hash (Node 20.12+) does it without a Hash object.
const oneShot = typeof crypto.hash === 'function' ? crypto.hash : undefined;

/**
 * Bearer tokens are 256 random bits, so a plain SHA-256 is enough to store them:
 * there is nothing to brute-force that a slow hash would protect.
 */
export function newToken(): string {
  return `pl_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return oneShot ? oneShot('sha256', token, 'hex') : createHash('sha256').update(token, 'utf8').digest('hex');
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'hex');
  const right = Buffer.from(b, 'hex');
  return left.length === right.length && timingSafeEqual(left, right);
}
