/** The field-level diff of one object: path, live value, value after the apply. */
import type { FieldChange } from '../../../server/src/shared/dryrunPlan';
import { h, screenReaderText } from './dom';
import { formatValue } from './format';

export function renderDiffTable(changes: FieldChange[], objectName: string): HTMLTableElement {
  const rows = changes.map((change) => {
    const kind = change.from === undefined ? 'added' : change.to === undefined ? 'removed' : 'changed';
    return h(
      'tr',
      `diff-row diff-${kind}`,
      h('td', 'diff-path', h('code', {}, change.path)),
      valueCell(change.from, 'diff-from'),
      valueCell(change.to, 'diff-to'),
    );
  });
  return h(
    'table',
    'diff',
    h('caption', {}, screenReaderText(`Field changes of ${objectName}`)),
    h('thead', {}, h('tr', {}, h('th', { attrs: { scope: 'col' } }, 'Field'), h('th', { attrs: { scope: 'col' } }, 'Live'), h('th', { attrs: { scope: 'col' } }, 'Result'))),
    h('tbody', {}, ...rows),
  );
}

function valueCell(value: unknown, className: string): HTMLTableCellElement {
  if (value === undefined) return h('td', `diff-value ${className} absent`, '(absent)');
  return h('td', `diff-value ${className}`, h('code', {}, formatValue(value)));
}
