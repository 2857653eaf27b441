import { dataFiles, APP_CONFIG, AppConfig, Clock, CLOCK } from '@app/runtime';
import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import {
  AuditEventLine,
  auditLeafHash,
  AuditVerificationReport,
  CheckpointPolicy,
  formatLine,
  toAuditEventLine,
  toHex,
  verifyCheckpointNote,
  AuditStore,
  CheckpointRecord,
  META_ORIGIN,
  META_VERIFIER_KEY,
  verifyStoredLog,
  LoadedSigningKey,
  loadSigningKey,
  checkpointIdentity,
  checkpointKeyOf,
  TrustedKeyChoice,
} from '@app/audit';
import { EVENT_STORE, EventEnvelope, EventStore, Position, START } from '@app/ledger';
import { ReadinessRegistry } from '../health/readiness';
import { serviceUnavailable } from '../http/problem';
import { ProjectionThread, RemoteRunner } from '../read-models/projection-thread';
import { CheckpointPublisher } from './checkpoint-publisher';
import { TurnTakingEventStore } from './turn-taking-event-store';

/** The latest checkpoint as GET /audit/checkpoint serves it. */
export interface CheckpointView extends CheckpointRecord {
  /** Raw Ed25519 public key, base64. */
  readonly publicKey: string;
  /** The same key as `<name>+<key ID>+<base64>`, the form signed-note tools take. */
  readonly verifierKey: string;
  readonly origin: string;
}

/**
 * Keeps the audit tree (a projection over `audit.sqlite`, run by its own
 * ProjectionRunner on the projection worker), signs checkpoints by the policy after
 * each batch the worker reports, and answers proofs and verification from its own
 * connection. Other modules (publications) take the latest checkpoint here.
 *
 * Several instances on one log (LEDGER_STORE=esdb://…): the signer publishes each
 * checkpoint it signs into the log (stream `audit-checkpoints`); every instance, as
 * its tree reaches such an event, checks it (the trusted key, its own root at that
 * size, the position of that size's last leaf) and stores it, so GET /audit/checkpoint
 * and publications answer on every instance. A publication is a leaf like any event
 * (the tree stays "every event of the log"), but does not call for a new checkpoint by
 * itself, or each checkpoint would call for the next.
 */
