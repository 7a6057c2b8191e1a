import type { Diagnostic } from 'vscode-languageserver-types';
import { parseManifestFile, type ManifestFile } from '../../../../server/src/documents/manifestFile';
import { composeCrossrefDiagnostics, composeDependencies, type ComposeWorkspace } from '../../../../server/src/crossref/compose/composeCrossref';

export const ROOT = 'file:///project/';
const SEVERITIES = ['', 'error', 'warning', 'information', 'hint'] as const;

/** Lines joined with "\n", so fixtures keep exact columns. */
export function lines(...rows: string[]): string {
  return rows.join('\n') + '\n';
}

/** A workspace held in memory: files by path relative to file:///project/, plus paths that exist but aren't YAML. */
export class MemoryWorkspace implements ComposeWorkspace {
  private readonly texts = new Map<string, string>();
  private readonly parsed = new Map<string, ManifestFile>();
  private readonly others = new Set<string>();

  constructor(files: Record<string, string>, otherPaths: string[] = []) {
    for (const [path, text] of Object.entries(files)) this.texts.set(new URL(path, ROOT).href, text);
    for (const path of otherPaths) this.others.add(new URL(path, ROOT).href.replace(/\/$/, ''));
  }

  getFile(uri: string): ManifestFile | undefined {
    const text = this.texts.get(uri);
    if (text === undefined) return undefined;
    if (!this.parsed.has(uri)) this.parsed.set(uri, parseManifestFile(uri, text));
    return this.parsed.get(uri);
  }

  exists(uri: string): boolean {
    const all = [...this.texts.keys(), ...this.others];
    return all.some((u) => u === uri || u.startsWith(`${uri.replace(/\/$/, '')}/`));
  }
}

export interface FoundRelated {
  /** Path relative to the project folder. */
  file: string;
  text: string;
  message: string;
}

export interface Found {
  code: string;
  severity: (typeof SEVERITIES)[number];
  message: string;
  /** The exact text the range covers, and its 0-based line. */
  text: string;
  line: number;
  related?: FoundRelated[];
}

function relative(uri: string): string {
  return uri.startsWith(ROOT) ? decodeURIComponent(uri.slice(ROOT.length)) : uri;
}

function textOf(file: ManifestFile | undefined, range: Diagnostic['range']): string {
  if (!file) return '';
  return file.text.slice(file.lines.offsetAt(range.start), file.lines.offsetAt(range.end));
}

export function describe(workspace: MemoryWorkspace, file: ManifestFile, d: Diagnostic): Found {
  const found: Found = {
    code: String(d.code),
    severity: SEVERITIES[d.severity ?? 1] || 'error',
    message: typeof d.message === 'string' ? d.message : d.message.value,
    text: textOf(file, d.range),
    line: d.range.start.line,
  };
  if (d.relatedInformation?.length) {
    found.related = d.relatedInformation.map((r) => ({
      file: relative(r.location.uri),
      text: textOf(workspace.getFile(r.location.uri), r.location.range),
      message: r.message,
    }));
  }
  return found;
}

/** The cross-reference findings of one file of an in-memory project (default: compose.yaml). */
export function check(files: Record<string, string>, entry = 'compose.yaml', otherPaths: string[] = []): Found[] {
  const workspace = new MemoryWorkspace(files, otherPaths);
  const file = workspace.getFile(new URL(entry, ROOT).href);
  if (!file) throw new Error(`no fixture ${entry}`);
  return composeCrossrefDiagnostics(file, workspace).map((d) => describe(workspace, file, d));
}

/** Findings of a single compose.yaml. */
export function checkOne(text: string, otherPaths: string[] = []): Found[] {
  return check({ 'compose.yaml': text }, 'compose.yaml', otherPaths);
}

/** Only the findings of one rule. */
export function only(code: string, found: Found[]): Found[] {
  return found.filter((f) => f.code === code);
}

/** The dependencies of one file, relative to the project folder. */
export function dependencies(files: Record<string, string>, entry = 'compose.yaml'): string[] {
  const workspace = new MemoryWorkspace(files);
  const file = workspace.getFile(new URL(entry, ROOT).href)!;
  return composeDependencies(file, workspace).map(relative).sort();
}
