// Runs first (files run in name order): nothing YAML has been opened in this window before it.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { EXTENSION_ID, EXPECTED, open, waitForFindings } = require('./helpers');

suite('activation', () => {
  test('the extension activates when a YAML file opens, and its server reports', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    assert.equal(extension.isActive, false, 'active before any YAML file was opened');
    const document = await open('web.yaml');
    assert.equal(document.languageId, 'yaml');
    // The findings can only come from the language server the activated extension started.
    await waitForFindings(document.uri, EXPECTED['web.yaml']);
    assert.equal(extension.isActive, true);
  });
});
