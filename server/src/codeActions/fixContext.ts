import { isMap, type YAMLMap } from 'yaml';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import type { ManifestDoc, ManifestFile } from '../documents/manifestFile';
import { locatePath, type PathSegment } from '../documents/yamlPath';
import { pathAtOffset } from '../documents/pathAtOffset';
import { isRecord } from '../documents/plainValues';
import type { KubernetesSchemas } from '../schema/kubernetesSchemas';
import { SchemaNavigator } from '../schema/schemaNavigator';
import { toWorkspaceEdit, type OffsetEdit } from './textEdits';

/** What one fix family gets: the diagnostic, the document it sits in, and the schemas of the chosen version. */
export interface FixContext {
  file: ManifestFile;
  diagnostic: Diagnostic;
  /** Every diagnostic the client sent (a fix may cover several of one kind). */
  diagnostics: readonly Diagnostic[];
  doc: ManifestDoc;
  /** The diagnostic's range as offsets of the file text. */
  start: number;
  end: number;
  schemas: KubernetesSchemas;
  version: string;
  navigator(): SchemaNavigator;
}

export type FixProvider = (ctx: FixContext) => CodeAction[];

/** The document holding an offset. */
export function docAt(file: ManifestFile, offset: number): ManifestDoc | undefined {
  return file.docs.find((d) => d.start <= offset && offset <= d.end);
}

/** A Kubernetes object inside a document: the document itself, or one item of a `kind: List`. */
export interface ObjectAt {
  /** Path of the object in the document ([] or ['items', i]). */
  base: PathSegment[];
  value: Record<string, unknown>;
  node: YAMLMap;
}

export function objectAt(doc: ManifestDoc, offset: number): ObjectAt | undefined {
  const value = doc.value;
  if (!isRecord(value)) return undefined;
  let base: PathSegment[] = [];
  if (value.kind === 'List' && Array.isArray(value.items)) {
    const path = pathAtOffset(doc.yaml, offset)?.path ?? [];
    if (path[0] !== 'items' || typeof path[1] !== 'number') return undefined;
    base = path.slice(0, 2);
  }
  const object = base.length ? (value.items as unknown[])[base[1] as number] : value;
  const node = locatePath(doc.yaml, base).node;
  if (!isRecord(object) || !isMap(node)) return undefined;
  return { base, value: object, node };
}

/** A `quickfix` code action editing this file. */
export function quickFix(ctx: FixContext, title: string, edits: ReadonlyArray<OffsetEdit | undefined>, preferred = false, diagnostics: Diagnostic[] = [ctx.diagnostic]): CodeAction | undefined {
  const present = edits.filter((e): e is OffsetEdit => e !== undefined);
  if (present.length === 0 || present.length !== edits.length) return undefined;
  const action: CodeAction = { title, kind: 'quickfix', diagnostics, edit: toWorkspaceEdit(ctx.file, present) };
  if (preferred) action.isPreferred = true;
  return action;
}

/** The diagnostic's `data` as a record (clients send it back as they got it, or drop it). */
export function dataOf(diagnostic: Diagnostic): Record<string, unknown> {
  return isRecord(diagnostic.data) ? diagnostic.data : {};
}

/** A `data.path` as sent back by the client: strings and list indexes only. */
export function pathOf(data: Record<string, unknown>): PathSegment[] | undefined {
  const path = data.path;
  if (!Array.isArray(path) || !path.every((s) => typeof s === 'string' || typeof s === 'number')) return undefined;
  return path as PathSegment[];
}
