import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkFix, offered } from './fixHelpers';

const lines = (...l: string[]) => l.join('\n') + '\n';

test('network-undefined: declared in the existing top-level networks', () => {
  const compose = (...networks: string[]) => lines('services:', '  web:', '    image: nginx', '    networks: [front, back]', 'networks:', '  back: {}', ...networks);
  checkFix({ files: { 'compose.yaml': compose() }, code: 'network-undefined', at: 'front', expected: compose('  front: {}') });
});

test('volume-undefined: a top-level volumes section is created when there is none; the short syntax names the volume', () => {
  const compose = lines('services:', '  db:', '    image: postgres', '    volumes:', '      - "pgdata:/var/lib/postgresql/data"');
  checkFix({ files: { 'compose.yaml': compose }, code: 'volume-undefined', at: 'pgdata', expected: compose + lines('volumes:', '  pgdata: {}') });
});

test('secret-undefined: an empty top-level secrets gets the secret, sourced from an environment variable', () => {
  const compose = (secrets: string[]) => lines('services:', '  api:', '    image: api', '    secrets:', '      - source: db-password', '        target: db', ...secrets);
  checkFix({
    files: { 'compose.yaml': compose(['secrets:']) },
    code: 'secret-undefined',
    at: 'db-password',
    expected: compose(['secrets:', '  db-password:', '    environment: DB_PASSWORD']),
  });
});

test('config-undefined: flow-style configs get the entry inline', () => {
  const compose = (configs: string) => lines('services:', '  web:', '    image: nginx', '    configs: [site]', `configs: ${configs}`);
  checkFix({ files: { 'compose.yaml': compose('{}') }, code: 'config-undefined', at: 'site', expected: compose('{site: {environment: SITE}}') });
});

test('a close declared name: declaring is offered, not preferred (the reference is likelier the typo)', () => {
  const compose = lines('services:', '  web:', '    image: nginx', '    networks: [frontend]', 'networks:', '  front-end: {}');
  assert.deepEqual(offered({ 'compose.yaml': compose }, 'network-undefined', 'frontend'), ['Declare network "frontend" under top-level networks']);
});

test('an interpolated name is not guessed', () => {
  const compose = lines('services:', '  web:', '    image: nginx', '    networks: ["${NET:-edge}"]');
  assert.deepEqual(offered({ 'compose.yaml': compose }, 'network-undefined', '"${NET:-edge}"'), []);
});
