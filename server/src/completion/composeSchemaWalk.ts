import type { PathSegment } from '../documents/yamlPath';
import type { ComposeSchema } from '../schema/composeSchema';
import type { Shape } from './items';

type Schema = Record<string, unknown>;

const isSchema = (value: unknown): value is Schema => Boolean(value) && typeof value === 'object' && !Array.isArray(value);

/** Completion facts of a Compose schema node. */
export interface ComposeFacts {
  shape: Shape;
  type: string;
  choices?: string[];
  description?: string;
}

// Option lists some Compose fields give in prose only ("Options include: 'no', 'always', …").
const OPTION_PROSE = /(?:options include|values can be|one of)\b/i;

function typesOf(schema: Schema): string[] {
  return Array.isArray(schema.type) ? schema.type.map(String) : typeof schema.type === 'string' ? [schema.type] : [];
}

/**
 * Walks the Compose specification schema (draft 2020-12, local `$ref`s) along a document path,
 * reading through `oneOf`/`anyOf`/`allOf` branches: completion needs what any branch allows.
 */
export class ComposeSchemaWalk {
  private readonly patterns = new Map<string, RegExp | null>();

  constructor(private readonly root: ComposeSchema) {}

  private matches(pattern: string, name: string): boolean {
    let re = this.patterns.get(pattern);
    if (re === undefined) {
      try {
        re = new RegExp(pattern, 'u');
      } catch {
        re = null; // an unreadable pattern matches nothing
      }
      this.patterns.set(pattern, re);
    }
    return re !== null && re.test(name);
  }

  resolve(schema: Schema, depth = 0): Schema {
    const ref = schema.$ref;
    if (typeof ref !== 'string' || !ref.startsWith('#/$defs/') || depth > 16) return schema;
    const target = (this.root.$defs as Record<string, unknown> | undefined)?.[ref.slice('#/$defs/'.length)];
    if (!isSchema(target)) return schema;
    const { $ref: _ref, ...own } = schema;
    return { ...this.resolve(target, depth + 1), ...own };
  }

  /** The schema and its alternatives, each resolved. */
  branches(schema: Schema, depth = 0): Schema[] {
    const resolved = this.resolve(schema);
    const out = [resolved];
    if (depth > 4) return out;
    for (const key of ['oneOf', 'anyOf', 'allOf']) {
      const list = resolved[key];
      if (Array.isArray(list)) for (const branch of list) if (isSchema(branch)) out.push(...this.branches(branch, depth + 1));
    }
    return out;
  }

  /** One step down: a property, a pattern property, additional properties or list items. */
  child(schema: Schema, segment: PathSegment): Schema | undefined {
    for (const branch of this.branches(schema)) {
      if (typeof segment === 'number') {
        if (isSchema(branch.items)) return branch.items;
        continue;
      }
      const properties = isSchema(branch.properties) ? branch.properties : {};
      if (isSchema(properties[segment])) return properties[segment] as Schema;
      const patterns = isSchema(branch.patternProperties) ? branch.patternProperties : {};
      for (const [pattern, value] of Object.entries(patterns)) {
        if (!pattern.startsWith('^x-') && isSchema(value) && this.matches(pattern, segment)) return value;
      }
      if (isSchema(branch.additionalProperties)) return branch.additionalProperties;
    }
    return undefined;
  }

  at(path: readonly PathSegment[]): Schema | undefined {
    let node: Schema | undefined = this.root;
    for (const segment of path) {
      if (!node) return undefined;
      node = this.child(node, segment);
    }
    return node;
  }

  /** Named properties any object branch allows (extension `x-` keys aside). */
  properties(schema: Schema): Map<string, Schema> {
    const out = new Map<string, Schema>();
    for (const branch of this.branches(schema)) {
      if (!isSchema(branch.properties)) continue;
      for (const [name, value] of Object.entries(branch.properties)) if (isSchema(value) && !out.has(name)) out.set(name, value);
    }
    return out;
  }

  /** Whether some branch is a mapping whose keys are names of the user's choosing (services, networks…). */
  hasNamedEntries(schema: Schema): boolean {
    return this.branches(schema).some((b) => isSchema(b.patternProperties) && Object.keys(b.patternProperties).some((p) => !p.startsWith('^x-')));
  }

  facts(field: Schema): ComposeFacts {
    const branches = this.branches(field);
    const types = new Set(branches.flatMap(typesOf));
    const description = branches.map((b) => b.description).find((d): d is string => typeof d === 'string');
    const facts: ComposeFacts = { shape: this.shape(branches, types), type: [...types].join(' | ') || 'any' };
    if (description) facts.description = description;
    const choices = new Set<string>();
    for (const b of branches) if (Array.isArray(b.enum)) for (const v of b.enum) if (v !== null) choices.add(String(v));
    if (types.has('boolean')) ['true', 'false'].forEach((v) => choices.add(v));
    for (const b of branches) {
      // `pull_policy` lists its words as a pattern alternation
      if (typeof b.pattern === 'string' && /^[a-z_|]+\|/.test(b.pattern)) for (const word of b.pattern.split('|')) if (/^[a-z_]+$/.test(word)) choices.add(word);
    }
    if (description && OPTION_PROSE.test(description)) {
      for (const m of description.matchAll(/'([^'\s[\]]+)'/g)) choices.add(m[1]!);
    }
    if (choices.size) facts.choices = [...choices];
    return facts;
  }

  // Lists win over mappings of objects (`depends_on: [db]`, `networks: [front]`), mappings of
  // scalars over lists (`environment: {KEY: value}`), and a plain string over the rest (`build: .`).
  private shape(branches: Schema[], types: Set<string>): Shape {
    const objectBranch = branches.find((b) => typesOf(b).includes('object') && (isSchema(b.properties) || isSchema(b.patternProperties) || isSchema(b.additionalProperties)));
    if (types.has('array')) {
      if (objectBranch) {
        const values = [...Object.values(isSchema(objectBranch.patternProperties) ? objectBranch.patternProperties : {}), objectBranch.additionalProperties].filter(isSchema);
        const scalarValues = values.length > 0 && values.every((v) => this.branches(v).every((b) => !typesOf(b).includes('object')));
        return scalarValues ? 'object' : 'list';
      }
      return types.has('string') ? 'scalar' : 'list';
    }
    if (types.has('string')) return 'scalar';
    return objectBranch || types.has('object') ? 'object' : 'scalar';
  }
}
