// Completion and hover as a user meets them in the editor: the suggest widget on Ctrl+Space, the hover
// card under the mouse. Registered by workbench.test.mjs, which owns the workbench session.
import assert from 'node:assert/strict';
import { openFile, runCommand } from './workbench.mjs';

/** @typedef {Awaited<ReturnType<typeof import('./workbench.mjs').openWorkbench>>} Workbench */

/** @param {() => Workbench} session */
export function editorFeaturesSuite(session) {
  suite('completion and hover in the editor', () => {
    test('Ctrl+Space on a new line of a container lists the Container fields that match', async () => {
      const workbench = session();
      const { page } = workbench;
      await openFile(page, 'app.yaml');
      await page.locator('.monaco-editor .view-line', { hasText: 'image: nginx:1.27' }).first().click();
      // A new line keeps the container's indentation; "term" narrows the list to the termination fields.
      await page.keyboard.press('End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('term');
      await page.keyboard.press('Control+Space');
      const rows = page.locator('.suggest-widget .monaco-list-row');
      await rows.filter({ hasText: 'terminationMessagePolicy' }).waitFor();
      const labels = await rows.evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')));
      assert.deepEqual(labels, ['terminationMessagePath, Property', 'terminationMessagePolicy, Property']);
      // The focused proposal shows its type.
      assert.equal(await page.locator('.suggest-widget .monaco-list-row.focused .details-label').textContent(), 'string');
      await workbench.screenshot('ui-06-completion');
      await page.keyboard.press('Escape');
      await page.locator('.suggest-widget').waitFor({ state: 'hidden' });
      // code-server saves edits after a delay (files.autoSave is afterDelay on the web), so reverting may find
      // the line saved already: take it out again and save, as the dry-run tests plan this file.
      await runCommand(page, 'Delete Line');
      await page.locator('.monaco-editor .view-line', { hasText: /^\s*term$/ }).waitFor({ state: 'detached' });
      await runCommand(page, 'File: Save');
      await page.locator('.tab.active[data-resource-name="app.yaml"]:not(.dirty)').waitFor();
    });

    test('hovering spec.replicas shows its path, integer (int32) type and description', async () => {
      const workbench = session();
      const { page } = workbench;
      await openFile(page, 'app.yaml');
      await page.locator('.monaco-editor .view-line span', { hasText: /^replicas$/ }).first().hover();
      const card = page.locator('.monaco-hover', { hasText: 'Number of desired pods' });
      await card.waitFor();
      const text = (await card.innerText()).replace(/\s+/g, ' ');
      assert.match(text, /^spec\.replicas: integer \(int32\) Optional /);
      assert.match(text, /Number of desired pods\. This is a pointer to distinguish between explicit zero and not specified\. Defaults to 1\./);
      await workbench.screenshot('ui-07-hover');
      await page.keyboard.press('Escape');
    });
  });
}
