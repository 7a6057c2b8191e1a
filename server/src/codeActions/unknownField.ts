import { isMap, isScalar, type Pair, type Scalar } from 'yaml';
import type { CodeAction } from 'vscode-languageserver-types';
import { locatePath } from '../documents/yamlPath';
import { dataOf, pathOf, quickFix, type FixContext } from './fixContext';
import { restyled } from './renderYaml';
import { removePair } from './textEdits';

/** At most this many "change to" fixes: a handful ranked by edit distance, not the whole schema. */
const MAX_CANDIDATES = 5;

/**
 * unknown-field: rename the key to one of the closest allowed fields (best first, preferred),
 * or remove it. Candidates come ranked from the validator (`data.candidates`); fields the map
 * already has are skipped, since renaming onto them would duplicate a key.
 */
export function unknownFieldFixes(ctx: FixContext): CodeAction[] {
  const data = dataOf(ctx.diagnostic);
  const path = pathOf(data);
  const field = data.field;
  if (!path || typeof field !== 'string' || path.at(-1) !== field) return [];
  const parent = locatePath(ctx.doc.yaml, path.slice(0, -1));
  if (parent.found.length !== path.length - 1 || !isMap(parent.node)) return [];
  const map = parent.node;
  const pair = map.items.find((p) => isScalar(p.key) && String(p.key.value) === field) as Pair<Scalar> | undefined;
  const key = pair?.key;
  // The diagnostic must still sit on this key: a stale one (the text changed since) gets no fix.
  if (!pair || !key?.range || key.range[0] !== ctx.start || key.range[1] !== ctx.end) return [];
  const present = new Set(map.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '')));
  const candidates = (Array.isArray(data.candidates) ? data.candidates : [])
    .filter((c): c is string => typeof c === 'string' && !present.has(c))
    .slice(0, MAX_CANDIDATES);
  const out: CodeAction[] = [];
  candidates.forEach((candidate, i) => {
    const edit = { start: key.range![0], end: key.range![1], text: restyled(key, candidate) };
    const action = quickFix(ctx, `Change "${field}" to "${candidate}"`, [edit], i === 0);
    if (action) out.push(action);
  });
  const removal = quickFix(ctx, `Remove unknown field "${field}"`, [removePair(ctx.file, map, pair)]);
  if (removal) out.push(removal);
  return out;
}
