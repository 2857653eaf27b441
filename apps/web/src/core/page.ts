import type { ApiClient } from './api';
import type { LiveHandlers } from './live';
import type { MessageKey } from './i18n';
import type { Principal, Role } from './session';

/** What a page gets when it is shown. */
export interface PageContext {
  readonly api: ApiClient;
  readonly principal: Principal;
  /** `:name` parts of the route's path. */
  readonly params: Readonly<Record<string, string>>;
  /** The query string of the URL (filters, the chosen week…): a page's state that a link can carry. */
  readonly query: URLSearchParams;
  /** Go to another page of the app (pushes history). */
  navigate(path: string): void;
  /** Replace the URL's query without reloading the page (e.g. after a filter changes). */
  replaceQuery(query: Record<string, string | null | undefined>): void;
  /** Show this page again with its query changed (e.g. after a write: `{ minPosition }`), replacing the history entry. */
  refresh(query?: Record<string, string | null | undefined>, options?: { quiet?: boolean }): void;
  /** Follow the live feed (GET /api/v1/live) while the page is shown. */
  live(handlers: LiveHandlers): void;
  /** Run when the page is left: close charts, live feeds, timers. */
  onDispose(cleanup: () => void): void;
}

/** One page of the UI: registered once in pages/index.ts. */
export interface PageDef {
  /** e.g. `/matters` or `/matters/:id`. */
  readonly path: string;
  /** Its entry in the navigation (pages without one are reached by links, e.g. a matter's detail). */
  readonly nav?: MessageKey;
  /** Which roles may open it (admin always may). The API decides what they may read and write. */
  readonly roles: readonly Role[];
  /** The page's content; its first heading is an `h1`. */
  render(ctx: PageContext): Node | Promise<Node>;
}
