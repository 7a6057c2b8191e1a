import assert from 'node:assert/strict';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver-types';
import { ParsedChunk, parseFileWith, parseManifestFile, type ManifestFile } from '../../../server/src/documents/manifestFile';

const KIND_NAMES = new Map<number, string>(Object.entries(SymbolKind).map(([name, value]) => [value as number, name]));

export function kindName(kind: SymbolKind): string {
  return KIND_NAMES.get(kind) ?? String(kind);
}

/** The two ways a file reaches the engine: parsed here (syntax trees), or by a worker (position tables). */
export function bothParses(uri: string, text: string): Array<[string, ManifestFile]> {
  return [
    ['main thread', parseManifestFile(uri, text)],
    ['worker', parseFileWith(uri, text, ParsedChunk.parseAsInWorker)],
  ];
}

function contains(outer: Range, inner: Range): boolean {
  const before = (a: Range['start'], b: Range['start']) => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before(outer.start, inner.start) && before(inner.end, outer.end);
}

/**
 * An outline as lines: `Kind name · detail  L3-9 "selected text"`, children indented. Also checks
 * what editors require: the selection inside the range, children inside their parent.
 */
export function renderOutline(file: ManifestFile, symbols: readonly DocumentSymbol[], depth = 0, parent?: Range): string[] {
  const out: string[] = [];
  for (const s of symbols) {
    assert.ok(contains(s.range, s.selectionRange), `selection of ${s.name} outside its range`);
    if (parent) assert.ok(contains(parent, s.range), `${s.name} outside its parent`);
    const selected = file.text.slice(file.lines.offsetAt(s.selectionRange.start), file.lines.offsetAt(s.selectionRange.end));
    const detail = s.detail ? ` · ${s.detail}` : '';
    out.push(`${'  '.repeat(depth)}${kindName(s.kind)} ${s.name}${detail}  L${s.range.start.line + 1}-${s.range.end.line + 1} "${selected}"`);
    out.push(...renderOutline(file, s.children ?? [], depth + 1, s.range));
  }
  return out;
}
