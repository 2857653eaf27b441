import { closeSync, fsyncSync, openSync } from 'node:fs';

/** Makes a file (or a rename in a directory) durable. */
export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } catch {
    // Directories cannot be fsynced on every file system.
  } finally {
    closeSync(fd);
  }
}
