import { SymbolKind, type Location, type SymbolInformation } from 'vscode-languageserver-types';
import type { ManifestFile } from '../documents/manifestFile';
import type { PathSegment } from '../documents/yamlPath';
import { isRecord } from '../documents/plainValues';
import type { K8sObject } from '../crossref/k8s/k8sObject';
import { objectLabel, objectSymbolKind } from './kubernetesSymbols';
import { fuzzyScore } from './fuzzyMatch';
import { pathSpan } from './pathSpan';

/** What workspace symbols read of the workspace index (WorkspaceIndex has it). */
export interface SymbolIndex {
  uris(): string[];
  objectsIn(uri: string): readonly K8sObject[];
  file(uri: string): ManifestFile | undefined;
}

export const DEFAULT_SYMBOL_LIMIT = 500;

interface Candidate {
  label: string;
  /** The name alone scores a little higher than the same letters spread over `Kind name`. */
  name: string;
  kind: SymbolKind;
  uri: string;
  docIndex: number;
  path: PathSegment[];
  container: string;
  score: number;
}

const COMPOSE_SECTIONS: Record<string, [string, SymbolKind]> = {
  services: ['service', SymbolKind.Class],
  networks: ['network', SymbolKind.Interface],
  volumes: ['volume', SymbolKind.File],
  secrets: ['secret', SymbolKind.Key],
  configs: ['config', SymbolKind.Object],
};

function fileName(uri: string): string {
  return decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
}

function score(query: string, name: string, label: string): number | undefined {
  const byName = fuzzyScore(query, name);
  const byLabel = fuzzyScore(query, label);
  if (byName === undefined) return byLabel;
  return Math.max(byName + 1, byLabel ?? 0);
}

function* kubernetesCandidates(index: SymbolIndex, uri: string, query: string): Iterable<Candidate> {
  for (const object of index.objectsIn(uri)) {
    const label = objectLabel(object.kind, object.value.metadata);
    const s = score(query, object.name, label);
    if (s === undefined) continue;
    const container = object.namespace ? `${object.namespace} · ${fileName(uri)}` : fileName(uri);
    const path = [...object.location.base, 'metadata', 'name'];
    yield { label, name: object.name, kind: objectSymbolKind(object.kind), uri, docIndex: object.location.docIndex, path, container, score: s };
  }
}

function* composeCandidates(file: ManifestFile, query: string): Iterable<Candidate> {
  for (const doc of file.docs) {
    if (doc.flavor !== 'compose' || !isRecord(doc.value)) continue;
    for (const [section, [word, kind]] of Object.entries(COMPOSE_SECTIONS)) {
      const entries = doc.value[section];
      if (!isRecord(entries)) continue;
      for (const name of Object.keys(entries)) {
        const label = `${word} ${name}`;
        const s = score(query, name, label);
        if (s !== undefined) yield { label, name, kind, uri: file.uri, docIndex: doc.index, path: [section, name], container: fileName(file.uri), score: s };
      }
    }
  }
}

function locate(index: SymbolIndex, c: Candidate): Location {
  const file = index.file(c.uri);
  const doc = file?.docs[c.docIndex];
  if (!file || !doc) return { uri: c.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  const span = pathSpan(doc, c.path, true);
  const [start, end] = (c.path.at(-1) === 'name' ? span?.value : span?.key) ?? span?.key ?? span?.value ?? [doc.start, doc.start];
  return { uri: c.uri, range: file.lines.rangeOf(start, end) };
}

/**
 * Objects across the workspace whose `Kind name` (or Compose `service name`…) matches the query
 * as a fuzzy subsequence, best first, at most `limit`; each located at its name.
 */
export function workspaceSymbols(index: SymbolIndex, query: string, limit = DEFAULT_SYMBOL_LIMIT): SymbolInformation[] {
  const found: Candidate[] = [];
  const trimmed = query.trim();
  for (const uri of index.uris()) {
    found.push(...kubernetesCandidates(index, uri, trimmed));
    const file = index.file(uri);
    if (file?.flavor === 'compose') found.push(...composeCandidates(file, trimmed));
  }
  found.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label) || a.uri.localeCompare(b.uri));
  return found.slice(0, Math.max(0, limit)).map((c) => ({ name: c.label, kind: c.kind, location: locate(index, c), containerName: c.container }));
}
