const assert = require('node:assert/strict');
const vscode = require('vscode');
const { EXPECTED, EXTENSION_ID, open, replaceText, setKubernetesVersion, waitForFindings } = require('./helpers');

/** Arguments for commands that would otherwise ask the user. @type {Record<string, unknown[]>} */
const ARGUMENTS = { 'shipshape.selectKubernetesVersion': ['1.30'] };

function setting() {
  return vscode.workspace.getConfiguration('shipshape').get('kubernetesVersion');
}

suite('commands', () => {
  teardown(async () => {
    await setKubernetesVersion(undefined);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  test('every contributed command is registered and runs without error', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    /** @type {{ command: string }[]} */
    const contributed = extension?.packageJSON.contributes.commands ?? [];
    assert.ok(contributed.length >= 3, 'package.json contributes the commands');
    const registered = await vscode.commands.getCommands(true);
    for (const { command } of contributed) {
      assert.ok(registered.includes(command), `${command} is contributed but not registered`);
      await vscode.commands.executeCommand(command, ...(ARGUMENTS[command] ?? []));
    }
  });

  test('Select Kubernetes Version with a version sets the setting and changes the verdict', async () => {
    const document = await open('cronjob.yaml');
    await waitForFindings(document.uri, EXPECTED['cronjob.yaml@1.35']);
    assert.equal(await vscode.commands.executeCommand('shipshape.selectKubernetesVersion', '1.23'), '1.23');
    assert.equal(setting(), '1.23');
    await waitForFindings(document.uri, EXPECTED['cronjob.yaml@1.23']);
  });

  test('Select Kubernetes Version refuses a version it has no schemas for', async () => {
    assert.equal(await vscode.commands.executeCommand('shipshape.selectKubernetesVersion', '1.99'), undefined);
    assert.equal(setting(), '1.35');
  });

  test('Restart Language Server: the new server validates edits', async () => {
    const document = await open('web.yaml');
    await waitForFindings(document.uri, EXPECTED['web.yaml']);
    await vscode.commands.executeCommand('shipshape.restartServer');
    await replaceText(document, 'three', '3');
    await waitForFindings(document.uri, ['invalid-value Error [13, 27, 13, 36]']);
    // Leave the buffer as the other suites expect it.
    await replaceText(document, 'replicas: 3', 'replicas: three');
    await waitForFindings(document.uri, EXPECTED['web.yaml']);
  });
});
