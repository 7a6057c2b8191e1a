// The dry-run panel's webview in headless Chromium: fixture plans in, DOM and posted messages out.
// One screenshot per plan in .test-output/e2e/screenshots/panel-*.png (dark theme).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { fixture, openPanelHarness, planMessage } from './harness.mjs';

/** @type {Awaited<ReturnType<typeof openPanelHarness>>} */
let harness;

before(async () => {
  harness = await openPanelHarness();
  await harness.load();
});
after(() => harness?.close());

/** Posts a plan and waits until the row of `kubectlLine` is on screen. @param {unknown} message @param {string} kubectlLine */
async function show(message, kubectlLine) {
  await harness.post(message);
  await harness.page.locator('.kubectl-line', { hasText: kubectlLine }).first().waitFor();
}

/** Waits for the webview to post a message of `type` and returns the last one. @param {string} type */
async function lastPosted(type) {
  await harness.page.waitForFunction((t) => /** @type {any} */ (window).__posted.some((/** @type {{type: string}} */ m) => m.type === t), type);
  return (await harness.posted()).filter((m) => m.type === type).at(-1);
}

/** @param {string} selector */
const texts = (selector) => harness.page.locator(selector).allTextContents();

test('on load the webview says it is ready and waits for a plan', async () => {
  assert.deepEqual(await harness.posted(), [{ type: 'ready' }]);
  assert.equal(await harness.page.locator('#content .empty').textContent(), 'Planning…');
});

test('K5: a RollingUpdate of 3 replicas (maxSurge 1, maxUnavailable 0) stays within its ceiling and floor', async () => {
  const { page } = harness;
  await harness.post({ type: 'context', target: { scope: 'file', uri: 'file:///work/demo/web.yaml' }, environment: 'default' });
  await show(planMessage(fixture('k5-rolling-update')), 'deployment.apps/web configured');
  assert.equal(await page.locator('h1.title').textContent(), 'Preview Apply: web.yaml');
  assert.deepEqual(await texts('.object .verdict'), ['configured', 'unchanged']);
  assert.deepEqual(await texts('.object .kubectl-line'), ['deployment.apps/web configured', 'service/web unchanged']);
  assert.deepEqual(await texts('.summary .verdict'), ['1 configured', '1 unchanged']);
  assert.equal(await page.locator('.toolbar .version').textContent(), 'Kubernetes 1.35');
  assert.equal(await page.locator('.toolbar .state-file').textContent(), '.shipshape/state/default.yaml');

  const chart = page.locator('.rollout-deployment .rollout-chart');
  const bars = await chart.locator('g.step').evaluateAll((steps) =>
    steps.map((step) => Array.from(step.querySelectorAll('rect.bar')).map((bar) => `${bar.getAttribute('data-series')}=${bar.getAttribute('data-value')}`)),
  );
  assert.deepEqual(bars, [
    ['new=1', 'old=3', 'available=3'],
    ['new=2', 'old=2', 'available=3'],
    ['new=3', 'old=1', 'available=3'],
    ['new=3', 'old=0', 'available=3'],
  ]);
  // Geometry: at t0 the stacked pods (1 new + 3 old) reach the R+maxSurge line; availability sits on the floor.
  const geometry = await chart.evaluate((svg) => {
    const top = (/** @type {string} */ selector) => Number(svg.querySelector(selector)?.getAttribute('y'));
    const line = (/** @type {string} */ which) => Number(svg.querySelector(`.limit-${which} line`)?.getAttribute('y1'));
    return { stackTop: top('g.step[data-t="0"] .bar-old'), availableTop: top('g.step[data-t="2"] .bar-available'), ceiling: line('ceiling'), floor: line('floor') };
  });
  assert.equal(geometry.stackTop, geometry.ceiling);
  assert.equal(geometry.availableTop, geometry.floor);
  assert.deepEqual(await chart.locator('.limit text').allTextContents(), ['max 4 pods (R+maxSurge)', 'min 3 available (R−maxUnavailable)']);
  assert.equal(await chart.locator('.downtime-band').count(), 0);

  const rows = page.locator('.rollout-deployment table.steps tbody tr');
  assert.equal(await rows.count(), 4);
  assert.deepEqual(await rows.nth(1).locator('td.events li').allTextContents(), ['Scaled down replica set web-7b9c5d8f4 to 2 from 3', 'Scaled up replica set web-5f6d8c9b7 to 2 from 1']);
  assert.equal(await rows.nth(3).locator('td.status-text').textContent(), 'deployment "web" successfully rolled out');
  assert.deepEqual(await texts('.rollout-deployment .fact'), ['RollingUpdate', '3 replicas', 'maxSurge 1', 'maxUnavailable 0', 'new revision 2']);
  await harness.screenshot('panel-01-k5-rolling-update');
});

