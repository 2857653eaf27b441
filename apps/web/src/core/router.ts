/** Path routing with the History API: `/matters/:id` patterns, links intercepted, the server answers index.html for each. */
export interface Match {
  readonly params: Record<string, string>;
}

export function matchPath(pattern: string, path: string): Match | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i += 1) {
    if (want[i].startsWith(':')) params[want[i].slice(1)] = decodeURIComponent(got[i]);
    else if (want[i] !== got[i]) return null;
  }
  return { params };
}

/** A link within the app: same origin, no modifier key, no target. */
export function internalLink(event: MouseEvent): string | null {
  if (
    event.defaultPrevented ||
    event.button !== 0 ||
    event.metaKey ||
    event.ctrlKey ||
    event.shiftKey ||
    event.altKey
  ) {
    return null;
  }
  const anchor = (event.target as Element | null)?.closest?.('a');
  if (!anchor || anchor.target || anchor.hasAttribute('download')) return null;
  if ((anchor.getAttribute('href') ?? '').startsWith('#')) return null;
  const url = new URL(anchor.href, location.href);
  if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return null;
  return `${url.pathname}${url.search}`;
}
