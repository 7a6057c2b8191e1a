/**
 * DOM builders. Text always goes in as text nodes / textContent, never as HTML, and no element gets a
 * `style` attribute (the CSP allows only our stylesheet): looks come from classes in dryrun.css.
 */

export type Child = Node | string | number | undefined | null | false;
type AttributeValue = string | number | boolean | undefined;

export interface Props {
  class?: string;
  attrs?: Record<string, AttributeValue>;
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props | string = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  decorate(element, typeof props === 'string' ? { class: props } : props);
  append(element, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, AttributeValue> = {}, ...children: Child[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  decorate(element, { attrs });
  append(element, children);
  return element;
}

/** A codicon glyph; decorative unless given a label. */
export function icon(name: string, label?: string): HTMLSpanElement {
  const glyph = h('span', `codicon codicon-${name}`);
  if (label) {
    glyph.setAttribute('role', 'img');
    glyph.setAttribute('aria-label', label);
  } else {
    glyph.setAttribute('aria-hidden', 'true');
  }
  return glyph;
}

/** Text only screen readers get (e.g. table captions). */
export function screenReaderText(text: string): HTMLSpanElement {
  return h('span', 'visually-hidden', text);
}

function decorate(element: Element, props: Props): void {
  if (props.class) element.setAttribute('class', props.class);
  for (const [name, value] of Object.entries(props.attrs ?? {})) {
    if (name === 'style' || name.startsWith('on')) throw new Error(`refusing to set attribute ${name}`);
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
}

function append(element: Element, children: Child[]): void {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    element.append(typeof child === 'number' ? String(child) : child);
  }
}
