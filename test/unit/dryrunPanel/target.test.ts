import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { DryRunTarget } from '../../../server/src/shared/protocol';
import { targetCovers, targetLabel } from '../../../client/src/dryrun/target';

test('targetCovers: the file itself, anything below a folder, everything for the workspace', () => {
  const file: DryRunTarget = { scope: 'file', uri: 'file:///w/k8s/web.yaml' };
  const folder: DryRunTarget = { scope: 'folder', uri: 'file:///w/k8s' };
  const workspace: DryRunTarget = { scope: 'workspace' };
  for (const [target, uri, covered] of [
    [file, 'file:///w/k8s/web.yaml', true],
    [file, 'file:///w/k8s/db.yaml', false],
    [folder, 'file:///w/k8s/web.yaml', true],
    [folder, 'file:///w/k8s/apps/api.yaml', true],
    [folder, 'file:///w/k8s-old/web.yaml', false],
    [folder, 'file:///w/k8s', false],
    [{ scope: 'folder', uri: 'file:///w/k8s/' }, 'file:///w/k8s/web.yaml', true],
    [workspace, 'file:///anything/else.yaml', true],
  ] as const) {
    assert.equal(targetCovers(target, uri), covered, `${JSON.stringify(target)} ${uri}`);
  }
});

test('targetLabel: the file or folder name, decoded; "workspace" otherwise', () => {
  for (const [target, label] of [
    [{ scope: 'file', uri: 'file:///w/k8s/web.yaml' }, 'web.yaml'],
    [{ scope: 'file', uri: 'file:///w/my%20app/compose.yaml' }, 'compose.yaml'],
    [{ scope: 'file', uri: 'file:///w/k8s/my%20web.yaml' }, 'my web.yaml'],
    [{ scope: 'folder', uri: 'file:///w/k8s' }, 'k8s/'],
    [{ scope: 'folder', uri: 'file:///w/k8s/' }, 'k8s/'],
    [{ scope: 'file', uri: 'untitled:Untitled-1' }, 'untitled:Untitled-1'],
    [{ scope: 'workspace' }, 'workspace'],
  ] as const) {
    assert.equal(targetLabel(target), label);
  }
});
