import { randomBytes } from 'node:crypto';

// One call into the CSPRNG per 4 KiB instead of one per id, IV or key: each call's fixed
// cost was larger than the few bytes a write needs (Node buffers randomUUID the same way).
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

/** `size` bytes from the CSPRNG, as crypto.randomBytes, in a buffer of their own. */
export function pooledRandomBytes(size: number): Buffer {
  if (size > POOL_BYTES) return randomBytes(size);
  if (offset + size > pool.length) {
    pool = randomBytes(POOL_BYTES);
    offset = 0;
  }
  const bytes = Buffer.alloc(size);
  pool.copy(bytes, 0, offset, offset + size);
  // Handed-out bytes (some become keys) are not left behind in the pool.
  pool.fill(0, offset, offset + size);
  offset += size;
  return bytes;
}
