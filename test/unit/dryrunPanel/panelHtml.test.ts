import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentSecurityPolicy, createNonce, renderPanelHtml } from '../../../client/src/dryrun/panelHtml';

const resources = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'bm9uY2Utb25l',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/client/out/webview.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/client/media/dryrun.css',
  codiconsUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/client/out/codicons/codicon.css',
};

test('the CSP allows nothing by default, our styles and fonts, and only the script with the nonce', () => {
  assert.equal(
    contentSecurityPolicy(resources.cspSource, resources.nonce),
    "default-src 'none'; style-src https://file+.vscode-resource.vscode-cdn.net; font-src https://file+.vscode-resource.vscode-cdn.net; script-src 'nonce-bm9uY2Utb25l'; base-uri 'none'; form-action 'none'",
  );
});

test('the HTML carries the CSP, links the codicons and our stylesheet, and loads one script with the nonce', () => {
  const html = renderPanelHtml(resources);
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  assert.equal(csp, contentSecurityPolicy(resources.cspSource, resources.nonce));
  assert.deepEqual([...html.matchAll(/<link rel="stylesheet" href="([^"]*)">/g)].map((m) => m[1]), [resources.codiconsUri, resources.styleUri]);
  const scripts = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1);
  assert.equal(scripts[0]![1], ` nonce="${resources.nonce}" src="${resources.scriptUri}"`);
  assert.equal(scripts[0]![2], '', 'no inline script');
  assert.doesNotMatch(html, /style="/);
});

test('resource URIs cannot break out of their attribute', () => {
  const html = renderPanelHtml({ ...resources, styleUri: 'https://x/a.css"><script>alert(1)</script>' });
  assert.equal([...html.matchAll(/<script/g)].length, 1);
  assert.match(html, /href="https:\/\/x\/a\.css&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;"/);
});

test('every render gets a new, unguessable nonce', () => {
  const nonces = new Set(Array.from({ length: 50 }, createNonce));
  assert.equal(nonces.size, 50);
  for (const nonce of nonces) assert.match(nonce, /^[A-Za-z0-9+/]{24}$/);
});