test('K9: Recreate has a step without pods; the chart and the table mark it as downtime', async () => {
  const { page } = harness;
  await show(planMessage(fixture('k9-recreate')), 'deployment.apps/web configured');
  await page.locator('.rollout-deployment .fact', { hasText: 'Recreate' }).waitFor();
  const chart = page.locator('.rollout-deployment .rollout-chart');
  assert.deepEqual(await chart.locator('g.step-downtime').evaluateAll((steps) => steps.map((s) => s.getAttribute('data-t'))), ['0']);
  assert.equal(await chart.locator('g.step[data-t="0"] .downtime-band').count(), 1);
  assert.equal(await chart.locator('g.step[data-t="1"] .downtime-band').count(), 0);
  assert.equal(await chart.locator('g.step[data-t="0"] .bar-available').getAttribute('height'), '0');
  assert.deepEqual(await page.locator('.rollout-deployment tr.downtime').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-t'))), ['0']);
  assert.equal(await page.locator('.rollout-deployment tr.downtime .tag-downtime').textContent(), 'downtime');
  assert.ok((await texts('.rollout-deployment .fact')).includes('downtime in step t0'));
  assert.deepEqual(await texts('.rollout-deployment .note'), ['Recreate stops every old pod before the new ReplicaSet starts: the service has no pods for a step.']);
  await harness.screenshot('panel-02-k9-recreate');
});

test('a rejection shows the server error, and its link reveals the offending line', async () => {
  const { page } = harness;
  await show(planMessage(fixture('rejected')), 'The Deployment "web" is invalid');
  assert.deepEqual(await texts('.object .verdict'), ['unchanged', 'configured', 'rejected']);
  assert.deepEqual(await texts('.summary .verdict'), ['1 configured', '1 unchanged', '1 rejected']);
  const rejected = page.locator('.object-rejected');
  assert.equal(await rejected.locator('.kubectl-line').textContent(), 'The Deployment "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0');
  assert.deepEqual(await texts('.object .warning'), ['deployment.apps/web reads app-config through envFrom: running pods keep the old values until they are recreated']);
  assert.equal(await page.locator('.prune-skipped').count(), 1);

  await harness.clearPosted();
  const link = rejected.locator('button.reveal');
  assert.equal(await link.textContent(), 'Show the offending line (shop.yaml:24)');
  await link.click();
  assert.deepEqual(await lastPosted('reveal'), { type: 'reveal', source: { uri: 'file:///work/demo/shop.yaml', line: 23, character: 8 } });
  await harness.screenshot('panel-03-rejected');
});

test('row heads are buttons: arrow keys move between rows, Enter and Space open and close the diff', async () => {
  const { page } = harness;
  const heads = page.locator('.row-head');
  const focusedKey = () => page.evaluate(() => document.activeElement?.getAttribute('data-key'));
  await heads.first().focus();
  assert.equal(await focusedKey(), 'v1/Namespace//shop');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focusedKey(), 'v1/ConfigMap/shop/app-config');

  const configMap = page.locator('.object[data-key="v1/ConfigMap/shop/app-config"]');
  assert.equal(await configMap.locator('.object-detail').isVisible(), false);
  await page.keyboard.press('Enter');
  assert.equal(await configMap.locator('.row-head').getAttribute('aria-expanded'), 'true');
  const diffRows = await configMap.locator('table.diff tbody tr').evaluateAll((rows) => rows.map((row) => Array.from(row.children).map((cell) => cell.textContent)));
  assert.deepEqual(diffRows, [
    ['data.LOG_LEVEL', 'info', 'debug'],
    ['data.RETRIES', '(absent)', '"3"'],
  ]);
  await harness.screenshot('panel-04-diff-open');
  await page.keyboard.press('Space');
  assert.equal(await configMap.locator('.row-head').getAttribute('aria-expanded'), 'false');
  assert.equal(await configMap.locator('.object-detail').isVisible(), false);

  await page.keyboard.press('ArrowRight');
  assert.equal(await configMap.locator('.object-detail').isVisible(), true);
  await page.keyboard.press('ArrowLeft');
  assert.equal(await configMap.locator('.object-detail').isVisible(), false);
  await page.keyboard.press('End');
  assert.equal(await focusedKey(), 'apps/v1/Deployment/shop/web');
  await page.keyboard.press('Home');
  assert.equal(await focusedKey(), 'v1/Namespace//shop');
  // A visible focus ring, drawn in the theme's focus colour.
  const outline = await heads.first().evaluate((el) => getComputedStyle(el).outlineStyle);
  assert.equal(outline, 'solid');
});

