import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yaml } from '../../helpers';
import { load } from './composeUpHelpers';
import { composeProjectName, normalizeProjectName } from '../../../../server/src/dryrun/compose/projectValue';

test('the merged value keeps strings as written and merges the override file', () => {
  const { value, name } = load(
    yaml`
      services:
        web:
          image: "nginx:\${TAG:-1.25}"
          ports: ["80"]
          depends_on: [db]
        db:
          image: postgres
    `,
    {
      'compose.override.yaml': yaml`
        services:
          web:
            ports: ["443"]
            environment: {MODE: dev}
      `,
    },
  );
  assert.equal(name, 'demo');
  assert.deepEqual(value, {
    services: {
      web: { image: 'nginx:${TAG:-1.25}', ports: ['80', '443'], depends_on: { db: {} }, environment: { MODE: 'dev' } },
      db: { image: 'postgres' },
    },
  });
});

test('project name: name: wins, else the directory normalised as Compose does', () => {
  const cases: [Record<string, unknown>, string, string][] = [
    [{ name: 'shop' }, 'file:///work/demo/', 'shop'],
    [{ name: '${PROJECT:-fallback}' }, 'file:///work/demo/', 'fallback'],
    [{}, 'file:///work/My%20Demo.App/', 'mydemoapp'],
    [{}, 'file:///work/_-tools_1/', 'tools_1'],
    [{}, 'file:///work/%C3%A9t%C3%A9/', 't'],
    [{}, 'file:///', 'default'],
    [{ name: '  ' }, 'file:///work/Web/', 'web'],
  ];
  for (const [value, dir, expected] of cases) assert.equal(composeProjectName(undefined, value, dir), expected, dir);
  assert.equal(normalizeProjectName('--A.b_C-'), 'ab_c-');
});
