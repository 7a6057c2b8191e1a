import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findInterpolationProblems, interpolate, interpolateString } from '../../../server/src/validation/compose/interpolation';

const value = (text: string, env?: Record<string, string>) => interpolateString(text, env).value;

test('$VAR and ${VAR} take the value from the environment', () => {
  assert.equal(value('$HOST:${PORT}', { HOST: 'db', PORT: '5432' }), 'db:5432');
  assert.equal(value('$A_1b', { A_1b: 'x' }), 'x');
});

test('an unset variable without default becomes "" and marks the value unresolved', () => {
  assert.deepEqual(interpolateString('${TAG}'), { value: '', unresolved: true, problems: [] });
  assert.deepEqual(interpolateString('img:$TAG'), { value: 'img:', unresolved: true, problems: [] });
});

test(':- uses the default when unset or empty, - only when unset', () => {
  assert.equal(value('${A:-d}'), 'd');
  assert.equal(value('${A:-d}', { A: '' }), 'd');
  assert.equal(value('${A:-d}', { A: 'v' }), 'v');
  assert.equal(value('${A-d}'), 'd');
  assert.equal(value('${A-d}', { A: '' }), '');
  assert.equal(interpolateString('${PORT:-8080}:80').unresolved, false);
});

test(':+ and + give the alternative when set (and non-empty for :+)', () => {
  assert.equal(value('${A:+alt}', { A: 'v' }), 'alt');
  assert.equal(value('${A:+alt}', { A: '' }), '');
  assert.equal(value('${A+alt}', { A: '' }), 'alt');
  assert.equal(interpolateString('${A+alt}').unresolved, true);
});

test(':? and ? are valid syntax; unset they leave the value unknown rather than report', () => {
  assert.deepEqual(interpolateString('${A:?set A}'), { value: '', unresolved: true, problems: [] });
  assert.deepEqual(interpolateString('${A?err}', { A: '' }), { value: '', unresolved: false, problems: [] });
  assert.equal(interpolateString('${A:?err}', { A: '' }).unresolved, true);
});

test('$$ is a literal dollar and suppresses interpolation', () => {
  assert.deepEqual(interpolateString('$$HOME $${X}'), { value: '$HOME ${X}', unresolved: false, problems: [] });
});

test('a $ not followed by a name or { stays literal', () => {
  assert.deepEqual(interpolateString('cost: $5, $ and $-x and $'), { value: 'cost: $5, $ and $-x and $', unresolved: false, problems: [] });
});

test('nested interpolation inside defaults', () => {
  assert.equal(value('${A:-${B}}', { B: 'b' }), 'b');
  assert.equal(value('${A:-${B:-x}}y'), 'xy');
  assert.equal(value('${A?$B}', { A: 'a' }), 'a');
  assert.equal(value('${A:-{x}}'), '{x}');
  assert.equal(value('${A:-x}}'), 'x}');
});

test('the value of an unused default does not make the result unresolved', () => {
  assert.equal(interpolateString('${A:-$B}', { A: 'a' }).unresolved, false);
  assert.equal(interpolateString('${A:-$B}').unresolved, true);
});

test('invalid variable names are reported on the whole ${…} expression', () => {
  assert.deepEqual(findInterpolationProblems('x ${1A} y'), [
    { start: 2, end: 7, message: 'Invalid interpolation "${1A}": a variable name must start with a letter or "_"; write "$$" for a literal "$"' },
  ]);
  assert.deepEqual(findInterpolationProblems('${A B}'), [
    { start: 0, end: 6, message: 'Invalid interpolation "${A B}": unexpected " " after the variable name "A"; write "$$" for a literal "$"' },
  ]);
  assert.deepEqual(findInterpolationProblems('${}'), [
    { start: 0, end: 3, message: 'Invalid interpolation "${}": the variable name is empty; write "$$" for a literal "$"' },
  ]);
});

test('unsupported operators are named', () => {
  assert.deepEqual(findInterpolationProblems('${A:=x}'), [
    { start: 0, end: 7, message: 'Invalid interpolation "${A:=x}": ":=" is not a Compose operator (use :-, -, :?, ?, :+ or +); write "$$" for a literal "$"' },
  ]);
  assert.equal(findInterpolationProblems('${A/a/b}')[0]!.message.includes('"/" is not a Compose operator'), true);
});

test('an unclosed ${ runs to the end of the string', () => {
  assert.deepEqual(findInterpolationProblems('img:${TAG'), [
    { start: 4, end: 9, message: 'Invalid interpolation "${TAG": missing the closing "}"; write "$$" for a literal "$"' },
  ]);
  assert.deepEqual(findInterpolationProblems('${').map((p) => [p.start, p.end]), [[0, 2]]);
  assert.deepEqual(findInterpolationProblems('${A:-x').map((p) => [p.start, p.end]), [[0, 6]]);
});

test('an error nested in a default is reported on the inner expression only', () => {
  assert.deepEqual(findInterpolationProblems('${A:-${1}}').map((p) => [p.start, p.end]), [[5, 9]]);
  assert.deepEqual(findInterpolationProblems('${A:-${B').map((p) => [p.start, p.end]), [[5, 8]]);
});

test('parsing resumes after an invalid expression', () => {
  const result = interpolateString('${A B}-${C:-z}-${1}');
  assert.deepEqual(result.problems.map((p) => [p.start, p.end]), [[0, 6], [15, 19]]);
  assert.equal(result.value, '-z-');
  assert.equal(result.unresolved, true);
});

test('multi-line expressions are shown on one line in messages', () => {
  assert.equal(findInterpolationProblems('${oops\n')[0]!.message, 'Invalid interpolation "${oops\\n": missing the closing "}"; write "$$" for a literal "$"');
});

test('interpolate() walks a whole document value and lists unresolved paths; keys are left alone', () => {
  const result = interpolate({ services: { web: { image: 'nginx:${TAG:-1.27}', ports: ['${P}:80', 80], labels: { $KEY: '$V' } } } });
  assert.deepEqual(result.value, { services: { web: { image: 'nginx:1.27', ports: [':80', 80], labels: { $KEY: '' } } } });
  assert.deepEqual(result.unresolved, [['services', 'web', 'ports', 0], ['services', 'web', 'labels', '$KEY']]);
});

test('interpolate() uses the given environment and keeps non-strings as they are', () => {
  const result = interpolate({ a: '${X}', b: 3, c: null, d: true }, { X: 'x' });
  assert.deepEqual(result, { value: { a: 'x', b: 3, c: null, d: true }, unresolved: [] });
});

test('interpolate() keeps a "__proto__" key as a key', () => {
  const source = JSON.parse('{"__proto__": {"image": "${I:-a}"}}') as unknown;
  const result = interpolate(source).value as Record<string, unknown>;
  assert.deepEqual(Object.keys(result), ['__proto__']);
  assert.deepEqual(Object.getOwnPropertyDescriptor(result, '__proto__')?.value, { image: 'a' });
});
