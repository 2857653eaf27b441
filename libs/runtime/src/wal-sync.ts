import { close, closeSync, fsync, fsyncSync, open, openSync } from 'node:fs';

/**
 * Durability for a SQLite connection in WAL mode with `synchronous = NORMAL`, without
 * holding the event loop: COMMIT writes the transaction's frames to the WAL file (the
 * page cache) and returns; `afterCommit` then resolves once an fsync of that file,
 * begun after the commit, has completed, so whoever waits for it may acknowledge the
 * transaction. It is what `synchronous = FULL` does at COMMIT, on libuv's thread pool
 * instead: the loop parses the next requests meanwhile, and commits made while one
 * fsync runs share the next (one fsync however many commits were waiting). SQLite
 * itself still syncs the WAL header when the log restarts and the database at every
 * checkpoint, so the files stay consistent as with NORMAL.
 *
 * A failed fsync leaves the page cache in an unknown state: every later commit is
 * refused with that error rather than acknowledged.
 */
export class WalSync {
  private committed = 0;
  private durable = 0;
  private syncing = false;
  private failure: Error | null = null;
  private readonly waiting: Array<{ seq: number; resolve(): void; reject(error: unknown): void }> = [];

  /** The WAL file stays open between fsyncs (SQLite keeps it while its connection is open). */
  private fd: number | null = null;
  private closeWhenIdle = false;
  private readonly fsync: (file: string) => Promise<void>;

  /** `fsync` is the file's fsync on the thread pool; a spec may hand in its own. */
  constructor(
    readonly walFile: string,
    fsyncOf?: (file: string) => Promise<void>,
  ) {
    this.fsync = fsyncOf ?? (() => this.fsyncWal());
  }

  /** Closes the file it keeps open (after the last commit it waits for). */
  close(): void {
    // An fsync still running on the thread pool keeps the file until it is done.
    if (this.syncing) this.closeWhenIdle = true;
    else if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
  }

  private fsyncWal(): Promise<void> {
    return new Promise((resolve, reject) => {
      const sync = (fd: number) =>
        fsync(fd, (error) => {
          if (!error) return resolve();
          // The file was replaced under us (it should not be): the next fsync opens it afresh.
          if (this.fd === fd) this.fd = null;
          close(fd, () => reject(error));
        });
      if (this.fd !== null) return sync(this.fd);
      open(this.walFile, 'r+', (error, fd) => {
        if (error) return reject(error);
        this.fd = fd;
        sync(fd);
      });
    });
  }

  /** Commits that returned but whose fsync has not completed yet. */
  get unsynced(): number {
    return this.committed - this.durable;
  }

  /** Call right after a COMMIT returned; resolves once it is on disk. */
  afterCommit(): Promise<void> {
    const seq = ++this.committed;
    return this.until(seq);
  }

  /** Resolves once every commit made so far is on disk. */
  settled(): Promise<void> {
    return this.committed === this.durable && !this.failure ? Promise.resolve() : this.until(this.committed);
  }

  /** For rare writes that must be durable before a synchronous caller returns (an erasure): fsyncs now, on this thread. */
  syncNow(): void {
    const fd = openSync(this.walFile, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  private until(seq: number): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting.push({ seq, resolve, reject });
      this.kick();
    });
  }

  private kick(): void {
    if (this.syncing || this.waiting.length === 0) return;
    const target = this.committed;
    this.syncing = true;
    this.fsync(this.walFile).then(
      () => {
        this.durable = target;
        this.settle(target, null);
      },
      (error: Error) => {
        this.failure = error;
        this.settle(Number.MAX_SAFE_INTEGER, error);
      },
    );
  }

  private settle(upTo: number, error: Error | null): void {
    this.syncing = false;
    if (this.closeWhenIdle) {
      this.closeWhenIdle = false;
      this.close();
    }
    const done = this.waiting.filter((w) => w.seq <= upTo);
    this.waiting.splice(0, this.waiting.length, ...this.waiting.filter((w) => w.seq > upTo));
    for (const waiter of done) {
      if (error) waiter.reject(error);
      else waiter.resolve();
    }
    this.kick();
  }
}