test('a broken state file gets a banner whose button asks to back it up and start fresh', async () => {
  const { page } = harness;
  await harness.post(planMessage(fixture('rejected'), { stateError: 'cannot read .shipshape/state/default.yaml: bad indentation of a mapping entry (3:5)' }));
  const banner = page.locator('.state-error');
  await banner.waitFor();
  assert.match(/** @type {string} */ (await banner.textContent()), /bad indentation of a mapping entry/);
  await harness.clearPosted();
  await banner.locator('button', { hasText: 'Back up and start fresh' }).click();
  assert.deepEqual(await lastPosted('backupAndReset'), { type: 'backupAndReset' });
  await harness.screenshot('panel-05-state-error');
  await harness.post(planMessage(fixture('rejected')));
  await banner.waitFor({ state: 'detached' });
});

test('the toolbar switches environments and sends every action', async () => {
  const { page } = harness;
  await harness.post(planMessage(fixture('rejected'), {}, true));
  await page.locator('#import-cluster').waitFor();
  const select = page.locator('select.environment');
  assert.deepEqual(await select.locator('option').allTextContents(), ['default', 'staging', 'New environment…']);
  assert.equal(await select.inputValue(), 'default');

  await harness.clearPosted();
  await select.selectOption('staging');
  assert.deepEqual(await lastPosted('selectEnvironment'), { type: 'selectEnvironment', environment: 'staging' });
  await select.selectOption({ label: 'New environment…' });
  assert.deepEqual(await lastPosted('newEnvironment'), { type: 'newEnvironment' });
  assert.equal(await select.inputValue(), 'default');

  for (const [id, message] of /** @type {const} */ ([
    ['refresh', { type: 'refresh' }],
    ['commit', { type: 'commit' }],
    ['import-file', { type: 'import', from: 'file' }],
    ['import-cluster', { type: 'import', from: 'cluster' }],
    ['reset', { type: 'reset' }],
  ])) {
    await harness.clearPosted();
    await page.locator(`#${id}`).click();
    assert.deepEqual(await lastPosted(message.type), message, id);
  }

  await harness.post({ type: 'busy', busy: true });
  await page.locator('.toolbar .busy').waitFor();
  assert.equal(await page.locator('#commit').isDisabled(), true);
  await harness.post({ type: 'busy', busy: false });
  await page.locator('.toolbar .busy').waitFor({ state: 'hidden' });
  await harness.post({ type: 'status', ok: true, message: 'Committed 3 objects to default' });
  await page.locator('.status-line', { hasText: 'Committed 3 objects to default' }).waitFor();
  await harness.post(planMessage(fixture('rejected'), {}, false));
  await page.locator('#import-cluster').waitFor({ state: 'hidden' });
});

test('K20: StatefulSet grids show ordinals per step, current and update revisions, ready or not', async () => {
  const { page } = harness;
  await show(planMessage(fixture('k20-statefulset')), 'statefulset.apps/web created');
  const grid = (/** @type {string} */ name) => page.locator(`.rollout-statefulset[data-name="default/${name}"] table.pod-grid`);
  assert.deepEqual(await grid('web').locator('thead th').allTextContents(), ['t', 'web-0', 'web-1', 'web-2', 'updated', 'ready', 'events', 'status']);
  const cells = (/** @type {string} */ name) =>
    grid(name)
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('td.pod-cell .pod')).map((pod) => pod.className.replace(/^pod /, ''))));
  assert.deepEqual(await cells('web'), [
    ['pod-update pod-starting', 'pod-absent', 'pod-absent'],
    ['pod-update pod-ready', 'pod-update pod-starting', 'pod-absent'],
    ['pod-update pod-ready', 'pod-update pod-ready', 'pod-update pod-starting'],
    ['pod-update pod-ready', 'pod-update pod-ready', 'pod-update pod-ready'],
  ]);
  // A rolling update goes from the highest ordinal down.
  assert.deepEqual((await cells('db'))[0], ['pod-current pod-ready', 'pod-current pod-ready', 'pod-update pod-starting']);
  assert.equal(await grid('db').locator('tbody tr').first().locator('.pod-cell[data-ordinal="2"] .pod').getAttribute('aria-label'), 'db-2: update revision, not ready');
  assert.equal(await grid('web').locator('tbody tr').last().locator('td.status-text').textContent(), 'partitioned roll out complete: 3 new pods have been updated...');
  await harness.screenshot('panel-06-k20-statefulset');
});

