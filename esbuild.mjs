// Bundles the client, the server and the CLI. esbuild does not type-check: `npm run typecheck` does.
import { cpSync, mkdirSync } from 'node:fs';
import { build, context } from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
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
  { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['client/src/webview/main.ts'], outfile: 'client/out/webview.js' },
];

// The panel's icons: the codicon font VS Code itself uses, shipped beside the webview script.
mkdirSync('client/out/codicons', { recursive: true });
for (const file of ['codicon.css', 'codicon.ttf']) cpSync(`node_modules/@vscode/codicons/dist/${file}`, `client/out/codicons/${file}`);

if (watch) {
  for (const options of targets) await (await context(options)).watch();
} else {
  await Promise.all(targets.map((options) => build(options)));
}
