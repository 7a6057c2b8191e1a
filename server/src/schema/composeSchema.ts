import { join } from 'node:path';
import Ajv2020, { _, type Options, type ValidateFunction } from 'ajv/dist/2020';
import standaloneCode from 'ajv/dist/standalone';
import addFormats from 'ajv-formats';
import { GO_DURATION } from './composeFormats';
import { findSchemasDir, readJson, type SchemaIndex } from './schemaFiles';
import { COMPOSE_FORMATS_MODULE } from './standaloneRuntime';
import { validatorKey, type ValidatorCache } from './validatorCache';

/** The Compose specification schema (draft 2020-12) as read from schemas/. */
export type ComposeSchema = Record<string, unknown> & { $defs?: Record<string, unknown> };

export interface CompiledComposeSchema {
  schema: ComposeSchema;
  validate: ValidateFunction;
  /** Milliseconds spent compiling (once per process and schemas folder). */
  compileMs: number;
}

// Compiling the schema takes a few hundred milliseconds: do it once per process and schemas folder.
const cache = new Map<string, CompiledComposeSchema>();
const rawCache = new Map<string, ComposeSchema>();

function schemaPath(schemasDir: string): string {
  let relative = 'compose/compose-spec.json';
  try {
    relative = readJson<SchemaIndex>(join(schemasDir, 'index.json')).compose ?? relative;
  } catch {
    // no index: use the conventional location
  }
  return join(schemasDir, relative);
}

/** The raw Compose schema (for hover and completion); read once, not compiled. */
export function getComposeSchema(schemasDir: string = findSchemasDir()): ComposeSchema {
  const cached = cache.get(schemasDir)?.schema ?? rawCache.get(schemasDir);
  if (cached) return cached;
  const schema = readJson<ComposeSchema>(schemaPath(schemasDir));
  rawCache.set(schemasDir, schema);
  return schema;
}

// verbose + allErrors: explainAjvErrors needs every branch's errors and the failing data.
const AJV_OPTIONS: Options = { strict: false, allErrors: true, verbose: true, validateFormats: true };

const ANNOTATIONS = new Set(['description', 'title', 'default', 'examples', 'deprecated', '$comment']);

/**
 * Replaces `#/$defs/x` references by the definitions themselves. ajv reports errors under a
 * `$ref` with the definition's own schemaPath, which hides which oneOf branch they belong to;
 * inlined, every error's schemaPath runs through its branch and the oneOf collapses cleanly.
 * Recursive references (none in the Compose schema today) are left as they are.
 */
export function inlineLocalRefs(schema: ComposeSchema): ComposeSchema {
  const defs = (schema.$defs ?? {}) as Record<string, unknown>;
  const visit = (node: unknown, stack: string[]): unknown => {
    if (Array.isArray(node)) return node.map((item) => visit(item, stack));
    if (!node || typeof node !== 'object') return node;
    const record = node as Record<string, unknown>;
    const ref = record.$ref;
    const name = typeof ref === 'string' && ref.startsWith('#/$defs/') ? ref.slice('#/$defs/'.length) : undefined;
    if (name !== undefined && name in defs && !stack.includes(name)) {
      const target = visit(defs[name], [...stack, name]) as Record<string, unknown>;
      const siblings = Object.entries(record).filter(([k]) => k !== '$ref');
      if (siblings.every(([k]) => ANNOTATIONS.has(k))) return { ...target, ...Object.fromEntries(siblings) };
      return { ...Object.fromEntries(siblings), allOf: [target] };
    }
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record)) out[key] = key === '$defs' ? value : visit(value, stack);
    return out;
  };
  return visit(schema, []) as ComposeSchema;
}

/**
 * The compiled Compose validator, compiled on first use and kept for the process; loaded instead
 * from `validators` when an earlier process compiled it from the same schema (compiling takes
 * ~0.35 s).
 */
export function getComposeValidator(schemasDir: string = findSchemasDir(), validators?: ValidatorCache): CompiledComposeSchema {
  const cached = cache.get(schemasDir);
  if (cached) return cached;
  const compiled = compileComposeValidator(schemasDir, validators);
  cache.set(schemasDir, compiled);
  return compiled;
}

/** The Compose validator, compiled (or loaded from `validators`) anew. */
export function compileComposeValidator(schemasDir: string, validators?: ValidatorCache): CompiledComposeSchema {
  const schema = getComposeSchema(schemasDir);
  const started = performance.now();
  const inlined = inlineLocalRefs(schema);
  const key = validators && validatorKey([JSON.stringify(AJV_OPTIONS), 'compose', JSON.stringify(inlined)]);
  let validate = validators && key ? validators.load(COMPOSE_STEM, key) : undefined;
  if (!validate) {
    const ajv = new Ajv2020({ ...AJV_OPTIONS, code: validators ? { source: true, formats: _`require(${COMPOSE_FORMATS_MODULE})` } : {} });
    addFormats(ajv);
    ajv.addFormat('duration', GO_DURATION); // as COMPOSE_FORMATS has it, for cached code
    validate = ajv.compile(inlined);
    if (validators && key) validators.store(COMPOSE_STEM, key, standaloneCode(ajv, validate));
  }
  return { schema, validate, compileMs: performance.now() - started };
}

const COMPOSE_STEM = 'compose';
