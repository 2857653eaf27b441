import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  lstatSync,
  openSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

/**
 * How the read models' file is laid out on disk, so that a rebuild can replace it while
 * an API reads from it.
 *
 * The live path (`<dataDir>/read-models.sqlite`) is either a plain SQLite file (as first
 * created) or a symbolic link to the generation a rebuild produced
 * (`read-models.sqlite.rebuild-<ts>`). A swap replaces the link with `rename(2)`, which is
 * atomic. Renaming a new database over a live WAL-mode file would not be safe: SQLite
 * names the `-wal` and `-shm` files after the path, so a reader opening the new file
 * would pick up the old file's write-ahead log. SQLite resolves symbolic links before
 * naming them, so every generation keeps its own `-wal`/`-shm` and an open connection to
 * the previous generation keeps working until its owner notices the swap and reopens.
 */

const SIDECARS = ['-wal', '-shm', '-journal'];

/** The identity of the database the path stands for now (device and inode), or null when there is none. */
export function generationOf(file: string): string | null {
  try {
    const stat = statSync(file);
    return `${stat.dev}:${stat.ino}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

/** The real file behind the live path: the link's target, the path itself, or null when missing. */
export function realReadModelFile(file: string): string | null {
  let stat;
  try {
    stat = lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (!stat.isSymbolicLink()) return file;
  return resolve(dirname(file), readlinkSync(file));
}

function removeDatabase(file: string): void {
  for (const suffix of ['', ...SIDECARS]) rmSync(file + suffix, { force: true });
}

/** Deletes the live path and the generation it points to, with their `-wal`/`-shm` files. */
export function removeReadModelFile(file: string): void {
  const real = realReadModelFile(file);
  if (real && real !== file) removeDatabase(real);
  removeDatabase(file);
}

/** Makes a rename in `dir` durable. */
function syncDirectory(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some file systems refuse to fsync a directory; the rename is still atomic.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * Points the live path at `built` atomically and deletes the generation it replaces.
 * Processes that still have the old generation open keep reading it (POSIX keeps an
 * unlinked file alive while it is open) until they reopen the live path.
 * Returns the file that was replaced, if any.
 */
export function swapInReadModelFile(file: string, built: string): string | null {
  if (resolve(dirname(built)) !== resolve(dirname(file))) {
    throw new Error(
      `a rebuilt read-model file must sit beside the live one (${dirname(file)}), not in ${dirname(built)}`,
    );
  }
  const previous = realReadModelFile(file);
  const link = `${file}.link-${process.pid}-${randomBytes(6).toString('hex')}`;
  rmSync(link, { force: true });
  // Relative, so the data directory can be moved or copied as a whole.
  symlinkSync(basename(built), link);
  renameSync(link, file);
  syncDirectory(dirname(file));
  if (previous === file) {
    // The plain file itself was replaced by the link; only its sidecars are left.
    for (const suffix of SIDECARS) rmSync(file + suffix, { force: true });
  } else if (previous && resolve(previous) !== resolve(built)) {
    removeDatabase(previous);
  }
  return previous;
}

/** Generations beside the live path that it does not point to: what an interrupted rebuild left. */
export function strayGenerations(file: string): string[] {
  const dir = dirname(file);
  if (!existsSync(dir)) return [];
  const live = realReadModelFile(file);
  const prefix = `${basename(file)}.rebuild-`;
  return readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && !SIDECARS.some((suffix) => name.endsWith(suffix)))
    .map((name) => join(dir, name))
    .filter((path) => !live || resolve(path) !== resolve(live));
}

/** Removes the generations an interrupted rebuild left behind. */
export function removeStrayGenerations(file: string): string[] {
  const stray = strayGenerations(file);
  stray.forEach(removeDatabase);
  // Sidecars whose database is gone, and links a swap did not get to rename.
  const dir = dirname(file);
  if (existsSync(dir)) {
    const prefix = `${basename(file)}.rebuild-`;
    for (const name of readdirSync(dir)) {
      if (name.startsWith(`${basename(file)}.link-`)) rmSync(join(dir, name), { force: true });
      const sidecar = SIDECARS.find((suffix) => name.endsWith(suffix));
      if (name.startsWith(prefix) && sidecar && !existsSync(join(dir, name.slice(0, -sidecar.length)))) {
        rmSync(join(dir, name), { force: true });
      }
    }
  }
  return stray;
}
