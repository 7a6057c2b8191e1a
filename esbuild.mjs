// Bundles the client, the server and the CLI. esbuild does not type-check: `npm run typecheck` does.
import { cpSync, mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { build, context } from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/**
 * yaml's Node build reads `process.env.LOG_TOKENS` for every token its parser takes (and
 * `LOG_STREAM` for every token its composer takes): yaml's own debug switches. Node's env object
 * asks the OS environment on each read (~170 ns), which is a quarter of the parse time of a large
 * file. The bundles read them as unset, as yaml's browser build does (it has no such reads). The
 * build fails when yaml no longer has them, so that an update of yaml is looked at.
 */
const yamlWithoutDebugSwitches = {
  name: 'yaml-without-debug-switches',
  setup(bundler) {
    bundler.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      const contents = source.replace(/\bnode_process\.env\.LOG_(TOKENS|STREAM)\b/g, 'false');
      if (contents === source) throw new Error(`${path}: yaml no longer reads process.env.LOG_TOKENS / LOG_STREAM here; see yamlWithoutDebugSwitches in esbuild.mjs`);
      return { contents, loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  plugins: [yamlWithoutDebugSwitches],
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

const targets = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'server/out/server.js' },
  { ...common, entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js' },
  { ...common, entryPoints: ['server/src/documents/parseWorker.ts'], outfile: 'server/out/parseWorker.js' },
  // The dry-run panel's script runs in the webview (a browser), not in Node.
  { ...common, plugins: [], platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['client/src/webview/main.ts'], outfile: 'client/out/webview.js' },
];

// The panel's icons: the codicon font VS Code itself uses, shipped beside the webview script.
mkdirSync('client/out/codicons', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) cpSync(`node_modules/@vscode/codicons/dist/${file}`, `client/out/codicons/${file}`);

if (watch) {
  for (const options of targets) await (await context(options)).watch();
} else {
  await Promise.all(targets.map((options) => build(options)));
}
