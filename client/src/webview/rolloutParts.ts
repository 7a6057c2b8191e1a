/** Pieces every rollout section shares: its heading with facts, notes, and the cells of a steps table. */
import { h, icon, type Child } from './dom';
import { kubectlName } from './format';

export function rolloutSection(kind: string, namespace: string, name: string, facts: string[], ...body: Child[]): HTMLElement {
  const id = `rollout-${kind}-${namespace}-${name}`.replace(/[^A-Za-z0-9_-]/g, '_');
  return h(
    'article',
    { class: `rollout rollout-${kind.toLowerCase()}`, attrs: { 'aria-labelledby': id, 'data-name': `${namespace}/${name}` } },
    h('h3', { attrs: { id } }, kubectlName(kind, name), h('span', 'namespace', ` in ${namespace}`)),
    facts.length ? h('ul', 'facts', ...facts.map((fact) => h('li', 'fact', fact))) : undefined,
    ...body,
  );
}

export function notesList(notes: string[] | undefined): HTMLUListElement | undefined {
  return notes?.length ? h('ul', 'notes', ...notes.map((note) => h('li', 'note', icon('info'), note))) : undefined;
}

export function eventsCell(events: string[] | undefined): HTMLTableCellElement {
  if (!events?.length) return h('td', 'events none', '—');
  return h('td', 'events', h('ul', {}, ...events.map((event) => h('li', {}, event))));
}

export function headerRow(...titles: string[]): HTMLTableSectionElement {
  return h('thead', {}, h('tr', {}, ...titles.map((title) => h('th', { attrs: { scope: 'col' } }, title))));
}

/** A small colour key above a chart or grid. */
export function legend(entries: Array<[swatchClass: string, text: string]>): HTMLUListElement {
  return h('ul', { class: 'legend', attrs: { 'aria-hidden': 'true' } }, ...entries.map(([swatch, text]) => h('li', {}, h('span', `swatch ${swatch}`), text)));
}
