import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCompose, lines } from './composeHelpers';

// Only interpolation findings: the fixtures are otherwise valid Compose.
const check = (text: string) => checkCompose(text).filter((f) => f.code === 'invalid-interpolation');

test('plain scalar: the range is the ${…} expression itself', () => {
  const found = check(lines('services:', '  web:', '    image: nginx:${1TAG}'));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.severity, 'error');
  assert.deepEqual(found[0]!.range, [2, 17, 2, 24]);
  assert.equal(found[0]!.text, '${1TAG}');
});

test('double-quoted scalar: escapes before the expression shift the source offsets', () => {
  const found = check(lines('services:', '  web:', '    command: "echo \\"a\\"\\t\\u00e9 ${A B} ok"'));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.text, '${A B}');
  assert.deepEqual(found[0]!.range, [2, 33, 2, 39]);
});

test("single-quoted scalar: '' counts as one character of the value", () => {
  const found = check(lines('services:', '  web:', "    entrypoint: 'it''s ${A:=b}'"));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.text, '${A:=b}');
  assert.deepEqual(found[0]!.range, [2, 23, 2, 30]);
});

test('unclosed expression runs to the end of the value, not past the closing quote', () => {
  const found = check(lines('services:', '  web:', '    image: "nginx:${TAG"'));
  assert.equal(found[0]!.text, '${TAG');
  assert.deepEqual(found[0]!.range, [2, 18, 2, 23]);
});

test('two problems in one scalar give two diagnostics', () => {
  const found = check(lines('services:', '  web:', '    command: ${1} and ${A B}'));
  assert.deepEqual(found.map((f) => f.text), ['${1}', '${A B}']);
});

test('inside a flow sequence', () => {
  const found = check(lines('services:', '  web:', '    ports: ["${P:-80}:80", "${P:x}:81"]'));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.text, '${P:x}');
  assert.deepEqual(found[0]!.range, [2, 28, 2, 34]);
});

test('block scalar: falls back to the whole scalar', () => {
  const found = check(lines('services:', '  web:', '    command: |', '      echo ${oops', '    image: nginx'));
  assert.equal(found.length, 1);
  assert.deepEqual(found[0]!.range, [2, 13, 4, 0]);
  assert.equal(found[0]!.text, '|\n      echo ${oops\n');
  assert.match(found[0]!.message, /missing the closing "\}"/);
});

test('multi-line plain scalar: falls back to the whole scalar', () => {
  const found = check(lines('services:', '  web:', '    command: echo', '      ${A B}', '    image: nginx'));
  assert.equal(found.length, 1);
  assert.deepEqual(found[0]!.range, [2, 13, 3, 12]);
  assert.equal(found[0]!.text, 'echo\n      ${A B}');
});

test('keys are not interpolated by Compose, so they are not checked', () => {
  assert.deepEqual(check(lines('services:', '  web:', '    image: nginx', '    labels:', '      "${not a var}": x')), []);
});

test('valid forms and escapes produce no findings', () => {
  const text = lines(
    'services:',
    '  web:',
    '    image: "${REGISTRY:-docker.io}/app:${TAG-latest}"',
    '    command: ["sh", "-c", "echo $$HOME $${NOT_A_VAR} $5 ${A:?need A} ${B?x} ${C:+c} ${D+d}"]',
    '    environment:',
    '      - URL=${PROTO:-http}://${HOST:-${FALLBACK:-localhost}}',
  );
  assert.deepEqual(check(text), []);
});

test('an aliased value is reported once, at its anchor', () => {
  const text = lines('x-img: &img "${1BAD}"', 'services:', '  a:', '    image: *img', '  b:', '    image: *img');
  const found = check(text);
  assert.equal(found.length, 1);
  assert.equal(found[0]!.text, '${1BAD}');
  assert.deepEqual(found[0]!.range, [0, 13, 0, 20]);
});

test('x- extension values are interpolated, so they are checked too', () => {
  const found = check(lines('x-note: ${A B}', 'services:', '  web:', '    image: nginx'));
  assert.equal(found.length, 1);
  assert.equal(found[0]!.text, '${A B}');
  assert.deepEqual(found[0]!.range, [0, 8, 0, 14]);
});

test('values under !override are checked like any other', () => {
  const found = check(lines('services:', '  web:', '    image: !override ${}'));
  assert.equal(found[0]!.text, '${}');
  assert.deepEqual(found[0]!.range, [2, 21, 2, 24]);
});
