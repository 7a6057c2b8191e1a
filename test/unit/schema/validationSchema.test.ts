import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validationSchema } from '../../../server/src/schema/validationSchema';

test('annotations are dropped from every subschema; a property named like one is kept; refs are collected', () => {
  const refs: string[] = [];
  const out = validationSchema(
    {
      description: 'JSONSchemaProps-like',
      type: 'object',
      'x-kubernetes-list-type': 'map',
      required: ['description'],
      properties: {
        description: { description: 'a field called description', type: 'string', default: 'x' },
        items: { type: 'array', items: { $ref: 'io.k8s.Item', description: 'drop me' } },
        choice: { oneOf: [{ type: 'string', example: 'a' }, { $ref: 'io.k8s.Other' }] },
      },
      additionalProperties: { $ref: 'io.k8s.Extra', 'x-kubernetes-preserve-unknown-fields': true },
      enum: [{ description: 'data, not a schema' }],
    },
    refs,
  );
  assert.deepEqual(out, {
    type: 'object',
    required: ['description'],
    properties: {
      description: { type: 'string' },
      items: { type: 'array', items: { $ref: 'io.k8s.Item' } },
      choice: { oneOf: [{ type: 'string' }, { $ref: 'io.k8s.Other' }] },
    },
    additionalProperties: { $ref: 'io.k8s.Extra' },
    enum: [{ description: 'data, not a schema' }],
  });
  assert.deepEqual(refs.sort(), ['io.k8s.Extra', 'io.k8s.Item', 'io.k8s.Other']);
});
