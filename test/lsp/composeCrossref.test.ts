import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspHarness } from './lspHarness';

const base = ['services:', '  web:', '    image: nginx', '    depends_on: [db]', ''].join('\n');
const override = (service: string) => ['services:', `  ${service}:`, '    image: postgres:16', ''].join('\n');

let dir: string;
let lsp: LspHarness;
const uri = (name: string) => pathToFileURL(join(dir, name)).href;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'shipshape-compose-'));
  writeFileSync(join(dir, 'compose.yaml'), base);
  writeFileSync(join(dir, 'compose.override.yaml'), override('db'));
  lsp = new LspHarness();
  const scanned = lsp.nextRefresh();
  await lsp.initialize(pathToFileURL(dir).href);
  await scanned;
});
after(async () => {
  await lsp.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

test('a service defined in compose.override.yaml satisfies depends_on in compose.yaml; editing the override re-checks it', { timeout: 60_000 }, async () => {
  await lsp.open(uri('compose.yaml'), base, 'dockercompose');
  assert.deepEqual(await lsp.diagnostics(uri('compose.yaml')), []);
  await lsp.open(uri('compose.override.yaml'), override('db'), 'dockercompose');
  const refreshed = lsp.nextRefresh();
  await lsp.change(uri('compose.override.yaml'), override('database'));
  await lsp.diagnostics(uri('compose.override.yaml'));
  await refreshed;
  const found = await lsp.diagnostics(uri('compose.yaml'));
  assert.deepEqual(found.map((d) => [d.code, d.range.start.line, d.severity]), [['depends-on-undefined', 3, 1]]);
  assert.match(String(found[0]!.message), /service "web" depends on undefined service "db"/);
});
