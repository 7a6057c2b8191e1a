// The dry run in the editor: the command opens the panel, and the backend the extension exports plans
// through the language server and commits into the workspace's .shipshape/state/<environment>.yaml.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { EXTENSION_ID, fixture, open, waitForTabs, webviewTabs } = require('./helpers');

const VIEW_TYPE = 'shipshape.dryRun';

/** The dry-run backend the activated extension returns from activate() (ShipshapeContext.dryRun). */
async function backend() {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  const exports = await extension.activate();
  return exports.dryRun.backend;
}

/** kubectl's line per object. @param {{ plan: { objects: { message: string }[] } }} result */
function kubectlLines(result) {
  return result.plan.objects.map((object) => object.message);
}

/** @param {vscode.Uri} uri */
async function exists(uri) {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function closeDryRunPanels() {
  await vscode.window.tabGroups.close(webviewTabs(VIEW_TYPE));
}

suite('dry run', () => {
  const stateFolder = () => fixture('.shipshape');

  suiteSetup(async () => {
    // The commands suite ran "Preview Apply" already: start without a panel and without state.
    await closeDryRunPanels();
    assert.equal(await exists(stateFolder()), false, 'the fixture workspace has no .shipshape folder');
  });
  teardown(async () => {
    await closeDryRunPanels();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (await exists(stateFolder())) await vscode.workspace.fs.delete(stateFolder(), { recursive: true });
  });

  test('a manifest file gets a "Preview apply" code lens that runs the command on that file', async () => {
    const document = await open('app.yaml');
    /** @type {vscode.CodeLens[]} */
    const lenses = await vscode.commands.executeCommand('vscode.executeCodeLensProvider', document.uri);
    const preview = lenses.filter((lens) => lens.command?.command === 'shipshape.previewApply');
    assert.equal(preview.length, 1);
    assert.equal(preview[0]?.range.start.line, 0);
    assert.equal(preview[0]?.command?.arguments?.[0]?.toString(), document.uri.toString());
  });

  test('"Preview Apply" on a file opens the dry-run webview panel titled after the file and the environment', async () => {
    const document = await open('app.yaml');
    await vscode.commands.executeCommand('shipshape.previewApply', document.uri);
    const tab = await waitForTabs(() => webviewTabs(VIEW_TYPE)[0], `${VIEW_TYPE} webview tab`);
    assert.equal(tab.label, 'Preview Apply: app.yaml (default)');
    // Beside the editor, which keeps the focus.
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document.uri.toString(), document.uri.toString());
    assert.notEqual(tab.group.viewColumn, editor?.viewColumn);
    assert.equal(webviewTabs(VIEW_TYPE).length, 1);
  });

  test('plan, commit, plan again: created, then the state file, then unchanged', async () => {
    const document = await open('app.yaml');
    const dryRun = await backend();
    const target = { scope: 'file', uri: document.uri.toString() };

    const first = await dryRun.plan(target, 'default');
    assert.equal(first.environment, 'default');
    assert.equal(first.files, 1);
    assert.equal(first.kubernetesVersion, '1.35');
    assert.equal(first.stateFile, '.shipshape/state/default.yaml', 'shown relative to the workspace folder');
    assert.equal(first.stateError, undefined);
    assert.deepEqual(kubectlLines(first), ['deployment.apps/shop created', 'service/shop created']);
    assert.deepEqual(first.plan.objects.map((/** @type {{ action: string }} */ o) => o.action), ['created', 'created']);
    assert.deepEqual(first.plan.rollouts.map((/** @type {{ kind: string, name: string }} */ r) => `${r.kind} ${r.name}`), ['Deployment shop']);

    const commit = await dryRun.changeState({ action: 'commit', environment: 'default', target });
    assert.equal(commit.ok, true, commit.message);
    assert.match(commit.message, /^Committed to "default": 2 object\(s\) changed/);
    const stateFile = fixture('.shipshape/state/default.yaml');
    const state = new TextDecoder().decode(await vscode.workspace.fs.readFile(stateFile));
    assert.match(state, /kind: Deployment/);
    assert.match(state, /kind: Service/);
    assert.match(state, /name: shop/);

    const second = await dryRun.plan(target, 'default');
    assert.deepEqual(kubectlLines(second), ['deployment.apps/shop unchanged', 'service/shop unchanged']);
    assert.deepEqual(second.plan.objects.map((/** @type {{ action: string }} */ o) => o.action), ['unchanged', 'unchanged']);
    assert.deepEqual(second.environments, ['default']);
  });
});
