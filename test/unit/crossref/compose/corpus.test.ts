import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseManifestFile, type ManifestFile } from '../../../../server/src/documents/manifestFile';
import { composeCrossrefDiagnostics, type ComposeWorkspace } from '../../../../server/src/crossref/compose/composeCrossref';

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

/** A workspace over the real filesystem, as the CLI has it. */
class DiskWorkspace implements ComposeWorkspace {
  private readonly cache = new Map<string, ManifestFile | undefined>();

  getFile(uri: string): ManifestFile | undefined {
    if (!this.cache.has(uri)) {
      try {
        this.cache.set(uri, parseManifestFile(uri, readFileSync(fileURLToPath(uri), 'utf8')));
      } catch {
        this.cache.set(uri, undefined);
      }
    }
    return this.cache.get(uri);
  }

  exists(uri: string): boolean {
    try {
      return existsSync(fileURLToPath(uri));
    } catch {
      return false;
    }
  }
}

function composeFiles(): string[] {
  return (readdirSync(corpus, { recursive: true, encoding: 'utf8' }) as string[])
    .filter((name) => /\.ya?ml$/i.test(name))
    .map((name) => join(corpus, name))
    .sort();
}

/*
 * The corpus keeps only the Compose files of each project (see its README), not the build
 * contexts, Dockerfiles, env files or secret files they point at. Those are reported as
 * referenced-file-missing, correctly for this copy of the files: that rule is exempt here, and
 * it is tested on its own with fixtures.
 */
const EXEMPT = new Set(['referenced-file-missing']);

test('corpus: no compose file gets a cross-reference finding above Hint', () => {
  const files = composeFiles();
  assert.ok(files.length > 40, `expected the corpus under ${corpus}`);
  const workspace = new DiskWorkspace();
  const found: string[] = [];
  for (const path of files) {
    const file = workspace.getFile(pathToFileURL(path).href)!;
    for (const d of composeCrossrefDiagnostics(file, workspace)) {
      if ((d.severity ?? 1) < 4 && !EXEMPT.has(String(d.code))) found.push(`${relative(corpus, path)}:${d.range.start.line + 1} ${d.code} ${d.message}`);
    }
  }
  assert.deepEqual(found, []);
});

test('corpus: the only referenced-file-missing findings are paths the corpus did not copy', () => {
  const workspace = new DiskWorkspace();
  for (const path of composeFiles()) {
    const file = workspace.getFile(pathToFileURL(path).href)!;
    for (const d of composeCrossrefDiagnostics(file, workspace).filter((x) => x.code === 'referenced-file-missing')) {
      // build contexts, Dockerfiles, env and secret files: never a Compose file the corpus holds
      assert.match(typeof d.message === 'string' ? d.message : d.message.value, /^(build context|Dockerfile|env_file|secret file|config file|label_file) /, `${relative(corpus, path)}: ${d.message}`);
    }
  }
});
