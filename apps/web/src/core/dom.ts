/**
 * The one way pages make DOM: elements with attributes, listeners and children, never HTML
 * strings (so text from the ledger can never become markup).
 */
export type Child = Node | string | number | null | undefined | false | Child[];
type Listener = (event: Event) => void;
export type Attrs = Record<string, string | number | boolean | null | undefined | Listener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') {
      el.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    } else if (name === 'value' && 'value' in el) {
      (el as HTMLInputElement).value = String(value);
    } else if (name === 'checked' && 'checked' in el) {
      (el as HTMLInputElement).checked = value === true;
    } else {
      el.setAttribute(name === 'className' ? 'class' : name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else parent.appendChild(typeof child === 'string' || typeof child === 'number' ? text(child) : child);
  }
}

export function text(value: string | number): Text {
  return document.createTextNode(String(value));
}

/** Replaces an element's children. */
export function replace(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

let ids = 0;
/** A page-unique id, for label/for and aria-describedby pairs. */
export function uid(prefix = 'f'): string {
  ids += 1;
  return `${prefix}-${ids}`;
}
