import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { schemas } from './helpers';
import { DEFAULT_SETTINGS } from '../../server/src/shared/settings';

const repoRoot = join(__dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));
const props = manifest.contributes.configuration.properties;

test('the kubernetesVersion setting offers exactly the shipped versions, newest by default', () => {
  assert.deepEqual(props['shipshape.kubernetesVersion'].enum, schemas.supportedVersions);
  assert.equal(props['shipshape.kubernetesVersion'].default, schemas.index.defaultKubernetesVersion);
  assert.equal(DEFAULT_SETTINGS.kubernetesVersion, schemas.index.defaultKubernetesVersion);
});

test('settings declared in package.json are mirrored in the server defaults', () => {
  assert.equal(props['shipshape.validation.enable'].default, DEFAULT_SETTINGS.validation.enable);
  assert.deepEqual(props['shipshape.exclude'].default, DEFAULT_SETTINGS.exclude);
  assert.ok(props['shipshape.trace.server']);
  assert.deepEqual(props['shipshape.rules'].default, DEFAULT_SETTINGS.rules);
  assert.deepEqual(props['shipshape.rules'].additionalProperties.enum, ['off', 'hint', 'information', 'warning', 'error']);
  assert.deepEqual(props['shipshape.crossref.knownObjects'].default, DEFAULT_SETTINGS.crossref.knownObjects);
  assert.equal(props['shipshape.dryRun.stateDir'].default, DEFAULT_SETTINGS.dryRun.stateDir);
});

test('the dry-run command, its menus and the injection grammar are contributed', () => {
  const commands = manifest.contributes.commands.map((c: { command: string }) => c.command);
  for (const id of ['shipshape.previewApply', 'shipshape.previewApplyWorkspace']) assert.ok(commands.includes(id), id);
  assert.ok(manifest.contributes.menus['editor/title'].some((m: { command: string }) => m.command === 'shipshape.previewApply'));
  assert.ok(manifest.contributes.menus['explorer/context'].some((m: { command: string }) => m.command === 'shipshape.previewApply'));
  const [grammar] = manifest.contributes.grammars;
  assert.deepEqual(grammar.injectTo, ['source.yaml']);
  assert.ok(existsSync(join(repoRoot, grammar.path)), grammar.path);
});

test('activation and the CLI entry are declared', () => {
  // The dry-run panel is restored after a reload even before a YAML file is opened.
  assert.deepEqual(manifest.activationEvents, ['onLanguage:yaml', 'onLanguage:dockercompose', 'onWebviewPanel:shipshape.dryRun']);
  assert.equal(manifest.bin.shipshape, './bin/shipshape.js');
  for (const script of ['build', 'typecheck', 'test', 'schemas', 'demo', 'bench']) assert.ok(manifest.scripts[script], script);
});