test('K23: the DaemonSet grid shows each node’s pods per step', async () => {
  const { page } = harness;
  await show(planMessage(fixture('k23-daemonset')), 'daemonset.apps/agent configured');
  assert.deepEqual(await texts('.object .verdict'), ['configured', 'pruned']);
  const grid = page.locator('.rollout-daemonset table.node-grid');
  assert.deepEqual(await grid.locator('thead th').allTextContents(), ['t', 'node-a', 'node-b', 'node-c', 'updated', 'old', 'available', 'status']);
  const pods = await grid.locator('tbody tr').evaluateAll((rows) => rows.map((row) => Array.from(row.querySelectorAll('td.pod-cell')).map((cell) => cell.textContent)));
  assert.deepEqual(pods, [
    ['new*', 'old', 'old'],
    ['new', 'new*', 'old'],
    ['new', 'new', 'new*'],
    ['new', 'new', 'new'],
  ]);
  assert.equal(await grid.locator('tbody tr').first().locator('.pod-cell[data-node="node-a"] .pod').getAttribute('class'), 'pod pod-new pod-starting');
  await harness.screenshot('panel-07-k23-daemonset');
});

test('C3: Compose projects show the start order, per-service actions with waits and progress lines, orphans, warnings, errors and the output of up', async () => {
  const { page } = harness;
  await harness.post(planMessage(fixture('c3-compose')));
  const demo = page.locator('.compose-project[data-project="demo"]');
  await demo.waitFor();
  assert.equal(await page.locator('.section-objects').count(), 0);
  assert.deepEqual(await demo.locator('.start-order li').allTextContents(), ['db', 'migrate', 'web']);
  assert.deepEqual(await demo.locator('.resources li').allTextContents(), ['Network demo_default  Created']);
  const services = await demo.locator('table.services tbody tr').evaluateAll((rows) => rows.map((row) => [row.getAttribute('data-service'), row.querySelector('.service-action .compose-action')?.textContent]));
  assert.deepEqual(services, [
    ['db', 'create'],
    ['migrate', 'create'],
    ['web', 'create'],
  ]);
  assert.deepEqual(await demo.locator('tr[data-service="web"] .waits li').allTextContents(), [
    'Container demo-db-1  Waiting',
    'Container demo-db-1  Healthy',
    'Container demo-migrate-1  Waiting',
    'Container demo-migrate-1  Exited',
  ]);
  assert.equal(await demo.locator('tr[data-service="db"] .waits').count(), 0);
  assert.deepEqual(await demo.locator('.container[data-container="demo-web-1"] .progress li').allTextContents(), [
    'Container demo-web-1  Creating',
    'Container demo-web-1  Created',
    'Container demo-web-1  Starting',
    'Container demo-web-1  Started',
  ]);
  assert.equal(await demo.locator('.orphans .names').textContent(), 'demo-worker-1');
  assert.equal(await demo.locator('.warning').count(), 1);
  // The whole output of up is folded; opening it (keyboard: Enter on its summary) shows every line in order.
  const log = demo.locator('details.up-log');
  assert.equal(await log.locator('summary').textContent(), 'Output of docker compose up (19 lines)');
  assert.equal(await log.locator('li').first().isVisible(), false);
  await log.locator('summary').focus();
  await page.keyboard.press('Enter');
  assert.equal(await log.locator('li').first().isVisible(), true);
  assert.equal(await log.locator('li').last().textContent(), 'Container demo-web-1  Started');

  const shop = page.locator('.compose-project[data-project="shop"]');
  assert.deepEqual(await shop.locator('.errors li').allTextContents(), ['dependency failed to start: container shop-db-1 has no healthcheck configured']);
  assert.equal(await shop.locator('tr[data-service="web"] .reason').textContent(), 'config changed: image');
  assert.equal(await shop.locator('tr[data-service="web"] .service-action').textContent(), 'recreate');
  // Orphans removed with --remove-orphans are listed with their progress, not as orphans left behind.
  assert.equal(await shop.locator('.orphans').count(), 0);
  assert.deepEqual(await shop.locator('.removed-orphans .container[data-container="shop-worker-1"] .progress li').allTextContents(), [
    'Container shop-worker-1  Stopping',
    'Container shop-worker-1  Stopped',
    'Container shop-worker-1  Removing',
    'Container shop-worker-1  Removed',
  ]);
  await harness.screenshot('panel-08-c3-compose');
});

