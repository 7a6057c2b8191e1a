const assert = require('node:assert/strict');
const vscode = require('vscode');
const { EXPECTED, findings, open, replaceText, waitForFindings } = require('./helpers');

suite('diagnostics', () => {
  // The edits stay unsaved: revert them so every test starts from the fixture as shipped.
  teardown(() => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'));

  test('a broken Deployment: invalid-type on "three", invalid-value on "Sometimes", with readable messages', async () => {
    const document = await open('web.yaml');
    await waitForFindings(document.uri, EXPECTED['web.yaml']);
    const messages = vscode.languages.getDiagnostics(document.uri).map((d) => d.message).sort();
    assert.match(messages[0] ?? '', /^spec\.replicas: expected integer, got string "three"/);
    assert.match(messages[1] ?? '', /imagePullPolicy: string "Sometimes" is not allowed; expected one of: Always, IfNotPresent, Never/);
  });

  test('fixing the Deployment clears its findings one by one', async () => {
    const document = await open('web.yaml');
    await waitForFindings(document.uri, EXPECTED['web.yaml']);
    await replaceText(document, 'three', '3');
    await waitForFindings(document.uri, ['invalid-value Error [13, 27, 13, 36]']);
    await replaceText(document, 'Sometimes', 'Always');
    await waitForFindings(document.uri, []);
  });

  test('a broken compose file: unknown-field on "imagee", cleared by the fix', async () => {
    const document = await open('compose.yaml');
    await waitForFindings(document.uri, EXPECTED['compose.yaml']);
    assert.match(vscode.languages.getDiagnostics(document.uri)[0]?.message ?? '', /did you mean "image"\?/);
    await replaceText(document, 'imagee', 'image');
    await waitForFindings(document.uri, []);
    assert.deepEqual(findings(document.uri), []);
  });
});
