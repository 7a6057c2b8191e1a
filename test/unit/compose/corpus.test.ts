import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkCompose } from './composeHelpers';

// The repo root is the nearest folder above this test with a package.json; ../shared sits beside it.
function repoRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error(`no package.json above ${__dirname}`);
    dir = up;
  }
  return dir;
}

const corpus = resolve(repoRoot(), '..', 'shared', 'corpus', 'compose');

function composeFiles(folder: string): string[] {
  const root = join(corpus, folder);
  return (readdirSync(root, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((name) => /\.ya?ml$/i.test(name))
    .map((name) => join(root, name))
    .sort();
}

// Every file in these projects is valid Compose (the Swarm stack file included): any error is a false positive.
for (const folder of ['awesome-compose', 'example-voting-app']) {
  test(`corpus ${folder}: every compose file validates without errors`, () => {
    const files = composeFiles(folder);
    assert.ok(files.length > 0, `no compose files under ${join(corpus, folder)}`);
    const errors: string[] = [];
    for (const path of files) {
      const found = checkCompose(readFileSync(path, 'utf8'), pathToFileURL(path).href);
      for (const f of found.filter((x) => x.severity === 'error')) {
        errors.push(`${relative(corpus, path)}:${f.range[0] + 1}:${f.range[1] + 1} ${f.code} ${f.message}`);
      }
    }
    assert.deepEqual(errors, []);
  });
}

// docker-stack.yml has `version: "3.9"` too, but stack files keep it (docker stack deploy reads it).
test('corpus: the obsolete version attribute is the only warning, where files still have it', () => {
  const warned: string[] = [];
  for (const path of [...composeFiles('awesome-compose'), ...composeFiles('example-voting-app')]) {
    const found = checkCompose(readFileSync(path, 'utf8'), pathToFileURL(path).href).filter((f) => f.severity !== 'error');
    assert.deepEqual([...new Set(found.map((f) => f.code))].filter((c) => c !== 'obsolete-version'), [], relative(corpus, path));
    if (found.length) warned.push(relative(corpus, path));
  }
  assert.deepEqual(warned.sort(), [
    'awesome-compose/pihole-cloudflared-DoH/compose.yaml',
    'awesome-compose/wireguard/compose.yaml',
    'example-voting-app/result/docker-compose.test.yml',
  ]);
});