@Injectable()
export class AuditService implements OnModuleInit, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Audit');
  readonly store: AuditStore;
  readonly runner: RemoteRunner;
  /** This instance's signing key: the signer's only. */
  private readonly key: LoadedSigningKey | null;
  /** The key checkpoints are checked against: the signer's own, else LEDGER_AUDIT_TRUSTED_KEY or LEDGER_SIGNING_KEY's. */
  private readonly trusted: TrustedKeyChoice | null;
  private readonly publisher: CheckpointPublisher | null;
  private publishing: Promise<void> = Promise.resolve();
  /** Published checkpoints refused so far that were logged. */
  private refusalsLogged = 0;
  private readonly policy: CheckpointPolicy;
  private readonly events: EventStore;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private signingProblem: string | null = null;
  private verifying: Promise<AuditVerificationReport> | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STORE) store: EventStore,
    readiness: ReadinessRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    thread: ProjectionThread,
  ) {
    // A whole-log verification must not hold the HTTP server for its whole length.
    this.events = new TurnTakingEventStore(store);
    // Opened (created or migrated) here, before the projection worker opens it.
    this.store = AuditStore.open(dataFiles(config).audit);
    this.key = config.auditSigner ? loadSigningKey(config, { create: true })! : null;
    this.trusted = checkpointKeyOf(config);
    // Only a shared log has other instances to read them; the embedded ledger keeps its log as it was.
    this.publisher = this.key && config.store === 'eventstoredb' ? new CheckpointPublisher(store) : null;
    this.policy = { maxNewEvents: config.checkpointEvents, maxIntervalSeconds: config.checkpointSeconds };
    // On a shared log the worker's runner also checks and keeps the checkpoints the signer
    // publishes there (libs/audit publishedCheckpointsFor); refusals are counted in audit.sqlite.
    this.refusalsLogged = this.store.refusals().count;
    this.runner = thread.audit;
    thread.onAuditBatch(() => {
      this.logRefusals();
      this.considerCheckpoint();
    });
    readiness.register({
      name: 'audit',
      probe: async () => {
        const position = this.runner.position;
        const head = (await store.head()).position;
        // The runner never gets ahead of the log it reads; if it is, events were removed from the log.
        const ahead = position > head ? { problem: 'the audit tree holds events the ledger no longer has' } : {};
        const details = {
          size: this.store.size,
          position: position.toString(),
          head: head.toString(),
          checkpoint: this.store.latestCheckpoint()?.size ?? null,
          ...ahead,
          ...(this.signingProblem ? { signing: this.signingProblem } : {}),
          ...refusalDetails(this.store.refusals()),
        };
        return { ok: position === head && this.signingProblem === null, details };
      },
    });
  }

  onModuleInit(): void {
    if (this.key) {
      const { verifierKey, source, file, warning } = this.key;
      this.logger.log(`signing audit checkpoints as ${verifierKey} (${source}${file ? ` ${file}` : ''})`);
      if (warning) this.logger.warn(warning);
    } else if (this.trusted) {
      this.logger.log(
        `not signing audit checkpoints (LEDGER_AUDIT_SIGNER=false): serving the signer's from the log, checked against ${this.trusted.keyName ?? 'the key'} (${this.trusted.source})`,
      );
    } else {
      this.logger.warn(
        "not signing audit checkpoints (LEDGER_AUDIT_SIGNER=false) and no key to check the signer's against: " +
          "set LEDGER_AUDIT_TRUSTED_KEY to the signer's verifier key to serve its checkpoints here",
      );
    }
    const latest = this.store.latestCheckpoint();
    const identity = this.identity(latest?.note);
    if (latest && identity) {
      try {
        verifyCheckpointNote(latest.note, identity.publicKey, identity.keyName, identity.keyName);
      } catch (error) {
        // Verify will fail on the old checkpoints; say so at start rather than leave it to an auditor.
        this.logger.error(
          `the latest checkpoint (size ${latest.size}) is not signed by this key: ${(error as Error).message}; ` +
            '`ledger verify` will reject it unless the previous key is restored',
        );
      }
    }
    if (identity) {
      this.store.setMeta(META_VERIFIER_KEY, identity.verifierKey);
      this.store.setMeta(META_ORIGIN, identity.keyName);
    }
    this.considerCheckpoint();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.verifying?.catch(() => undefined);
    await this.publishing;
  }

  onApplicationShutdown(): void {
    this.store.close();
  }

  /** Waits until the tree holds `minPosition` (503 after the configured timeout); returns the position it holds. */
  async ready(minPosition?: Position): Promise<Position> {
    if (minPosition !== undefined && !(await this.runner.waitFor(minPosition, this.config.minPositionTimeoutMs))) {
      throw serviceUnavailable(
        `the audit tree has not reached position ${minPosition} yet (it is at ${this.runner.position}); retry shortly`,
      );
    }
    return this.runner.position;
  }

  /** The latest signed checkpoint with the key to check it, or null before the first. */
  latestCheckpoint(): CheckpointView | null {
    const latest = this.store.latestCheckpoint();
    const identity = this.identity(latest?.note);
    if (!latest || !identity) return null;
    return {
      ...latest,
      publicKey: Buffer.from(identity.publicKey).toString('base64'),
      verifierKey: identity.verifierKey,
      origin: identity.keyName,
    };
  }

  private identity(note: string | undefined) {
    return checkpointIdentity(this.trusted, note);
  }

  /** A published checkpoint the tree's runner refused is an alarm: each one is logged once. */
  private logRefusals(): void {
    const { count, last } = this.store.refusals();
    if (count > this.refusalsLogged)
      this.logger.error(`refused ${count - this.refusalsLogged} published checkpoint(s): ${last}`);
    this.refusalsLogged = count;
  }

  /**
   * Cuts a checkpoint when the policy says so (or, on demand, whenever the tree
   * grew); otherwise wakes up when the interval rule will. Never signs a head inconsistent with the last one:
   * that refusal is logged and turns readiness down.
   */
  considerCheckpoint(options: { onDemand?: boolean } = {}): void {
    // Several instances on one log: only the one with LEDGER_AUDIT_SIGNER=true signs.
    if (this.stopped || !this.key) return;
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    try {
      // The checkpoint's signing time and the interval rule both read the injected clock.
      const now = this.clock.now();
      // On demand (a publication waiting for a checkpoint over its figures): cut as soon as the tree grew.
      const policy = options.onDemand ? { ...this.policy, maxNewEvents: 1 } : this.policy;
      const { decision, checkpoint } = this.store.cutIfDue(
        { signer: this.key!.signer, origin: this.key!.origin },
        policy,
        now,
        this.store.grown().size,
      );
      if (checkpoint) {
        this.logger.debug(`signed checkpoint ${checkpoint.size} ${checkpoint.rootHash} (${decision.reason})`);
        this.signingProblem = null;
        this.publish(checkpoint);
      } else if (!decision.cut && decision.dueAt) {
        const delay = Math.max(decision.dueAt.getTime() - now.getTime(), 0) + 5;
        this.timer = setTimeout(() => this.considerCheckpoint(), delay);
        this.timer.unref();
      }
    } catch (error) {
      const message = (error as Error).message;
      if (message !== this.signingProblem) this.logger.error({ err: error }, 'refusing to sign an audit checkpoint');
      this.signingProblem = message;
    }
  }

  /**
   * The position a checkpoint must reach to cover the log up to `position`: checkpoint
   * publications at the end of the log change no read model and need no checkpoint of their
   * own (the signer cuts none for them alone), so they are not waited for.
   */
  mustCover(position: Position): Position {
    if (this.runner.position < position) return position;
    const grown = this.store.grown().position;
    return grown < position ? grown : position;
  }

  /** Into the log for the other instances, one publication after the other; a failure is logged, the next checkpoint covers it. */
  private publish(checkpoint: CheckpointRecord): void {
    const publisher = this.publisher;
    if (!publisher) return;
    this.publishing = this.publishing
      .then(() => publisher.publish(checkpoint))
      .then(
        () => undefined,
        (error: unknown) =>
          this.logger.error({ err: error }, `could not publish checkpoint ${checkpoint.size} into the log`),
      );
  }

  /** Whole-log verification against the stored tree and checkpoints; concurrent callers share one run. */
  verify(): Promise<AuditVerificationReport> {
    this.verifying ??= (async () => {
      try {
        const head = await this.events.head();
        const identity = this.identity(this.store.latestCheckpoint()?.note);
        return await verifyStoredLog(this.events, this.store, {
          trustedKey: identity ? { publicKey: identity.publicKey, keyName: identity.keyName } : null,
          origin: identity?.keyName,
          maxEvents: head.events,
        });
      } finally {
        this.verifying = null;
      }
    })();
    return this.verifying;
  }

  /**
   * NDJSON lines of up to `limit` events from `fromIndex`, one chunk per read.
   * `hash` is the leaf hash the tree holds (so a stored hash that does not
   * match its event shows), or the recomputed one for events not in it yet.
   */
  async *eventLines(fromIndex: number, limit: number): AsyncGenerator<string> {
    const treeSize = this.store.size;
    const located = this.store.locate(fromIndex);
    let next: Position = located.position === 0n ? START : located.position;
    let index = located.index;
    let remaining = limit;
    while (remaining > 0 && !this.stopped) {
      const batch = await this.events.readAll(next, 1000);
      if (batch.length === 0) return;
      let chunk = '';
      for (const event of batch) {
        if (index >= fromIndex && remaining > 0) {
          chunk += formatLine(this.lineOf(event, index, treeSize)) + '\n';
          remaining--;
        }
        index++;
      }
      if (chunk) yield chunk;
      next = batch[batch.length - 1].position + 1n;
    }
  }

  private lineOf(event: EventEnvelope, index: number, treeSize: number): AuditEventLine {
    const stored = index < treeSize ? this.store.nodes.get(0, index) : undefined;
    return toAuditEventLine(event, index, stored ? toHex(stored) : auditLeafHash(event, index));
  }
}

function refusalDetails({ count, last }: { count: number; last: string | null }) {
  return count > 0 ? { refusedCheckpoints: count, lastRefusal: last } : {};
}
