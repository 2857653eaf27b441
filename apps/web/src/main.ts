import './styles.css';
import { ApiClient } from './core/api';
import { h, replace } from './core/dom';
import { initLocale, label, locale, setLocale, t } from './core/i18n';
import { followLive } from './core/live';
import { PageContext } from './core/page';
import { internalLink, matchPath } from './core/router';
import { mayOpen, Principal, Session } from './core/session';
import { forgetUnits } from './core/units';
import { loading, problemBox } from './core/ui';
import { PAGES } from './pages';
import { signInPage } from './pages/sign-in';

/** The shell: sign-in, the navigation of the principal's role, and the current page. */
const root = document.getElementById('app')!;
const session = new Session(sessionStorage);
const api = new ApiClient(
  () => session.token(),
  () => {
    // The token was refused (revoked, replaced, expired): the session ends; the sign-in page says why.
    signOut(true);
  },
);
const disposers: (() => void)[] = [];
let expired = false;

initLocale(localStorage);
document.documentElement.lang = locale() === 'zh' ? 'zh-CN' : 'en';

function dispose(): void {
  for (const cleanup of disposers.splice(0)) {
    try {
      cleanup();
    } catch {
      // a page's cleanup never stops the next page
    }
  }
}

function signOut(becauseRefused = false): void {
  dispose();
  session.end();
  forgetUnits();
  expired = becauseRefused;
  history.replaceState(null, '', '/');
  void show();
}

/** The pages of this principal's role, in navigation order. */
function pagesFor(principal: Principal) {
  return PAGES.filter((page) => mayOpen(principal.role, page.roles));
}

function homePath(principal: Principal): string {
  return pagesFor(principal).find((page) => page.nav)?.path ?? '/';
}

export function navigate(path: string): void {
  history.pushState(null, '', path);
  void show();
}

function shell(principal: Principal, main: HTMLElement): HTMLElement {
  const current = location.pathname;
  const nav = pagesFor(principal)
    .filter((page) => page.nav)
    .map((page) => {
      const active = current === page.path || current.startsWith(`${page.path}/`);
      return h('li', null, h('a', { href: page.path, 'aria-current': active ? 'page' : null }, t(page.nav!)));
    });
  return h(
    'div',
    { class: 'shell' },
    h('a', { class: 'skip-link', href: '#main' }, t('app.skip')),
    h(
      'header',
      { class: 'topbar' },
      h('span', { class: 'brand' }, t('app.title')),
      h('nav', { 'aria-label': t('app.nav') }, h('ul', { class: 'nav' }, ...nav)),
      h(
        'div',
        { class: 'who' },
        h(
          'span',
          { class: 'who-name', 'data-role': principal.role },
          t('app.signedInAs', { name: principal.name, role: label('role', principal.role) }),
        ),
        h(
          'button',
          {
            type: 'button',
            class: 'link-button',
            lang: locale() === 'zh' ? 'en' : 'zh-CN',
            'aria-label': locale() === 'zh' ? t('app.languageLabel') : null,
            onclick: () => {
              setLocale(locale() === 'zh' ? 'en' : 'zh', localStorage);
              document.documentElement.lang = locale() === 'zh' ? 'zh-CN' : 'en';
              void show();
            },
          },
          t('app.language'),
        ),
        h('button', { type: 'button', class: 'link-button', onclick: () => signOut() }, t('app.signOut')),
      ),
    ),
    main,
  );
}

let shown = 0;

/**
 * Shows the current URL's page. `focus` (a navigation) moves the focus to it; a quiet refresh
 * (a live update) keeps the old page on screen until the new one is ready, focus and scroll
 * where they are. A render overtaken by a later one is thrown away with its cleanups.
 */
async function show(focus = true): Promise<void> {
  const generation = ++shown;
  const previous = disposers.splice(0);
  const runAll = (list: (() => void)[]) => {
    for (const cleanup of list) {
      try {
        cleanup();
      } catch {
        // a page's cleanup never stops the next page
      }
    }
  };
  // A navigation ends the old page now; a quiet refresh ends it once the new one is shown.
  if (focus) runAll(previous.splice(0));
  document.title = t('app.title');
  const token = session.token();
  if (!token) {
    runAll(previous.splice(0));
    replace(root, signInPage({ expired, onSignedIn: signedIn }));
    return;
  }
  if (!session.principal) {
    replace(root, loading());
    try {
      session.principal = await api.get<Principal>('/principals/me');
    } catch (error) {
      if (session.token())
        replace(
          root,
          problemBox(error, () => void show()),
        );
      return;
    }
  }
  const principal = session.principal;
  let path = location.pathname;
  if (path === '/' || path === '') {
    path = homePath(principal);
    history.replaceState(null, '', `${path}${location.search}`);
  }
  let main = document.getElementById('main');
  if (focus || !main || !root.contains(main)) {
    main = h('main', { id: 'main', tabindex: '-1' });
    replace(root, shell(principal, main));
  }
  const route = PAGES.map((page) => ({ page, match: matchPath(page.path, path) })).find((r) => r.match);
  if (!route || !mayOpen(principal.role, route.page.roles)) {
    runAll(previous.splice(0));
    const message = !route ? (path === '/' ? t('app.title') : t('app.notFound')) : t('app.forbiddenPage');
    replace(main, h('h1', null, message));
    return;
  }
  const mine: (() => void)[] = [];
  const ctx: PageContext = {
    api,
    principal,
    params: route.match!.params,
    query: new URLSearchParams(location.search),
    navigate,
    replaceQuery,
    refresh: (query = {}, options = {}) => {
      replaceQuery(query);
      void show(!options.quiet);
    },
    live: (handlers) => mine.push(followLive(() => session.token(), handlers)),
    onDispose: (cleanup) => mine.push(cleanup),
  };
  if (focus) replace(main, loading());
  let content: Node;
  try {
    content = await route.page.render(ctx);
  } catch (error) {
    content = problemBox(error, () => void show());
  }
  if (generation !== shown) {
    runAll(mine);
    runAll(previous.splice(0));
    return;
  }
  replace(main, content);
  runAll(previous.splice(0));
  disposers.push(...mine);
  const heading = main.querySelector('h1');
  if (heading) document.title = `${heading.textContent ?? ''} · ${t('app.title')}`;
  if (focus) main.focus({ preventScroll: true });
}

function replaceQuery(query: Record<string, string | null | undefined>): void {
  const params = new URLSearchParams(location.search);
  for (const [key, value] of Object.entries(query)) {
    if (value === null || value === undefined || value === '') params.delete(key);
    else params.set(key, value);
  }
  const search = params.toString();
  history.replaceState(null, '', `${location.pathname}${search ? `?${search}` : ''}`);
}

function signedIn(token: string, principal: Principal): void {
  session.keep(token);
  session.principal = principal;
  expired = false;
  history.replaceState(null, '', homePath(principal));
  void show();
}

document.addEventListener('click', (event) => {
  const path = internalLink(event);
  if (path === null) return;
  if (path.startsWith('/') && !path.startsWith('/#')) {
    event.preventDefault();
    navigate(path);
  }
});
window.addEventListener('popstate', () => void show());
void show();
