import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { ManifestDoc, ManifestFile } from '../documents/manifestFile';
import type { PathSegment } from '../documents/yamlPath';
import { isRecord } from '../documents/plainValues';
import { podTemplatePaths } from '../crossref/k8s/podTemplates';
import { contentEnd } from './pathSpan';
import { SymbolMaker } from './symbolMaker';

/** The symbol kind an object shows with (its icon in the outline and symbol search). */
export function objectSymbolKind(kind: string): SymbolKind {
  if (kind === 'Namespace') return SymbolKind.Namespace;
  if (['Service', 'Ingress', 'IngressClass', 'Gateway', 'HTTPRoute', 'NetworkPolicy'].includes(kind)) return SymbolKind.Interface;
  if (['ConfigMap', 'Secret', 'PersistentVolumeClaim', 'PersistentVolume'].includes(kind)) return SymbolKind.Object;
  if (podTemplatePaths(kind).length > 0) return SymbolKind.Class;
  return SymbolKind.Struct;
}

/** `Deployment web`, `ConfigMap settings`; a generated name ends in `*`. */
export function objectLabel(kind: string, metadata: unknown): string {
  const meta = isRecord(metadata) ? metadata : {};
  const name = typeof meta.name === 'string' && meta.name ? meta.name : typeof meta.generateName === 'string' && meta.generateName ? `${meta.generateName}*` : '';
  return name ? `${kind} ${name}` : kind;
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function at(value: unknown, path: readonly PathSegment[]): unknown {
  let node = value;
  for (const s of path) node = isRecord(node) ? node[s as string] : Array.isArray(node) ? node[s as number] : undefined;
  return node;
}

function scalar(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function portLabel(port: Record<string, unknown>, target?: unknown): string {
  const name = typeof port.name === 'string' && port.name ? `${port.name} ` : '';
  const protocol = typeof port.protocol === 'string' ? port.protocol : 'TCP';
  const number = scalar(port.containerPort ?? port.port) ?? '?';
  const to = target === undefined ? '' : ` → ${scalar(target) ?? '?'}`;
  return `${name}${number}${to}/${protocol}`;
}

// A volume's source: its type (the key beside `name`) and the object it names, if any.
function volumeDetail(volume: Record<string, unknown>): string | undefined {
  const type = Object.keys(volume).find((k) => k !== 'name');
  if (!type) return undefined;
  const source = volume[type];
  const named = isRecord(source) ? scalar(source.name ?? source.secretName ?? source.claimName) : undefined;
  return named ? `${type} ${named}` : type;
}

function containerSymbols(maker: SymbolMaker, spec: unknown, specPath: PathSegment[]): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const listName of ['initContainers', 'containers']) {
    list(at(spec, [listName])).forEach((container, i) => {
      if (!isRecord(container)) return;
      const path = [...specPath, listName, i];
      const ports = list(container.ports).flatMap((port, j) => {
        if (!isRecord(port)) return [];
        const symbol = maker.make([...path, 'ports', j], portLabel(port), SymbolKind.Property, undefined, [...path, 'ports', j, 'containerPort']);
        return symbol ? [symbol] : [];
      });
      const name = typeof container.name === 'string' && container.name ? container.name : `${listName}[${i}]`;
      const image = scalar(container.image);
      const detail = listName === 'initContainers' ? `${image ?? ''} (init)`.trim() : image;
      const symbol = maker.make(path, name, SymbolKind.Package, detail, [...path, 'name'], ports);
      if (symbol) out.push(symbol);
    });
  }
  return out;
}

function volumeSymbols(maker: SymbolMaker, spec: unknown, specPath: PathSegment[]): DocumentSymbol[] {
  return list(at(spec, ['volumes'])).flatMap((volume, i) => {
    if (!isRecord(volume)) return [];
    const path = [...specPath, 'volumes', i];
    const name = typeof volume.name === 'string' && volume.name ? volume.name : `volumes[${i}]`;
    const symbol = maker.make(path, name, SymbolKind.File, volumeDetail(volume), [...path, 'name']);
    return symbol ? [symbol] : [];
  });
}

function serviceSymbols(maker: SymbolMaker, value: Record<string, unknown>, base: PathSegment[]): DocumentSymbol[] {
  return list(at(value, ['spec', 'ports'])).flatMap((port, i) => {
    if (!isRecord(port)) return [];
    const path = [...base, 'spec', 'ports', i];
    const symbol = maker.make(path, portLabel(port, port.targetPort ?? port.port), SymbolKind.Property, undefined, [...path, 'port']);
    return symbol ? [symbol] : [];
  });
}

function objectSymbol(maker: SymbolMaker, doc: ManifestDoc, file: ManifestFile, value: Record<string, unknown>, base: PathSegment[]): DocumentSymbol | undefined {
  const kind = String(value.kind);
  const children: DocumentSymbol[] = [];
  for (const template of podTemplatePaths(kind)) {
    const specPath = [...base, ...template, 'spec'];
    const spec = at(value, [...template, 'spec']);
    children.push(...containerSymbols(maker, spec, specPath), ...volumeSymbols(maker, spec, specPath));
  }
  if (kind === 'Service') children.push(...serviceSymbols(maker, value, base));
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const namespace = typeof metadata.namespace === 'string' ? metadata.namespace : undefined;
  const label = objectLabel(kind, value.metadata);
  const symbolKind = objectSymbolKind(kind);
  const select = metadata.name !== undefined ? [...base, 'metadata', 'name'] : [...base, 'kind'];
  if (base.length > 0) return maker.make(base, label, symbolKind, namespace, select, children);
  // The document itself: from its start (a `---` line included) to its last character.
  const whole: [number, number] = [doc.start, Math.max(doc.start, contentEnd(file.text, doc.start, doc.end))];
  const chosen = maker.selection(select);
  const selection: [number, number] = chosen && chosen[0] >= whole[0] && chosen[1] <= whole[1] ? chosen : [whole[0], whole[0]];
  return maker.symbol(label, symbolKind, namespace, whole, selection, children);
}

/** One symbol per object of a Kubernetes document (every item of a `kind: List`). */
export function kubernetesDocumentSymbols(file: ManifestFile, doc: ManifestDoc): DocumentSymbol[] {
  const value = doc.value;
  if (!isRecord(value) || typeof value.kind !== 'string') return [];
  const maker = new SymbolMaker(file, doc);
  const objects: Array<[Record<string, unknown>, PathSegment[]]> =
    value.kind === 'List' && Array.isArray(value.items) ? value.items.flatMap((item, i) => (isRecord(item) && typeof item.kind === 'string' ? [[item, ['items', i]] as [Record<string, unknown>, PathSegment[]]] : [])) : [[value, []]];
  return objects.flatMap(([object, base]) => {
    const symbol = objectSymbol(maker, doc, file, object, base);
    return symbol ? [symbol] : [];
  });
}
