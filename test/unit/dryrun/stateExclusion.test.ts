import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isExcluded } from '../../../server/src/documents/exclude';
import { stateDirGlobs } from '../../../server/src/shared/settings';

test('the dry-run state folder is excluded from the workspace, wherever the setting points', () => {
  const folders = ['file:///ws'];
  const cases: Array<[string, string, boolean]> = [
    ['.shipshape/state', 'file:///ws/.shipshape/state/default.yaml', true],
    ['./envs/', 'file:///ws/envs/prod.compose.yaml', true],
    ['.shipshape/state', 'file:///ws/k8s/app.yaml', false],
    ['/var/shipshape', 'file:///var/shipshape/default.yaml', true],
  ];
  for (const [stateDir, uri, excluded] of cases) assert.equal(isExcluded(uri, folders, stateDirGlobs(stateDir)), excluded, `${stateDir} ${uri}`);
  assert.deepEqual(stateDirGlobs(''), []);
});
