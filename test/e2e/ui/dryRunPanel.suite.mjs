// The dry-run panel in the workbench: "Shipshape: Preview Apply" from the palette, the plan rendered in
// the webview, Commit writing the environment's state, and the reopened panel planning against it.
// Registered by workbench.test.mjs, which owns the workbench session.
import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openFile, runCommand, webviewContent } from './workbench.mjs';

/** @typedef {Awaited<ReturnType<typeof import('./workbench.mjs').openWorkbench>>} Workbench */

const PANEL_TAB = '.tab[aria-label^="Preview Apply: app.yaml (default)"]';

/** @param {() => Workbench} session */
export function dryRunPanelSuite(session) {
  suite('the dry-run panel', () => {
    suiteTeardown(() => rmSync(join(session().folder, '.shipshape'), { recursive: true, force: true }));

    test('Preview Apply on a valid file: two objects created, kubectl lines, the Deployment rollout chart', async () => {
      const workbench = session();
      const { page } = workbench;
      // Room for the panel: the Output view an earlier test opened goes.
      await runCommand(page, 'View: Hide Panel');
      await page.locator('.part.panel').waitFor({ state: 'hidden' });
      await openFile(page, 'app.yaml');
      await runCommand(page, 'Shipshape: Preview Apply');
      await page.locator(PANEL_TAB).waitFor();
      const panel = webviewContent(page);
      await panel.locator('.object-created').nth(1).waitFor();
      assert.equal(await panel.locator('h1.title').textContent(), 'Preview Apply: app.yaml');
      assert.deepEqual(await panel.locator('.object .verdict').allTextContents(), ['created', 'created']);
      assert.deepEqual(await panel.locator('.object .kubectl-line').allTextContents(), ['deployment.apps/shop created', 'service/shop created']);
      assert.deepEqual(await panel.locator('.summary .verdict').allTextContents(), ['2 created']);
      assert.deepEqual(await panel.locator('.object .reveal').allTextContents(), ['app.yaml:2', 'app.yaml:22']);
      assert.match(String(await panel.locator('.toolbar .state-file').textContent()), /\.shipshape\/state\/default\.yaml$/);
      // The rollout of 2 replicas (maxSurge 25% → 1, maxUnavailable 25% → 0): scaled up at t0, available at t1.
      const rollout = panel.locator('.rollout-deployment[data-name="default/shop"]');
      assert.deepEqual(await rollout.locator('.fact').allTextContents(), ['RollingUpdate', '2 replicas', 'maxSurge 1', 'maxUnavailable 0', 'new revision 1']);
      const bars = await rollout.locator('.rollout-chart g.step').evaluateAll((steps) =>
        steps.map((step) => Array.from(step.querySelectorAll('rect.bar')).map((bar) => `${bar.getAttribute('data-series')}=${bar.getAttribute('data-value')}`)),
      );
      assert.deepEqual(bars, [
        ['new=2', 'old=0', 'available=0'],
        ['new=2', 'old=0', 'available=2'],
      ]);
      assert.equal(await rollout.locator('table.steps tbody tr').last().locator('td.status-text').textContent(), 'deployment "shop" successfully rolled out');
      // The mouse off the tabs (no tooltip), the chart in view.
      await rollout.locator('.rollout-chart').hover();
      await workbench.screenshot('ui-08-dry-run-panel');
    });

    test('Commit writes the state file and reports it; the plan turns to unchanged', async () => {
      const workbench = session();
      const panel = webviewContent(workbench.page);
      await panel.locator('#commit').click();
      const status = panel.locator('.status-line .status.ok');
      await status.waitFor();
      assert.equal(await status.textContent(), 'Committed to "default": 2 object(s) changed, 0 Compose project(s).');
      assert.ok(existsSync(join(workbench.folder, '.shipshape', 'state', 'default.yaml')), 'no .shipshape/state/default.yaml in the workspace');
      // The panel plans again against the new state.
      await panel.locator('.object-unchanged').nth(1).waitFor();
      assert.deepEqual(await panel.locator('.object .kubectl-line').allTextContents(), ['deployment.apps/shop unchanged', 'service/shop unchanged']);
      await workbench.screenshot('ui-09-dry-run-committed');
    });

    test('closed and opened again, the panel plans against the committed state: unchanged', async () => {
      const workbench = session();
      const { page } = workbench;
      await page.locator(`${PANEL_TAB} .tab-actions .action-label`).click();
      await page.locator(PANEL_TAB).waitFor({ state: 'detached' });
      await page.locator('iframe.webview').waitFor({ state: 'detached' });
      await page.locator('.tab.active[data-resource-name="app.yaml"]').waitFor();
      await runCommand(page, 'Shipshape: Preview Apply');
      await page.locator(PANEL_TAB).waitFor();
      const panel = webviewContent(page);
      await panel.locator('.object-unchanged').nth(1).waitFor();
      assert.deepEqual(await panel.locator('.object .verdict').allTextContents(), ['unchanged', 'unchanged']);
      assert.deepEqual(await panel.locator('.object .kubectl-line').allTextContents(), ['deployment.apps/shop unchanged', 'service/shop unchanged']);
      assert.deepEqual(await panel.locator('.summary .verdict').allTextContents(), ['2 unchanged']);
      // A fresh webview: the status line of the commit is gone.
      assert.equal(await panel.locator('.status-line').textContent(), '');
      await workbench.screenshot('ui-10-dry-run-unchanged');
    });
  });
}
