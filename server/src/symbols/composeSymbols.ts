import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { ManifestDoc, ManifestFile } from '../documents/manifestFile';
import type { PathSegment } from '../documents/yamlPath';
import { isRecord } from '../documents/plainValues';
import { SymbolMaker } from './symbolMaker';

/** The top-level sections an outline shows, with the kind of symbol their entries get. */
const SECTIONS: Record<string, SymbolKind> = {
  services: SymbolKind.Class,
  networks: SymbolKind.Interface,
  volumes: SymbolKind.File,
  secrets: SymbolKind.Key,
  configs: SymbolKind.Object,
};

function text(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

// `8080:80`, or the long syntax as the short one would say it.
function portLabel(port: unknown): string {
  if (!isRecord(port)) return text(port) ?? '?';
  const published = text(port.published);
  const target = text(port.target) ?? '?';
  const protocol = text(port.protocol);
  return `${published ? `${published}:` : ''}${target}${protocol ? `/${protocol}` : ''}`;
}

// `data:/var/lib/db`, or the long syntax as `source:target`.
function mountLabel(mount: unknown): string {
  if (!isRecord(mount)) return text(mount) ?? '?';
  const source = text(mount.source);
  return `${source ? `${source}:` : ''}${text(mount.target) ?? '?'}`;
}

function serviceDetail(service: Record<string, unknown>): string | undefined {
  const image = text(service.image);
  if (image) return image;
  const build = service.build;
  const context = isRecord(build) ? text(build.context) : text(build);
  return context ? `build ${context}` : undefined;
}

function resourceDetail(resource: Record<string, unknown>): string | undefined {
  if (resource.external === true || isRecord(resource.external)) return 'external';
  return text(resource.driver) ?? text(resource.file) ?? (resource.environment !== undefined ? `env ${text(resource.environment)}` : undefined);
}

/** Long-syntax items are highlighted at their most telling key. */
function listSymbols(maker: SymbolMaker, items: unknown, path: PathSegment[], label: (item: unknown) => string, kind: SymbolKind, keys: string[]): DocumentSymbol[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item, i) => {
    const key = isRecord(item) ? keys.find((k) => item[k] !== undefined) : undefined;
    const symbol = maker.make([...path, i], label(item), kind, undefined, key ? [...path, i, key] : undefined);
    return symbol ? [symbol] : [];
  });
}

function entrySymbol(maker: SymbolMaker, section: string, name: string, value: unknown): DocumentSymbol | undefined {
  const path = [section, name];
  const entry = isRecord(value) ? value : {};
  if (section !== 'services') return maker.make(path, name, SECTIONS[section]!, resourceDetail(entry));
  const children = [
    ...listSymbols(maker, entry.ports, [...path, 'ports'], portLabel, SymbolKind.Property, ['target']),
    ...listSymbols(maker, entry.volumes, [...path, 'volumes'], mountLabel, SymbolKind.File, ['source', 'target']),
  ];
  return maker.make(path, name, SymbolKind.Class, serviceDetail(entry), undefined, children);
}

/** The sections of a Compose document (services with their ports and volumes, networks, volumes, secrets, configs). */
export function composeDocumentSymbols(file: ManifestFile, doc: ManifestDoc): DocumentSymbol[] {
  const value = doc.value;
  if (!isRecord(value)) return [];
  const maker = new SymbolMaker(file, doc);
  const out: DocumentSymbol[] = [];
  for (const section of Object.keys(SECTIONS)) {
    const entries = value[section];
    if (!isRecord(entries)) continue;
    const children = Object.entries(entries).flatMap(([name, entry]) => {
      const symbol = entrySymbol(maker, section, name, entry);
      return symbol ? [symbol] : [];
    });
    const symbol = maker.make([section], section, SymbolKind.Module, undefined, undefined, children);
    if (symbol) out.push(symbol);
  }
  return out;
}
