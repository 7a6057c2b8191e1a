import { isScalar } from 'yaml';
import type { CodeAction } from 'vscode-languageserver-types';
import { pathAtOffset } from '../documents/pathAtOffset';
import { isRecord } from '../documents/plainValues';
import { extractObjects } from '../crossref/k8s/k8sObject';
import { podObjectReferences } from '../crossref/k8s/podReferences';
import { objectAt, quickFix, type FixContext } from './fixContext';
import { blockText, type YamlOut } from './renderYaml';
import { newlineOf, type OffsetEdit } from './textEdits';

const KIND_OF_CODE: Record<string, 'ConfigMap' | 'Secret' | 'ServiceAccount'> = {
  'configmap-missing': 'ConfigMap',
  'secret-missing': 'Secret',
  'serviceaccount-missing': 'ServiceAccount',
};

/**
 * configmap-missing, secret-missing, serviceaccount-missing: create the object as a new document
 * at the end of this file, in the referencing object's namespace, with every key this object
 * reads from it (empty values to fill in), so no key finding follows. Not preferred when the
 * finding points at a close or same-named object elsewhere: then the reference is the likelier bug.
 */
export function missingObjectFixes(ctx: FixContext): CodeAction[] {
  const kind = KIND_OF_CODE[String(ctx.diagnostic.code)];
  const object = objectAt(ctx.doc, ctx.start);
  const target = pathAtOffset(ctx.doc.yaml, ctx.start);
  const node = target?.node;
  if (!kind || !object || !isScalar(node) || !node.range || node.range[0] !== ctx.start || node.range[1] !== ctx.end) return [];
  const name = node.value;
  if (typeof name !== 'string' || name === '') return [];

  const metadata: Record<string, YamlOut> = { name };
  const source = isRecord(object.value.metadata) ? object.value.metadata : {};
  if (typeof source.namespace === 'string' && source.namespace) metadata.namespace = source.namespace;
  const created: Record<string, YamlOut> = { apiVersion: 'v1', kind, metadata };
  const keys = Object.fromEntries(referencedKeys(ctx, object.base, kind, name).map((k) => [k, '']));
  if (kind === 'ConfigMap') created.data = keys;
  if (kind === 'Secret') Object.assign(created, { type: 'Opaque', stringData: keys });

  const preferred = !ctx.diagnostic.relatedInformation?.length;
  const action = quickFix(ctx, `Create ${kind} "${name}" in this file`, [appendDocument(ctx, created)], preferred);
  return action ? [action] : [];
}

// The keys the referencing object reads from the missing ConfigMap/Secret (env keyRefs, volume items).
function referencedKeys(ctx: FixContext, base: readonly (string | number)[], kind: string, name: string): string[] {
  const source = extractObjects(ctx.file).find((o) => o.location.docIndex === ctx.doc.index && o.location.base.join('/') === base.join('/'));
  const keys = new Set<string>();
  for (const template of source?.podTemplates ?? []) {
    for (const ref of podObjectReferences(template)) {
      if (ref.kind === kind && ref.name === name && typeof ref.key?.value === 'string' && ref.key.value) keys.add(ref.key.value);
    }
  }
  return [...keys].sort();
}

function appendDocument(ctx: FixContext, value: Record<string, YamlOut>): OffsetEdit {
  const text = ctx.file.text;
  const nl = newlineOf(text);
  const lead = text.length === 0 || text.endsWith('\n') ? '' : nl;
  // A file that already ends in a `---` has the separator the new document needs.
  const separator = /(^|\n)---[ \t]*\r?\n?$/.test(text) ? '' : `---${nl}`;
  return { start: text.length, end: text.length, text: `${lead}${separator}${blockText(value, '', nl)}${nl}` };
}