test('the open rows, the scroll position and the last plan survive a reload (setState / getState)', async () => {
  const { page } = harness;
  await page.setViewportSize({ width: 1100, height: 420 });
  await show(planMessage(fixture('k5-rolling-update')), 'deployment.apps/web configured');
  await page.locator('.object[data-key="apps/v1/Deployment/default/web"] .row-head').click();
  await page.evaluate(() => window.scrollTo(0, 150));
  await page.waitForFunction((key) => JSON.parse(sessionStorage.getItem(key) ?? '{}').scrollY === 150, 'shipshape-panel-state');
  const saved = await harness.savedState();
  assert.deepEqual(saved.target, { scope: 'file', uri: 'file:///work/demo/web.yaml' });
  assert.equal(saved.environment, 'default');
  assert.deepEqual(saved.expanded, ['apps/v1/Deployment/default/web']);
  assert.equal(saved.view.result.plan.rollouts[0].name, 'web');

  await harness.reload();
  // Painted from the saved state alone: nothing has been posted to the page since the reload.
  assert.deepEqual(await harness.posted(), [{ type: 'ready' }]);
  assert.deepEqual(await texts('.object .kubectl-line'), ['deployment.apps/web configured', 'service/web unchanged']);
  assert.equal(await page.locator('.object[data-key="apps/v1/Deployment/default/web"] .row-head').getAttribute('aria-expanded'), 'true');
  assert.equal(await page.evaluate(() => window.scrollY), 150);
  assert.equal(await page.locator('.rollout-chart g.step').count(), 4);
  // A fresh plan keeps the row open.
  await harness.post(planMessage(fixture('k5-rolling-update'), { files: 2 }));
  await page.locator('.toolbar .files', { hasText: '2 files' }).waitFor();
  assert.equal(await page.locator('.object[data-key="apps/v1/Deployment/default/web"] .object-detail').isVisible(), true);
  await page.setViewportSize({ width: 1100, height: 800 });
});

test('malformed messages are dropped; plan text is shown as text, never parsed as HTML', async () => {
  const { page } = harness;
  const before = await page.locator('#content').innerHTML();
  await harness.post({ type: 'plan', target: { scope: 'file' }, result: { plan: { objects: 'none' } }, canImportFromCluster: false });
  await harness.post({ type: 'busy', busy: 'yes' });
  await harness.post({ type: 'explode' });
  const broken = /** @type {any} */ (planMessage(fixture('k5-rolling-update')));
  broken.result.plan.rollouts[0].steps[0].new = -1;
  await harness.post(broken);
  // Messages are handled in order: once this status shows, the ones above were seen (and dropped).
  await harness.post({ type: 'status', ok: false, message: 'after the malformed ones' });
  await page.locator('.status-line', { hasText: 'after the malformed ones' }).waitFor();
  assert.equal(await page.locator('#content').innerHTML(), before);

  const hostile = fixture('rejected');
  hostile.objects[0].message = '<img src=x onerror="window.__pwned = 1">namespace/shop unchanged';
  await show(planMessage(hostile), 'namespace/shop unchanged');
  assert.equal(await page.locator('.object .kubectl-line').first().textContent(), hostile.objects[0].message);
  assert.equal(await page.locator('#content img').count(), 0);
  assert.equal(await page.evaluate(() => /** @type {any} */ (window).__pwned), undefined);
});

test('planning errors show as an alert; the CSP lets our script, styles and icon font load and blocks nothing else we use', async () => {
  const { page } = harness;
  await harness.post({ type: 'error', message: 'the Shipshape language server is not running' });
  await page.locator('.plan-error', { hasText: 'the Shipshape language server is not running' }).waitFor();
  assert.equal(await page.locator('.plan-error').getAttribute('role'), 'alert');
  assert.deepEqual(await harness.cspViolations(), []);
  assert.deepEqual(harness.pageErrors, []);
  const codiconLoaded = await page.evaluate(async () => {
    await document.fonts.ready;
    return Array.from(/** @type {Iterable<FontFace>} */ (/** @type {unknown} */ (document.fonts))).some((font) => font.family.includes('codicon') && font.status === 'loaded');
  });
  assert.equal(codiconLoaded, true);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(/** @type {string} */ (csp), /^default-src 'none'; /);
});
