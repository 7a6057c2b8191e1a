import { join } from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import { findSchemasDir, readJson, type SchemaIndex } from './schemaFiles';
import { addKubernetesFormats } from './kubernetesFormats';

export type JsonSchema = Record<string, unknown>;

interface VersionManifest {
  version: string;
  kinds: Record<string, { def: string; namespaced: boolean }>;
  defs: Record<string, number>;
}

export interface LifecycleEntry {
  served: string[];
  namespaced?: boolean;
  replacement?: string;
  removedIn?: string;
}

export interface KindInfo {
  apiVersion: string;
  kind: string;
  definition: string;
  namespaced: boolean;
}

const SCHEMA_BASE = 'https://shipshape.invalid/k8s/';

/**
 * The generated Kubernetes schemas: loads a version's manifest when first asked, definition
 * packages when a kind needs them, and compiles each kind's validator once.
 */
export class KubernetesSchemas {
  readonly index: SchemaIndex;
  private readonly versions = new Map<string, KubernetesVersionSchemas>();
  private readonly packages = new Map<string, Record<string, JsonSchema[]>>();
  private lifecycleCache?: Record<string, LifecycleEntry>;

  constructor(readonly dir: string = findSchemasDir()) {
    this.index = readJson<SchemaIndex>(join(dir, 'index.json'));
  }

  get supportedVersions(): string[] {
    return this.index.kubernetesVersions;
  }

  /** The schemas of one minor version ("1.30"); unknown versions fall back to the newest. */
  forVersion(version: string): KubernetesVersionSchemas {
    const chosen = this.supportedVersions.includes(version) ? version : this.index.defaultKubernetesVersion;
    let schemas = this.versions.get(chosen);
    if (!schemas) {
      const manifest = readJson<VersionManifest>(join(this.dir, 'kubernetes', `${chosen}.json`));
      schemas = new KubernetesVersionSchemas(manifest, (name, variant) => this.variant(name, variant));
      this.versions.set(chosen, schemas);
    }
    return schemas;
  }

  /** How many validators have been compiled so far, all versions together. */
  compiledValidators(): number {
    let n = 0;
    for (const schemas of this.versions.values()) n += schemas.compiledCount;
    return n;
  }

  /** Per group/version/kind: the shipped versions serving it, its replacement, pre-1.23 removals. */
  get lifecycle(): Record<string, LifecycleEntry> {
    this.lifecycleCache ??= readJson<{ kinds: Record<string, LifecycleEntry> }>(join(this.dir, 'kubernetes', 'api-lifecycle.json')).kinds;
    return this.lifecycleCache;
  }

  private variant(name: string, index: number): JsonSchema | undefined {
    const pkg = name.slice(0, name.lastIndexOf('.'));
    let defs = this.packages.get(pkg);
    if (!defs) {
      defs = readJson<Record<string, JsonSchema[]>>(join(this.dir, 'kubernetes', 'defs', `${pkg}.json`));
      this.packages.set(pkg, defs);
    }
    return defs[name]?.[index];
  }
}

export class KubernetesVersionSchemas {
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly added = new Set<string>();
  private ajv?: Ajv;

  constructor(
    private readonly manifest: VersionManifest,
    private readonly loadVariant: (name: string, index: number) => JsonSchema | undefined,
  ) {}

  get version(): string {
    return this.manifest.version;
  }

  get compiledCount(): number {
    return this.validators.size;
  }

  kindInfo(apiVersion: string, kind: string): KindInfo | undefined {
    const entry = this.manifest.kinds[`${apiVersion}/${kind}`];
    return entry && { apiVersion, kind, definition: entry.def, namespaced: entry.namespaced };
  }

  /** Every served "apiVersion/kind" of this version. */
  servedKinds(): string[] {
    return Object.keys(this.manifest.kinds);
  }

  /** A definition's schema as stored (with descriptions), for hover and completion. */
  definition(name: string): JsonSchema | undefined {
    const index = this.manifest.defs[name];
    return index === undefined ? undefined : this.loadVariant(name, index);
  }

  /** The compiled validator of a served kind, compiled on first use and kept. */
  validator(apiVersion: string, kind: string): ValidateFunction | undefined {
    const key = `${apiVersion}/${kind}`;
    const cached = this.validators.get(key);
    if (cached) return cached;
    const info = this.kindInfo(apiVersion, kind);
    if (!info) return undefined;
    const ajv = this.compiler();
    this.addClosure(ajv, info.definition);
    const validate = ajv.getSchema(SCHEMA_BASE + this.version + '/' + info.definition);
    if (!validate) return undefined;
    this.validators.set(key, validate);
    return validate;
  }

  private compiler(): Ajv {
    if (!this.ajv) {
      // optimize: false compiles a third faster; validating is a tiny share of the work either way.
      this.ajv = new Ajv({ allErrors: true, verbose: true, strict: false, logger: false, validateSchema: false, addUsedSchema: false, code: { optimize: false } });
      addKubernetesFormats(this.ajv);
    }
    return this.ajv;
  }

  // Registers a definition and everything it references, so ajv can resolve refs by id;
  // definitions shared between kinds are compiled once per version.
  private addClosure(ajv: Ajv, root: string): void {
    const stack = [root];
    while (stack.length) {
      const name = stack.pop()!;
      if (this.added.has(name)) continue;
      const schema = this.definition(name);
      if (!schema) continue;
      this.added.add(name);
      ajv.addSchema({ ...schema, $id: SCHEMA_BASE + this.version + '/' + name });
      collectRefs(schema, stack);
    }
  }
}

function collectRefs(node: unknown, out: string[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collectRefs(item, out);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') out.push(value);
      else if (key !== 'description') collectRefs(value, out);
    }
  }
}
