import { join } from 'node:path';
import Ajv, { _, type Options, type ValidateFunction } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';
import { findSchemasDir, readJson, type SchemaIndex } from './schemaFiles';
import { addKubernetesFormats } from './kubernetesFormats';
import { FORMATS_MODULE } from './standaloneRuntime';
import { ValidatorCache, validatorKey } from './validatorCache';
import { validationSchema } from './validationSchema';

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
const STEM_PREFIX = 'k8s-';

// optimize: false compiles a third faster; validating is a tiny share of the work either way.
const AJV_OPTIONS: Options = { allErrors: true, verbose: true, strict: false, logger: false, validateSchema: false, addUsedSchema: false, code: { optimize: false } };
const OPTIONS_KEY = JSON.stringify(AJV_OPTIONS);

/**
 * The generated Kubernetes schemas: loads a version's manifest when first asked, definition
 * packages when a kind needs them, and compiles each kind's validator once.
 */
export class KubernetesSchemas {
  readonly index: SchemaIndex;
  private readonly versions = new Map<string, KubernetesVersionSchemas>();
  private readonly packages = new Map<string, Record<string, JsonSchema[]>>();
  private lifecycleCache?: Record<string, LifecycleEntry>;
  private validatorCache?: ValidatorCache;

  constructor(readonly dir: string = findSchemasDir()) {
    this.index = readJson<SchemaIndex>(join(dir, 'index.json'));
  }

  /**
   * Keeps compiled validators in `cacheDir` (see ValidatorCache), or no longer when undefined.
   * Takes effect for validators not compiled yet.
   */
  useValidatorCache(cacheDir: string | undefined): void {
    this.validatorCache = cacheDir ? new ValidatorCache(cacheDir) : undefined;
  }

  get cache(): ValidatorCache | undefined {
    return this.validatorCache;
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
      schemas = new KubernetesVersionSchemas(manifest, (name, variant) => this.variant(name, variant), () => this.validatorCache);
      this.versions.set(chosen, schemas);
    }
    return schemas;
  }

  /**
   * Whether validators will come cheap: some are compiled already, or an earlier process left
   * compiled ones in the cache (most people keep to one Kubernetes version). Else the first large
   * file pays for compiling them.
   */
  validatorsReady(): boolean {
    return this.compiledValidators() > 0 || Boolean(this.validatorCache?.hasEntries(STEM_PREFIX));
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
  /** Definitions as validation needs them (and as the cache key spells them), with the definitions each references. */
  private readonly forValidation = new Map<string, ValidationDefinition>();
  private ajv?: Ajv;

  constructor(
    private readonly manifest: VersionManifest,
    private readonly loadVariant: (name: string, index: number) => JsonSchema | undefined,
    private readonly cache: () => ValidatorCache | undefined = () => undefined,
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

  /**
   * The compiled validator of a served kind, compiled on first use and kept; loaded instead from
   * the validator cache when an earlier process compiled it from the same schemas.
   */
  validator(apiVersion: string, kind: string): ValidateFunction | undefined {
    const name = `${apiVersion}/${kind}`;
    const known = this.validators.get(name);
    if (known) return known;
    const info = this.kindInfo(apiVersion, kind);
    if (!info) return undefined;
    const closure = this.closure(info.definition);
    const cache = this.cache();
    const stem = `${stemPrefix(this.version)}${apiVersion.replace(/\//g, '_')}-${kind}`;
    const key = cache ? validatorKey([OPTIONS_KEY, info.definition, ...[...closure].flatMap(([n, d]) => [n, d.json])]) : '';
    let validate = cache?.load(stem, key);
    if (!validate) {
      const ajv = this.compiler(cache !== undefined);
      for (const [definition, { schema }] of closure) {
        if (this.added.has(definition)) continue;
        this.added.add(definition);
        ajv.addSchema({ ...schema, $id: SCHEMA_BASE + this.version + '/' + definition });
      }
      validate = ajv.getSchema(SCHEMA_BASE + this.version + '/' + info.definition);
      if (!validate) return undefined;
      // A compiler made before the cache was set keeps no code to store.
      if (cache && ajv.opts.code.source) cache.store(stem, key, standaloneCode(ajv, validate));
    }
    this.validators.set(name, validate);
    return validate;
  }

  /** A definition and every definition it references, in a stable order, as validation needs them. */
  private closure(root: string): Map<string, ValidationDefinition> {
    const out = new Map<string, ValidationDefinition>();
    const stack = [root];
    while (stack.length) {
      const name = stack.pop()!;
      if (out.has(name)) continue;
      let entry = this.forValidation.get(name);
      if (!entry) {
        const stored = this.definition(name);
        if (!stored) continue;
        const refs: string[] = [];
        const schema = validationSchema(stored, refs);
        entry = { schema, json: JSON.stringify(schema), refs };
        this.forValidation.set(name, entry);
      }
      out.set(name, entry);
      stack.push(...entry.refs);
    }
    return out;
  }

  /** The compiler, made on first use; with `forCache`, one that keeps the code it generates (for standalone code). */
  private compiler(forCache: boolean): Ajv {
    if (!this.ajv) {
      const code = forCache ? { ...AJV_OPTIONS.code, source: true, formats: _`require(${FORMATS_MODULE})` } : AJV_OPTIONS.code;
      this.ajv = new Ajv({ ...AJV_OPTIONS, code });
      addKubernetesFormats(this.ajv);
    }
    return this.ajv;
  }
}

interface ValidationDefinition {
  schema: JsonSchema;
  json: string;
  refs: string[];
}

/** How the validator cache names the entries of one Kubernetes version. */
function stemPrefix(version: string): string {
  return `${STEM_PREFIX}${version}-`;
}
