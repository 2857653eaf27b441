import { randomBytes } from 'node:crypto';
import type { Clock } from '@app/runtime';

/** e.g. IN20221127-k3J9vQ2m: the kind, the day it was recorded (business time) and 48 random bits. */
export function generatedId(prefix: string, clock: Clock): string {
  return `${prefix}${clock.today().replace(/-/g, '')}-${randomBytes(6).toString('base64url')}`;
}
