import { isMap } from 'yaml';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { locatePath, type PathSegment } from '../documents/yamlPath';
import { isRecord } from '../documents/plainValues';
import { dataOf, pathOf, quickFix, type FixContext } from './fixContext';
import { placeholderOf } from './placeholders';
import type { YamlOut } from './renderYaml';
import { insertPairs } from './textEdits';
import { SELECTOR_WORKLOADS, selectorForTemplate } from './workloads';

interface Missing {
  diagnostic: Diagnostic;
  path: PathSegment[];
  field: string;
}

function missingOf(diagnostic: Diagnostic): Missing | undefined {
  if (diagnostic.code !== 'missing-required-field') return undefined;
  const data = dataOf(diagnostic);
  const path = pathOf(data);
  return path && typeof data.field === 'string' ? { diagnostic, path, field: data.field } : undefined;
}

/**
 * missing-required-field: insert the field with a placeholder that satisfies its schema, at the
 * indentation of its siblings. When the client sent several missing fields of the same object,
 * one more action adds them all at once.
 */
export function missingRequiredFixes(ctx: FixContext): CodeAction[] {
  const missing = missingOf(ctx.diagnostic);
  if (!missing) return [];
  const location = locatePath(ctx.doc.yaml, missing.path);
  if (location.found.length !== missing.path.length || !isMap(location.node)) return [];
  const map = location.node;
  const out: CodeAction[] = [];
  const one = quickFix(ctx, `Add missing field "${missing.field}"`, [insertPairs(ctx.file, map, [[missing.field, placeholder(ctx, missing.path, missing.field)]])], true);
  if (one) out.push(one);
  const key = JSON.stringify(missing.path);
  const siblings = ctx.diagnostics.map(missingOf).filter((m): m is Missing => m !== undefined && JSON.stringify(m.path) === key);
  const fields = [...new Set(siblings.map((m) => m.field))].filter((f) => !map.has(f));
  if (fields.length > 1) {
    const entries = fields.map((f): [string, YamlOut] => [f, placeholder(ctx, missing.path, f)]);
    const all = quickFix(ctx, `Add all missing fields (${fields.join(', ')})`, [insertPairs(ctx.file, map, entries)], false, siblings.map((m) => m.diagnostic));
    if (all) out.push(all);
  }
  return out;
}

function placeholder(ctx: FixContext, path: PathSegment[], field: string): YamlOut {
  const value = ctx.doc.value;
  if (ctx.doc.flavor !== 'kubernetes' || !isRecord(value)) return '';
  // `kind: List` items are objects of their own: the schema walk starts at the item.
  const base = value.kind === 'List' && path[0] === 'items' && typeof path[1] === 'number' ? path.slice(0, 2) : [];
  const object = base.length ? (value.items as unknown[] | undefined)?.[base[1] as number] : value;
  if (!isRecord(object) || typeof object.apiVersion !== 'string' || typeof object.kind !== 'string') return '';
  const relative = path.slice(base.length);
  // A workload's selector is not any selector: it must select the pod template's labels.
  if (field === 'selector' && relative.length === 1 && relative[0] === 'spec' && SELECTOR_WORKLOADS.has(object.kind)) {
    const selector = selectorForTemplate(object, object.kind);
    if (selector) return selector;
  }
  const at = ctx.navigator().at(object.apiVersion, object.kind, [...relative, field]);
  return at ? placeholderOf(ctx.navigator(), at) : '';
}
