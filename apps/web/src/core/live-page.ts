import { LiveConnection, LiveNotice, LiveState } from './live';
import { Session } from './session';
import type { PageContext } from './page';

let shared: LiveConnection | null = null;

/** The tab's one live stream (GET /api/v1/live), with the token of the signed-in session. */
export function liveConnection(): LiveConnection {
  shared ??= new LiveConnection(() => new Session(sessionStorage).token());
  return shared;
}

export interface LiveReloadOptions {
  /** At most one reload per this many milliseconds, however many notices come. */
  readonly quietMs?: number;
  /** Told when the stream's state changes (for a "live" badge). */
  readonly onState?: (state: LiveState) => void;
  readonly connection?: LiveConnection;
}

/**
 * Reloads a page's data when a notice concerns it: `concerns` picks the notices, `reload`
 * gets the highest position seen (pass it as `minPosition`, so the read reflects the write),
 * or null after a `reset`. Throttled to one reload per `quietMs`; ends with the page.
 */
export function liveReload(
  ctx: Pick<PageContext, 'onDispose'>,
  concerns: (notice: LiveNotice) => boolean,
  reload: (minPosition: string | null) => void,
  options: LiveReloadOptions = {},
): void {
  const connection = options.connection ?? liveConnection();
  const quietMs = options.quietMs ?? 1000;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let position: string | null = null;
  let reset = false;
  const fire = () => {
    timer = null;
    const at = reset ? null : position;
    reset = false;
    position = null;
    reload(at);
  };
  const schedule = () => {
    timer ??= setTimeout(fire, quietMs);
  };
  const stopListening = connection.listen((signal) => {
    if ('reset' in signal) {
      reset = true;
      schedule();
      return;
    }
    for (const notice of signal.notices) {
      if (!concerns(notice)) continue;
      if (position === null || BigInt(notice.position) > BigInt(position)) position = notice.position;
      schedule();
    }
  });
  const stopState = options.onState ? connection.onState(options.onState) : () => undefined;
  if (options.onState) options.onState(connection.state);
  ctx.onDispose(() => {
    if (timer !== null) clearTimeout(timer);
    stopState();
    stopListening();
  });
}
