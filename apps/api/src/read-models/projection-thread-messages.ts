import type { AppConfig } from '@app/runtime';

/**
 * What the API's main thread and its projection worker (projection-worker.ts) tell each
 * other. Positions travel as strings of digits (a bigint does not survive every transport
 * the same way), and each report is sent only after the transaction it reports has
 * committed, so the main thread may read what a report says is there.
 */
export interface ProjectionWorkerData {
  config: AppConfig;
  /** The embedded store's DurableMark: the worker applies no event before its fsync completed. */
  durableMark?: SharedArrayBuffer;
}

/** Where one of the worker's runners stands: the read models (with their generation) or the audit tree. */
export interface RunnerReport {
  position: string;
  applied: number;
}

export interface ReadModelsReport extends RunnerReport {
  /** Device and inode of the read-model generation the worker applies to. */
  generation: string;
}

/** An event the worker's read models applied, for the post-commit notice: no data of the event. */
export interface AppliedNotice {
  position: string;
  stream: string;
  type: string;
  recordedAt: string;
}

export type FromWorker =
  | { kind: 'ready'; readModels: ReadModelsReport; audit: RunnerReport }
  | { kind: 'readModels'; report: ReadModelsReport }
  /** Sent after the report of the batch that applied them (LiveReadModels.onApplied: each event once). */
  | { kind: 'applied'; events: AppliedNotice[] }
  | { kind: 'swapped'; report: ReadModelsReport }
  | { kind: 'audit'; report: RunnerReport }
  | { kind: 'caughtUp'; id: number; applied: number; error?: string }
  | { kind: 'error'; source: 'readModels' | 'audit' | 'worker'; message: string; stack?: string }
  | { kind: 'stopped' };

export type ToWorker =
  { kind: 'poke' } | { kind: 'catchUp'; id: number; target: 'readModels' | 'audit' } | { kind: 'stop' };
