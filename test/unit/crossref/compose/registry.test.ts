import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPOSE_RULE_DESCRIPTIONS, COMPOSE_RULES } from '../../../../server/src/crossref/compose/rules';

const rulesDir = join(__dirname, '..', '..', '..', '..', 'server', 'src', 'crossref', 'compose');

test('every rule code the engine can report has a description, and every description a rule', () => {
  const sources = [...readdirSync(join(rulesDir, 'rules')).map((f) => join(rulesDir, 'rules', f)), join(rulesDir, 'placement.ts')];
  const codes = new Set<string>();
  for (const path of sources) {
    for (const match of readFileSync(path, 'utf8').matchAll(/code: (?:explicit \? )?'([a-z-]+)'(?: : '([a-z-]+)')?/g)) {
      codes.add(match[1]!);
      if (match[2]) codes.add(match[2]);
    }
    for (const match of readFileSync(path, 'utf8').matchAll(/, '([a-z]+(?:-[a-z]+)+)'\)/g)) codes.add(match[1]!);
  }
  assert.deepEqual([...codes].sort(), Object.keys(COMPOSE_RULE_DESCRIPTIONS).sort());
  assert.equal(Object.keys(COMPOSE_RULES).length, 27);
});
