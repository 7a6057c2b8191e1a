import type { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import type { ManifestDoc, ManifestFile } from '../documents/manifestFile';
import type { PathSegment } from '../documents/yamlPath';
import { contentEnd, entryOffsets, pathSpan } from './pathSpan';

/** Builds symbols of one document, with ranges read from its position table or syntax tree. */
export class SymbolMaker {
  constructor(
    private readonly file: ManifestFile,
    private readonly doc: ManifestDoc,
  ) {}

  /** A symbol for the entry at a path, highlighted at `selectPath` when that exists; undefined when it is not in the text. */
  make(path: PathSegment[], name: string, kind: SymbolKind, detail: string | undefined, selectPath?: PathSegment[], children: DocumentSymbol[] = []): DocumentSymbol | undefined {
    const offsets = entryOffsets(this.file.text, this.doc, path);
    if (!offsets) return undefined;
    const [start, end] = offsets.whole;
    const chosen = selectPath && this.selection(selectPath);
    const selection = chosen && chosen[0] >= start && chosen[1] <= end ? chosen : offsets.selection;
    return this.symbol(name, kind, detail, [start, end], selection, children);
  }

  symbol(name: string, kind: SymbolKind, detail: string | undefined, whole: [number, number], selection: [number, number], children: DocumentSymbol[]): DocumentSymbol {
    const { lines } = this.file;
    // A child written through an alias sits elsewhere in the text: the outline only nests what is inside.
    const inside = children.filter((c) => lines.offsetAt(c.range.start) >= whole[0] && lines.offsetAt(c.range.end) <= whole[1]);
    return {
      name: name || ' ',
      kind,
      ...(detail ? { detail } : {}),
      range: lines.rangeOf(whole[0], whole[1]),
      selectionRange: lines.rangeOf(selection[0], selection[1]),
      ...(inside.length ? { children: inside } : {}),
    };
  }

  selection(path: PathSegment[]): [number, number] | undefined {
    const span = pathSpan(this.doc, path);
    const value = span?.value && span.value[1] > span.value[0] ? span.value : span?.key;
    return value && [value[0], contentEnd(this.file.text, value[0], value[1])];
  }
}
