import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCompose, lines } from './composeHelpers';

test('interpolated defaults are validated after interpolation: no false positives', () => {
  const text = lines(
    'services:',
    '  web:',
    '    image: nginx:${TAG:-1.27}',
    '    ports: ["${PORT:-8080}:80"]',
    '    scale: ${SCALE:-1}',
    '    privileged: ${PRIV:-false}',
    '    deploy:',
    '      replicas: ${N:-2}',
    '    healthcheck:',
    '      retries: ${RETRIES-3}',
    '    depends_on:',
    '      db: {condition: "${COND:-service_started}"}',
    '  db:',
    '    image: postgres',
  );
  assert.deepEqual(checkCompose(text), []);
});

test('a default of the wrong type is reported on the scalar', () => {
  assert.deepEqual(checkCompose(lines('services:', '  web:', '    image: nginx', '    deploy:', '      replicas: ${N:-two}')), [
    { code: 'invalid-type', severity: 'error', message: 'services.web.deploy.replicas: expected integer, got string "two"', range: [4, 16, 4, 25], text: '${N:-two}' },
  ]);
});

test('an enum value from a default is checked', () => {
  const found = checkCompose(lines('services:', '  web:', '    image: nginx', '    depends_on:', '      db: {condition: "${C:-service_healty}"}', '  db:', '    image: x'));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.code, 'invalid-value');
  assert.match(found[0]!.message, /string "service_healty" is not allowed.*Did you mean "service_healthy"\?/);
  assert.equal(found[0]!.text, '"${C:-service_healty}"');
});

test('values from unset variables without default are not judged', () => {
  const text = lines(
    'services:',
    '  web:',
    '    image: ${IMAGE}',
    '    scale: ${SCALE}',
    '    privileged: $PRIV',
    '    deploy:',
    '      replicas: ${N}',
    '      mode: ${MODE:?set MODE}',
    '    restart: ${RESTART}',
    '    depends_on:',
    '      db: {condition: "${COND}"}',
    '  db:',
    '    image: postgres',
  );
  assert.deepEqual(checkCompose(text), []);
});

test('a value with an invalid interpolation gets the interpolation error only', () => {
  assert.deepEqual(checkCompose(lines('services:', '  web:', '    image: nginx', '    deploy:', '      replicas: ${N:=2}')), [
    {
      code: 'invalid-interpolation',
      severity: 'error',
      message: 'Invalid interpolation "${N:=2}": ":=" is not a Compose operator (use :-, -, :?, ?, :+ or +); write "$$" for a literal "$"',
      range: [4, 16, 4, 23],
      text: '${N:=2}',
    },
  ]);
});

test('an explicitly empty default is known and judged', () => {
  const [found] = checkCompose(lines('services:', '  web:', '    image: nginx', '    scale: ${SCALE:-}'));
  assert.equal(found!.message, 'services.web.scale: expected integer, got string ""');
});

test('structural errors next to interpolated values are still reported', () => {
  const found = checkCompose(lines('services:', '  web:', '    image: ${IMAGE}', '    imag: x'));
  assert.deepEqual(found.map((f) => f.text), ['imag']);
});

test('$$ escapes keep shell variables for the container', () => {
  const text = lines('services:', '  db:', '    image: mysql', '    healthcheck:', '      test: ["CMD-SHELL", "mysqladmin ping --password=\\"$$(cat /run/secrets/pw)\\""]');
  assert.deepEqual(checkCompose(text), []);
});
