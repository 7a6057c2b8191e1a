import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findSchemasDir } from '../../../server/src/schema/schemaFiles';
import { getComposeSchema, getComposeValidator, inlineLocalRefs } from '../../../server/src/schema/composeSchema';

test('the Compose validator is compiled once per process and schemas folder', () => {
  const first = getComposeValidator();
  const second = getComposeValidator(findSchemasDir());
  assert.equal(second, first);
  assert.equal(second.validate, first.validate);
  assert.ok(first.compileMs > 0 && first.compileMs < 10_000, `compile took ${first.compileMs} ms`);
});

test('the raw schema is the draft 2020-12 Compose specification, shared with the validator', () => {
  const schema = getComposeSchema();
  assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
  assert.ok(schema.$defs && 'service' in schema.$defs);
  assert.equal(getComposeValidator().schema, schema);
});

test('inlining $refs leaves no local reference behind and keeps the raw schema untouched', () => {
  const raw = getComposeSchema();
  const inlined = inlineLocalRefs(raw);
  const withoutDefs = { ...inlined, $defs: undefined };
  assert.doesNotMatch(JSON.stringify(withoutDefs), /"\$ref":"#\/\$defs\//);
  assert.match(JSON.stringify(raw), /"\$ref":"#\/\$defs\/service"/);
});

test('inlining keeps sibling annotations and wraps sibling assertions in allOf; recursion stops', () => {
  const schema = {
    $defs: { a: { type: 'string' }, loop: { properties: { next: { $ref: '#/$defs/loop' } } } },
    properties: {
      x: { $ref: '#/$defs/a', description: 'd' },
      y: { $ref: '#/$defs/a', minLength: 2 },
      z: { $ref: '#/$defs/loop' },
    },
  };
  const out = inlineLocalRefs(schema) as { properties: Record<string, unknown> };
  assert.deepEqual(out.properties.x, { type: 'string', description: 'd' });
  assert.deepEqual(out.properties.y, { minLength: 2, allOf: [{ type: 'string' }] });
  assert.deepEqual(out.properties.z, { properties: { next: { $ref: '#/$defs/loop' } } });
});

test('the validator accepts a minimal project and rejects an unknown top-level key', () => {
  const { validate } = getComposeValidator();
  assert.equal(validate({ services: { web: { image: 'nginx' } } }), true);
  assert.equal(validate({ servics: {} }), false);
});
