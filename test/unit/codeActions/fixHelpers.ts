import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { parseManifestFile } from '../../../server/src/documents/manifestFile';
import { LineIndex } from '../../../server/src/documents/lineIndex';
import { ManifestWorkspace } from '../../../server/src/workspace/manifestWorkspace';
import { codeActions } from '../../../server/src/codeActions/codeActions';
import { schemas } from '../helpers';

export const ROOT = 'file:///ws/';

/** Applies LSP text edits to a text the way an editor does: all ranges refer to the original text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const offsets = edits.map((e, i) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText, i }));
  // Back to front; inserts at one position keep their array order.
  offsets.sort((a, b) => b.start - a.start || b.i - a.i);
  for (let k = 1; k < offsets.length; k++) assert.ok(offsets[k]!.end <= offsets[k - 1]!.start, 'edits overlap');
  let out = text;
  for (const e of offsets) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

/** An in-memory workspace of files (name → text), diagnosed through the engine facade the server uses. */
export class FixWorkspace {
  readonly engine = new ManifestWorkspace(schemas);
  readonly texts = new Map<string, string>();

  constructor(files: Record<string, string>, readonly version = '1.35') {
    for (const [name, text] of Object.entries(files)) this.write(name, text);
  }

  write(name: string, text: string): void {
    const uri = ROOT + name;
    this.texts.set(uri, text);
    this.engine.update(parseManifestFile(uri, text, this.engine.index.file(uri)));
  }

  diagnostics(name: string): Diagnostic[] {
    return this.engine.diagnostics(ROOT + name, { kubernetesVersion: this.version, rules: {} });
  }

  /** The code actions a client gets for the diagnostics overlapping one diagnostic's range. */
  actionsFor(name: string, diagnostic: Diagnostic): CodeAction[] {
    const file = this.engine.index.file(ROOT + name)!;
    const context = this.diagnostics(name).filter((d) => overlaps(d, diagnostic));
    return codeActions({ file, diagnostics: context, range: diagnostic.range, schemas, kubernetesVersion: this.version });
  }
}

function overlaps(a: Diagnostic, b: Diagnostic): boolean {
  const before = (x: Diagnostic['range']['start'], y: Diagnostic['range']['start']) => x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.range.end, b.range.start) && !before(b.range.end, a.range.start);
}

/** A diagnostic as compared before and after a fix: where it is does not matter, what it says does. */
function key(d: Diagnostic): string {
  return `${d.code}|${d.message}`;
}

export interface FixCase {
  /** Files of the workspace; the fix is asked for in `file` (default: the first). */
  files: Record<string, string>;
  file?: string;
  /** The diagnostic to fix: its code and the text its range covers. */
  code: string;
  at: string;
  /** Tells apart several diagnostics of one code on one range. */
  message?: RegExp;
  /** Which of several equal diagnostics (same code, text and message), in reporting order. */
  nth?: number;
  /** The action to apply (default: the preferred one). */
  title?: string | RegExp;
  /** The file's text after the fix. */
  expected: string;
  version?: string;
}

/**
 * Finds the diagnostic, applies the chosen fix, re-validates the workspace and asserts: the
 * text is as expected, the diagnostic is gone, and no finding appeared that was not there before.
 * Returns every action offered for that diagnostic.
 */
export function checkFix(c: FixCase): CodeAction[] {
  const name = c.file ?? Object.keys(c.files)[0]!;
  const ws = new FixWorkspace(c.files, c.version);
  const before = ws.diagnostics(name);
  const text = ws.texts.get(ROOT + name)!;
  const target = findDiagnostic(text, before, c.code, c.at, c.message, c.nth);
  const actions = ws.actionsFor(name, target);
  const action = pick(actions, c.title);
  assert.equal(action.kind, 'quickfix');
  assert.ok(action.diagnostics?.some((d) => key(d) === key(target)), 'the action names the diagnostic it fixes');
  const edits = action.edit?.changes?.[ROOT + name];
  assert.ok(edits?.length, `no edits for ${name}`);
  const fixed = applyEdits(text, edits);
  assert.equal(fixed, c.expected);

  ws.write(name, fixed);
  const after = ws.diagnostics(name);
  assert.ok(!after.some((d) => key(d) === key(target)), `still reported: ${target.message}`);
  const known = new Set(before.map(key));
  assert.deepEqual(after.filter((d) => !known.has(key(d))).map(key), [], 'the fix introduced new findings');
  return actions;
}

export function findDiagnostic(text: string, diagnostics: Diagnostic[], code: string, at: string, message?: RegExp, nth?: number): Diagnostic {
  const lines = new LineIndex(text);
  const covered = (d: Diagnostic) => text.slice(lines.offsetAt(d.range.start), lines.offsetAt(d.range.end));
  const found = diagnostics.filter((d) => d.code === code && covered(d) === at && (!message || message.test(String(d.message))));
  const got = JSON.stringify(diagnostics.map((d) => [d.code, covered(d), d.message]));
  if (nth !== undefined) {
    assert.ok(found[nth], `expected a ${code} #${nth} on "${at}", got: ${got}`);
    return found[nth]!;
  }
  assert.equal(found.length, 1, `expected one ${code} on "${at}", got: ${got}`);
  return found[0]!;
}

function pick(actions: CodeAction[], title: string | RegExp | undefined): CodeAction {
  const titles = actions.map((a) => a.title);
  const chosen =
    title === undefined ? actions.filter((a) => a.isPreferred) : actions.filter((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)));
  assert.equal(chosen.length, 1, `expected one ${title ?? 'preferred'} action among ${JSON.stringify(titles)}`);
  return chosen[0]!;
}

/** The titles offered for a diagnostic, preferred ones marked with a leading "*". */
export function offered(files: Record<string, string>, code: string, at: string, options: { file?: string; version?: string; message?: RegExp } = {}): string[] {
  const file = options.file ?? Object.keys(files)[0]!;
  const ws = new FixWorkspace(files, options.version);
  const target = findDiagnostic(ws.texts.get(ROOT + file)!, ws.diagnostics(file), code, at, options.message);
  return ws.actionsFor(file, target).filter((a) => a.diagnostics?.some((d) => d.code === code)).map((a) => `${a.isPreferred ? '*' : ''}${a.title}`);
}
