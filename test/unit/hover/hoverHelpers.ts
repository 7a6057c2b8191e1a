import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseManifestFile } from '../../../server/src/documents/manifestFile';
import { WorkspaceIndex } from '../../../server/src/crossref/workspaceIndex';
import { loadComposeProject } from '../../../server/src/crossref/compose/composeProject';
import { hover } from '../../../server/src/hover/hover';
import { schemas } from '../helpers';

/** The cursor marker in inline YAML (`|` would clash with block scalars). */
export const CURSOR = '$0';

export interface HoverCase {
  name: string;
  /** The hovered file, with one `$0` where the cursor is. */
  text: string;
  /** Its name under file:///ws/ (compose.yaml makes it a Compose file). */
  file?: string;
  /** Other files of the workspace, by name. */
  others?: Record<string, string>;
  version?: string;
  /** The first line of the Markdown, exactly. */
  header?: string;
  /** Text the Markdown contains, in this order. */
  contains?: string[];
  /** Text it must not contain. */
  lacks?: string[];
  /** The text the hover's range covers. */
  covers?: string;
  /** No hover at all. */
  none?: true;
}

/** Hovers at the cursor the way the server would: the file indexed with the others, its Compose project loaded. */
export function hoverAt(c: HoverCase): { markdown: string | undefined; covered: string | undefined } {
  const offset = c.text.indexOf(CURSOR);
  assert.ok(offset >= 0, `case "${c.name}" has no ${CURSOR} cursor`);
  const index = new WorkspaceIndex();
  const uri = `file:///ws/${c.file ?? 'manifest.yaml'}`;
  const file = parseManifestFile(uri, c.text.replace(CURSOR, ''));
  index.update(file);
  for (const [name, text] of Object.entries(c.others ?? {})) index.update(parseManifestFile(`file:///ws/${name}`, text));
  const host = { getFile: (u: string) => index.file(u), exists: (u: string) => index.file(u) !== undefined };
  const compose = file.flavor === 'compose' ? loadComposeProject(file, host) : undefined;
  const result = hover({ file, offset, schemas, version: c.version ?? '1.35', index, compose });
  if (!result) return { markdown: undefined, covered: undefined };
  const markdown = typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : undefined;
  const covered = result.range && file.text.slice(file.lines.offsetAt(result.range.start), file.lines.offsetAt(result.range.end));
  return { markdown, covered };
}

/** One test per case: the hover's Markdown has the header, the texts in order, none of the lacking ones. */
export function checkHovers(cases: readonly HoverCase[]): void {
  for (const c of cases) {
    test(c.name, () => {
      const { markdown, covered } = hoverAt(c);
      if (c.none) {
        assert.equal(markdown, undefined);
        return;
      }
      assert.ok(markdown, 'expected a hover');
      if (c.header !== undefined) assert.equal(markdown.split('\n')[0], c.header);
      let from = 0;
      for (const text of c.contains ?? []) {
        const at = markdown.indexOf(text, from);
        assert.ok(at >= 0, `expected, after position ${from}:\n${text}\n--- in ---\n${markdown}`);
        from = at + text.length;
      }
      for (const text of c.lacks ?? []) assert.ok(!markdown.includes(text), `did not expect:\n${text}\n--- in ---\n${markdown}`);
      if (c.covers !== undefined) assert.equal(covered, c.covers);
    });
  }
}
