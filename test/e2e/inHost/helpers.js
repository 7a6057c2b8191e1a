// What the in-editor tests share: the fixture workspace, our findings as plain data, and waiting for them.
const vscode = require('vscode');

const EXTENSION_ID = 'shipshape.shipshape';
const WAIT_MS = 20_000;

/** What the server finds in each fixture as shipped, in the form findings() returns (0-based ranges). */
const EXPECTED = {
  'web.yaml': ['invalid-type Error [5, 12, 5, 17]', 'invalid-value Error [13, 27, 13, 36]'],
  'compose.yaml': ['unknown-field Error [3, 4, 3, 10]'],
  // batch/v1beta1 CronJob: deprecated from 1.21, removed in 1.25; the range is the apiVersion value.
  'cronjob.yaml@1.23': ['deprecated-api-version Warning [1, 12, 1, 25]'],
  'cronjob.yaml@1.35': ['removed-api-version Error [1, 12, 1, 25]'],
};

/** A file of the workspace the runner opened (a per-run copy of test/e2e/fixtures/workspace). */
function fixture(/** @type {string} */ name) {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the tests need the fixture workspace open');
  return vscode.Uri.joinPath(folder.uri, name);
}

async function open(/** @type {string} */ name) {
  const document = await vscode.workspace.openTextDocument(fixture(name));
  await vscode.window.showTextDocument(document);
  return document;
}

/**
 * Our diagnostics on `uri`, as `code severity [startLine, startChar, endLine, endChar]` strings that
 * compare and print well. Other extensions' diagnostics are left out.
 * @param {vscode.Uri} uri
 */
function findings(uri) {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'shipshape')
    .map((d) => {
      const code = typeof d.code === 'object' ? d.code.value : d.code;
      const { start, end } = d.range;
      return `${code} ${vscode.DiagnosticSeverity[d.severity]} [${start.line}, ${start.character}, ${end.line}, ${end.character}]`;
    })
    .sort();
}

/**
 * Resolves when our findings on `uri` are exactly `expected` (in any order), now or on a later
 * onDidChangeDiagnostics; rejects with what was last seen once WAIT_MS pass.
 * @param {vscode.Uri} uri @param {string[]} expected
 */
function waitForFindings(uri, expected) {
  const want = JSON.stringify([...expected].sort());
  const matches = () => JSON.stringify(findings(uri)) === want;
  if (matches()) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`${uri.path}: expected ${want}, still ${JSON.stringify(findings(uri))} after ${WAIT_MS / 1000} s`));
    }, WAIT_MS);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString()) || !matches()) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(undefined);
    });
  });
}

/** Replaces the first occurrence of `from` with `to`, as typing would (the file stays unsaved). */
async function replaceText(/** @type {vscode.TextDocument} */ document, /** @type {string} */ from, /** @type {string} */ to) {
  const offset = document.getText().indexOf(from);
  if (offset < 0) throw new Error(`"${from}" not in ${document.uri.path}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(offset), document.positionAt(offset + from.length)), to);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`the edit of ${document.uri.path} was refused`);
}

/** Sets shipshape.kubernetesVersion for the workspace folder (undefined removes the override). */
async function setKubernetesVersion(/** @type {string | undefined} */ version) {
  await vscode.workspace.getConfiguration('shipshape').update('kubernetesVersion', version, vscode.ConfigurationTarget.Workspace);
}

/** Where the first `text` in the document ends (to put a cursor right after it). */
function positionAfter(/** @type {vscode.TextDocument} */ document, /** @type {string} */ text) {
  const offset = document.getText().indexOf(text);
  if (offset < 0) throw new Error(`"${text}" not in ${document.uri.path}`);
  return document.positionAt(offset + text.length);
}

/** The editor tabs of every group whose input is a webview of ours (code-server prefixes the view type). */
function webviewTabs(/** @type {string} */ viewType) {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.includes(viewType));
}

/**
 * Resolves with `read()` once it is not undefined, now or after a later tab change (tabs reach the
 * extension host after the workbench opened them); rejects once WAIT_MS pass.
 * @template T @param {() => T | undefined} read @param {string} what
 * @returns {Promise<T>}
 */
function waitForTabs(read, what) {
  const now = read();
  if (now !== undefined) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      reject(new Error(`no ${what} after ${WAIT_MS / 1000} s; tabs: ${JSON.stringify(vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)))}`));
    }, WAIT_MS);
    const subscription = vscode.window.tabGroups.onDidChangeTabs(() => {
      const value = read();
      if (value === undefined) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(value);
    });
  });
}

module.exports = { EXTENSION_ID, EXPECTED, fixture, open, findings, waitForFindings, replaceText, setKubernetesVersion, positionAfter, webviewTabs, waitForTabs };
