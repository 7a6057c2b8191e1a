// What a user sees: squiggles, the Problems panel, commands from the palette, completion and hover, the
// dry-run panel. One workbench session for all: the suites in *.suite.mjs run in it after these tests.
// One screenshot per step in .test-output/e2e/screenshots/ (ui-NN-*.png), and one of the window when a
// test fails.
import assert from 'node:assert/strict';
import { dryRunPanelSuite } from './dryRunPanel.suite.mjs';
import { editorFeaturesSuite } from './editorFeatures.suite.mjs';
import { openFile, openWorkbench, runCommand } from './workbench.mjs';

/** @type {Awaited<ReturnType<typeof openWorkbench>>} */
let workbench;

suite('the packaged extension in the code-server workbench', function () {
  this.timeout(120_000);

  suiteSetup(async () => {
    workbench = await openWorkbench(String(process.env.SHIPSHAPE_E2E_RUN), String(process.env.SHIPSHAPE_E2E_VSIX));
  });
  suiteTeardown(() => workbench?.close());
  teardown(async function () {
    if (this.currentTest?.state === 'failed') await workbench.screenshot(`ui-failed-${this.currentTest.title.replace(/\W+/g, '-')}`);
  });

  test('squiggles mark the two broken values of a Deployment', async () => {
    await openFile(workbench.page, 'web.yaml');
    await workbench.page.waitForFunction(() => document.querySelectorAll('.monaco-editor .squiggly-error').length === 2);
    await workbench.screenshot('ui-01-squiggles');
  });

  test('the Problems panel lists the findings with source, code and position', async () => {
    const { page } = workbench;
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row');
    await rows.filter({ hasText: 'invalid-value' }).waitFor();
    const texts = (await rows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' '));
    assert.deepEqual(texts, [
      'web.yaml 2',
      'spec.replicas: expected integer, got string "three" shipshape invalid-type [Ln 6, Col 13]',
      'spec.template.spec.containers[0].imagePullPolicy: string "Sometimes" is not allowed; expected one of: Always, IfNotPresent, Never. shipshape invalid-value [Ln 14, Col 28]',
    ]);
    await workbench.screenshot('ui-02-problems');
  });

  test('"Shipshape: Show Output" from the palette shows the Shipshape channel', async () => {
    const { page } = workbench;
    await runCommand(page, 'Shipshape: Show Output');
    await page.locator('.part.panel[data-active-composite="workbench.panel.output"]').waitFor();
    // The channel picker (the view's toolbar has a copy of it) has Shipshape selected.
    await page.locator('select[aria-label="Switch Output"] option:checked[value="Shipshape"]').first().waitFor({ state: 'attached' });
    await workbench.screenshot('ui-03-output');
  });

  test('"Shipshape: Select Kubernetes Version" from the palette turns a removed apiVersion into a deprecation', async () => {
    const { page } = workbench;
    await openFile(page, 'cronjob.yaml');
    await page.locator('.monaco-editor .squiggly-error').waitFor();
    await runCommand(page, 'Shipshape: Select Kubernetes Version');
    // The current version is listed and marked as such.
    await page.locator('.quick-input-list .monaco-list-row[aria-label^="1.35"]:has-text("current")').waitFor();
    await page.keyboard.type('1.23');
    await workbench.screenshot('ui-04-version-picker');
    await page.keyboard.press('Enter');
    await page.locator('.monaco-editor .squiggly-warning').waitFor();
    assert.equal(await page.locator('.monaco-editor .squiggly-error').count(), 0);
    await workbench.screenshot('ui-05-version-1.23');
  });

  // Nested suites run after the tests above, in this order, in the same workbench.
  editorFeaturesSuite(() => workbench);
  dryRunPanelSuite(() => workbench);
});
