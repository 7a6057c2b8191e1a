import assert from 'node:assert/strict';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import { parseManifestFile, type ManifestFile } from '../../../server/src/documents/manifestFile';
import { WorkspaceIndex } from '../../../server/src/crossref/workspaceIndex';
import { SchemaNavigator } from '../../../server/src/schema/schemaNavigator';
import { loadComposeProject } from '../../../server/src/crossref/compose/composeProject';
import type { ComposeWorkspace } from '../../../server/src/crossref/compose/workspace';
import { complete } from '../../../server/src/completion/complete';
import { completionIndexOf } from '../../../server/src/completion/completionIndex';
import { schemas } from '../helpers';
import type { KubernetesVersionSchemas } from '../../../server/src/schema/kubernetesSchemas';

/** The cursor marker in fixtures. */
export const CURSOR = '$0';

export interface Setup {
  /** Other files of the workspace, by name under file:///ws/. */
  files?: Record<string, string>;
  /** The edited file's name (default manifest.yaml; compose.yaml makes it a Compose file). */
  name?: string;
  version?: string;
  /** Schemas to use instead of a shipped version's (to test what a version does not serve). */
  versionSchemas?: KubernetesVersionSchemas;
  snippets?: boolean;
  /** Pass the parsed file (default) or only the text. */
  withFile?: boolean;
}

export interface Result {
  items: CompletionItem[];
  /** Labels in the order a client shows them (by sortText, then label). */
  labels: string[];
  /** The text an item inserts. */
  insert(label: string): string;
  /** The edited text after accepting an item (its main edit and additional edits). */
  accept(label: string): string;
  item(label: string): CompletionItem;
  file: ManifestFile;
}

function applyEdits(file: ManifestFile, edits: TextEdit[]): string {
  const sorted = edits
    .map((e) => ({ start: file.lines.offsetAt(e.range.start), end: file.lines.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.start - a.start);
  let text = file.text;
  for (const e of sorted) text = text.slice(0, e.start) + e.text + text.slice(e.end);
  return text;
}

/** Runs completion at the `$0` marker of `input`, the other files indexed as the server would. */
export function run(input: string, setup: Setup = {}): Result {
  const offset = input.indexOf(CURSOR);
  if (offset < 0) throw new Error('fixture without a cursor marker');
  const text = input.slice(0, offset) + input.slice(offset + CURSOR.length);
  const uri = `file:///ws/${setup.name ?? 'manifest.yaml'}`;
  const file = parseManifestFile(uri, text);
  const index = new WorkspaceIndex();
  const parsed = new Map<string, ManifestFile>([[uri, file]]);
  for (const [name, content] of Object.entries(setup.files ?? {})) {
    const other = parseManifestFile(`file:///ws/${name}`, content);
    parsed.set(other.uri, other);
    index.update(other);
  }
  index.update(file);
  const workspace: ComposeWorkspace = { getFile: (u) => parsed.get(u), exists: (u) => parsed.has(u) };
  const version = setup.versionSchemas ?? schemas.forVersion(setup.version ?? '1.35');
  const list = complete({
    text,
    offset,
    file: setup.withFile === false ? undefined : file,
    navigator: new SchemaNavigator(version),
    version,
    index: completionIndexOf(index),
    compose: file.flavor === 'compose' ? loadComposeProject(file, workspace) : undefined,
    snippets: setup.snippets,
  });
  const items = [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label));
  const item = (label: string) => {
    const found = items.find((i) => i.label === label);
    if (!found) throw new Error(`no item ${label}; got ${items.map((i) => i.label).join(', ')}`);
    return found;
  };
  const newText = (i: CompletionItem) => (i.textEdit && 'newText' in i.textEdit ? i.textEdit.newText : String(i.insertText ?? i.label));
  return {
    items,
    labels: items.map((i) => i.label),
    insert: (label) => newText(item(label)),
    accept: (label) => {
      const chosen = item(label);
      return applyEdits(file, [chosen.textEdit as TextEdit, ...(chosen.additionalTextEdits ?? [])]);
    },
    item,
    file,
  };
}

/** What a completion case expects; every listed property is asserted. */
export interface Expect {
  /** The labels shown first, in this order. */
  first?: string[];
  /** Labels offered in this relative order (others may come between). */
  order?: string[];
  /** Labels that must be offered. */
  has?: string[];
  /** Labels that must not be offered. */
  not?: string[];
  /** The whole list of labels (in display order). */
  exactly?: string[];
  /** The text some items insert. */
  insert?: Record<string, string>;
  /** The detail line of some items. */
  detail?: Record<string, string>;
  /** The text after accepting an item: [label, resulting text]. */
  accept?: [string, string];
}

/** Runs completion at the marker and asserts what `expected` lists. */
export function check(input: string, expected: Expect, setup: Setup = {}): Result {
  const result = run(input, setup);
  const { labels } = result;
  if (expected.exactly) assert.deepEqual(labels, expected.exactly);
  if (expected.first) assert.deepEqual(labels.slice(0, expected.first.length), expected.first, `first labels of ${labels.join(', ')}`);
  if (expected.order) {
    const positions = expected.order.map((label) => labels.indexOf(label));
    assert.ok(positions.every((p, i) => p >= 0 && (i === 0 || p > positions[i - 1]!)), `order ${expected.order.join(' < ')} in ${labels.join(', ')}`);
  }
  for (const label of expected.has ?? []) assert.ok(labels.includes(label), `${label} missing from ${labels.join(', ')}`);
  for (const label of expected.not ?? []) assert.ok(!labels.includes(label), `${label} offered in ${labels.join(', ')}`);
  for (const [label, text] of Object.entries(expected.insert ?? {})) assert.equal(result.insert(label), text, `text of ${label}`);
  for (const [label, detail] of Object.entries(expected.detail ?? {})) assert.equal(result.item(label).detail, detail, `detail of ${label}`);
  if (expected.accept) assert.equal(result.accept(expected.accept[0]), expected.accept[1]);
  return result;
}
