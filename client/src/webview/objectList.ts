/**
 * One row per object: verdict badge, kubectl's line, a link to the source, warnings, and a field diff
 * that opens and closes (the row head is a real button: Enter and Space toggle it).
 */
import type { ObjectAction, ObjectPlan, SourceLocation } from '../../../server/src/shared/dryrunPlan';
import { objectKey } from '../dryrun/messages';
import { renderDiffTable } from './diffTable';
import { h, icon } from './dom';
import { plural, sourceLabel } from './format';

export interface ObjectRowActions {
  isExpanded(key: string): boolean;
  setExpanded(key: string, open: boolean): void;
  reveal(source: SourceLocation): void;
}

const VERDICT_ICON: Record<ObjectAction, string> = {
  created: 'diff-added',
  configured: 'diff-modified',
  unchanged: 'check',
  pruned: 'trash',
  rejected: 'error',
};

const EMPTY_DIFF: Record<ObjectAction, string> = {
  created: 'Created as written in the manifest.',
  configured: 'No field changes recorded.',
  unchanged: 'No field changes.',
  pruned: 'Deleted: it is no longer in the manifests.',
  rejected: 'Nothing changes: the object is rejected.',
};

export function verdictBadge(action: ObjectAction, text: string = action): HTMLSpanElement {
  return h('span', `badge verdict verdict-${action}`, icon(VERDICT_ICON[action]), text);
}

export function renderObjectList(objects: ObjectPlan[], actions: ObjectRowActions): HTMLUListElement {
  return h('ul', { class: 'objects', attrs: { 'aria-label': 'Objects' } }, ...objects.map((object, index) => renderObjectRow(object, index, actions)));
}

function renderObjectRow(object: ObjectPlan, index: number, actions: ObjectRowActions): HTMLLIElement {
  const key = objectKey(object);
  const detailId = `object-${index}-detail`;
  const open = actions.isExpanded(key);
  const changes = object.diff.length > 0 ? h('span', 'change-count', plural(object.diff.length, 'change')) : undefined;
  const twisty = icon(open ? 'chevron-down' : 'chevron-right');
  twisty.classList.add('twisty');
  const head = h(
    'button',
    { class: 'row-head', attrs: { type: 'button', 'aria-expanded': String(open), 'aria-controls': detailId, 'data-key': key } },
    twisty,
    verdictBadge(object.action),
    h('span', 'kubectl-line', object.message),
    changes,
  );
  const detail = h(
    'div',
    { class: 'object-detail', attrs: { id: detailId, hidden: !open } },
    h('p', 'object-identity', `${object.apiVersion} ${object.kind} ${object.namespace ? `${object.namespace}/` : ''}${object.name}`),
    object.diff.length > 0 ? renderDiffTable(object.diff, object.message) : h('p', 'empty-diff', EMPTY_DIFF[object.action]),
  );
  head.addEventListener('click', () => {
    const expand = head.getAttribute('aria-expanded') !== 'true';
    head.setAttribute('aria-expanded', String(expand));
    detail.hidden = !expand;
    twisty.classList.replace(expand ? 'codicon-chevron-right' : 'codicon-chevron-down', expand ? 'codicon-chevron-down' : 'codicon-chevron-right');
    actions.setExpanded(key, expand);
  });
  return h(
    'li',
    { class: `object object-${object.action}`, attrs: { 'data-key': key } },
    h('div', 'object-line', head, object.source ? revealLink(object, object.source, actions) : undefined),
    object.warnings?.length ? h('ul', 'warnings', ...object.warnings.map((warning) => h('li', 'warning', icon('warning'), warning))) : undefined,
    detail,
  );
}

/** A link-styled button: it runs an action (open the file at the line) rather than navigating the webview. */
function revealLink(object: ObjectPlan, source: SourceLocation, actions: ObjectRowActions): HTMLButtonElement {
  const where = sourceLabel(source);
  const text = object.action === 'rejected' ? `Show the offending line (${where})` : where;
  const link = h('button', { class: 'link reveal', attrs: { type: 'button', title: `Open ${where}` } }, icon('go-to-file'), text);
  link.addEventListener('click', () => actions.reveal(source));
  return link;
}
