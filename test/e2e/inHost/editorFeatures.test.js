// Completion, hover, quick fixes and the outline, asked through VS Code's own provider commands: what
// the editor's suggest widget, hover, light bulb and Outline view get from our language server.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { EXPECTED, open, positionAfter, replaceText, waitForFindings } = require('./helpers');

/** The labels of the completion proposals at `position`. */
async function completionLabels(/** @type {vscode.TextDocument} */ document, /** @type {vscode.Position} */ position) {
  /** @type {vscode.CompletionList} */
  const list = await vscode.commands.executeCommand('vscode.executeCompletionItemProvider', document.uri, position);
  return list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
}

/** Every hover's markdown at `position`, joined. */
async function hoverText(/** @type {vscode.TextDocument} */ document, /** @type {vscode.Position} */ position) {
  /** @type {vscode.Hover[]} */
  const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, position);
  return hovers
    .flatMap((hover) => hover.contents)
    .map((content) => (typeof content === 'string' ? content : content.value))
    .join('\n');
}

/** The outline as `name · detail` lines, children indented. @param {vscode.DocumentSymbol[]} symbols @returns {string[]} */
function outline(symbols, indent = '') {
  return symbols.flatMap((symbol) => [`${indent}${symbol.name}${symbol.detail ? ` · ${symbol.detail}` : ''}`, ...outline(symbol.children, `${indent}  `)]);
}

/** @param {string | undefined} mode */
function setAutoSave(mode) {
  return vscode.workspace.getConfiguration('files').update('autoSave', mode, vscode.ConfigurationTarget.Workspace);
}

suite('editor features', () => {
  // Some tests edit the buffer and revert it afterwards, so every test starts from the fixture as shipped.
  // On the web files.autoSave defaults to afterDelay, which could save an edit before the revert.
  suiteSetup(() => setAutoSave('off'));
  suiteTeardown(() => setAutoSave(undefined));
  teardown(() => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'));

  test('completion on a new line of a container offers the Container fields it does not have yet', async () => {
    const document = await open('app.yaml');
    await replaceText(document, '          image: nginx:1.27\n', '          image: nginx:1.27\n          term\n');
    const labels = await completionLabels(document, positionAfter(document, '          term'));
    for (const key of ['terminationMessagePath', 'terminationMessagePolicy', 'livenessProbe', 'resources', 'env']) {
      assert.ok(labels.includes(key), `${key} is not proposed; got ${labels.join(', ')}`);
    }
    // Keys the container already has, and keys of other levels, are not.
    for (const key of ['name', 'image', 'imagePullPolicy', 'replicas', 'containers']) {
      assert.ok(!labels.includes(key), `${key} is proposed`);
    }
  });

  test('completion after "imagePullPolicy: " offers exactly the allowed values', async () => {
    const document = await open('app.yaml');
    await replaceText(document, 'imagePullPolicy: IfNotPresent', 'imagePullPolicy: ');
    const labels = await completionLabels(document, positionAfter(document, 'imagePullPolicy: '));
    assert.deepEqual([...labels].sort(), ['Always', 'IfNotPresent', 'Never']);
  });

  test('hover on spec.replicas shows its path, its type integer (int32) and its description', async () => {
    const document = await open('app.yaml');
    const text = await hoverText(document, positionAfter(document, 'repl'));
    assert.match(text, /^`spec\.replicas`: `integer \(int32\)`/);
    assert.match(text, /Number of desired pods\./);
  });

  test('hover on a container field shows its allowed values and its description', async () => {
    const document = await open('app.yaml');
    const text = await hoverText(document, positionAfter(document, 'imagePull'));
    assert.match(text, /^`spec\.template\.spec\.containers\[0\]\.imagePullPolicy`: `string`/);
    assert.match(text, /Allowed values: `Always`, `IfNotPresent`, `Never`/);
    assert.match(text, /Image pull policy/);
  });

  test('quick fix on the unknown Compose field "imagee": "image" is preferred, and applying it clears the finding', async () => {
    const document = await open('compose.yaml');
    await waitForFindings(document.uri, EXPECTED['compose.yaml']);
    const [diagnostic] = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'shipshape');
    assert.ok(diagnostic);
    /** @type {vscode.CodeAction[]} */
    const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const titles = actions.map((action) => action.title);
    assert.equal(titles[0], 'Change "imagee" to "image"', `offered: ${titles.join(' | ')}`);
    assert.ok(titles.includes('Remove unknown field "imagee"'), `offered: ${titles.join(' | ')}`);
    const fix = /** @type {vscode.CodeAction} */ (actions[0]);
    assert.equal(fix.isPreferred, true);
    assert.ok(fix.kind && vscode.CodeActionKind.QuickFix.contains(fix.kind));
    assert.ok(fix.edit, 'the fix carries its edit');
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.match(document.getText(), /^ {4}image: nginx:1\.27$/m);
    await waitForFindings(document.uri, []);
  });

  test('the outline lists each object as "Kind name" with its containers and ports', async () => {
    const web = await open('web.yaml');
    /** @type {vscode.DocumentSymbol[]} */
    const webSymbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', web.uri);
    assert.deepEqual(outline(webSymbols), ['Deployment web', '  web · nginx:1.27']);
    assert.equal(webSymbols[0]?.kind, vscode.SymbolKind.Class);
    const app = await open('app.yaml');
    /** @type {vscode.DocumentSymbol[]} */
    const appSymbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', app.uri);
    assert.deepEqual(outline(appSymbols), ['Deployment shop', '  shop · nginx:1.27', '    80/TCP', 'Service shop', '  80 → 80/TCP']);
  });
});
