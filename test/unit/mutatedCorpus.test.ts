import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver-types';
import { parseManifestFile, type ManifestFile } from '../../server/src/documents/manifestFile';
import { ManifestWorkspace } from '../../server/src/workspace/manifestWorkspace';
import { SchemaNavigator } from '../../server/src/schema/schemaNavigator';
import { complete } from '../../server/src/completion/complete';
import { completionIndexOf } from '../../server/src/completion/completionIndex';
import { hover } from '../../server/src/hover/hover';
import { documentSymbols } from '../../server/src/symbols/documentSymbols';
import { foldingRanges } from '../../server/src/symbols/foldingRanges';
import { codeActions } from '../../server/src/codeActions/codeActions';
import { workspaceSymbols } from '../../server/src/symbols/workspaceSymbols';
import { SHARED } from './chunkOracle';
import { yamlFiles } from './corpusFiles';
import { mutate, seededRandom } from './seededMutations';
import { schemas, warningsDuring } from './helpers';

/**
 * Every editor feature over a workspace of half-broken real files: corpus files with seeded edits
 * (YAML punctuation, stray documents, references to things that do not exist, complex keys,
 * templates), indexed together as the server indexes a workspace. Nothing may throw, and nothing
 * may print a warning (the server's stderr is the editor's output channel).
 */
const INSERTS = [
  ': ', '\n', '- ', '{', '}', '[', ']', '"', "'", '&a ', '*a', '---\n', '  ', '\t', '#', '? ', '!!str ', '<<: *a\n', '~', '\r\n', 'é',
  'kind: Service\n', 'apiVersion: v1\n', 'selector:\n  app: x\n', '- name: x\n', 'ports:\n- port: 80\n', 'depends_on: [zz]\n', 'services:\n  a:\n',
  '{{ .Values.x }}', '${A:-b}', '$(VAR)', ': |\n', '...\n',
];
const VERSION = '1.35';

test('hover, completion, symbols, folding, quick fixes and diagnostics over a mutated corpus: no throw, no warning', () => {
  const warnings = warningsDuring(() => {
    const random = seededRandom(20261124);
    const workspace = new ManifestWorkspace(schemas);
    const files: ManifestFile[] = yamlFiles(join(SHARED, 'corpus'))
      .filter((_, i) => i % 4 === 0)
      .map((path) => parseManifestFile(pathToFileURL(path).href, mutate(readFileSync(path, 'utf8'), INSERTS, random)));
    for (const file of files) workspace.update(file);
    const version = schemas.forVersion(VERSION);
    const navigator = new SchemaNavigator(version);
    const index = completionIndexOf(workspace.index);
    let hovered = 0;
    let completed = 0;
    let fixes = 0;
    for (const file of files) {
      const diagnostics: Diagnostic[] = workspace.diagnostics(file.uri, { kubernetesVersion: VERSION, rules: {} });
      documentSymbols(file);
      foldingRanges(file);
      const compose = workspace.composeProject(file);
      fixes += codeActions({ file, diagnostics, range: { start: { line: 0, character: 0 }, end: file.lines.positionAt(file.text.length) }, schemas, kubernetesVersion: VERSION }).length;
      for (let offset = 0; offset <= file.text.length; offset += 29) {
        try {
          if (hover({ file, offset, schemas, version: VERSION, index: workspace.index, compose })) hovered++;
          if (complete({ text: file.text, offset, uri: file.uri, file, navigator, version, index, compose }).items.length) completed++;
        } catch (error) {
          assert.fail(`${file.uri} at ${offset}: ${(error as Error).stack}`);
        }
      }
    }
    workspaceSymbols(workspace.index, 'a');
    // The features answered, not merely survived.
    assert.ok(files.length >= 60 && hovered > 500 && completed > 500 && fixes > 0, `${files.length} files, ${hovered} hovers, ${completed} completions, ${fixes} fixes`);
  });
  assert.deepEqual(warnings, []);
});
