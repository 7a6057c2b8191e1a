import Ajv, { type ValidateFunction } from 'ajv';
import type { ManifestFile } from '../documents/manifestFile';
import { addKubernetesFormats } from './kubernetesFormats';
import { linearRegExp } from './linearRegExp';
import { isRecord } from '../documents/plainValues';

/** One served version of a CustomResourceDefinition found in the workspace. */
export interface CrdVersion {
  uri: string;
  docIndex: number;
  /** Index of the version in spec.versions (where schema problems are reported). */
  versionIndex: number;
  apiVersion: string;
  kind: string;
  schema: unknown;
}

export interface CrdLookup {
  source: CrdVersion;
  validate?: ValidateFunction;
  /** Why the schema could not be compiled; the CRD document itself reports it. */
  error?: string;
}

/** Reads the versions a CRD document defines; anything malformed is simply skipped. */
export function crdVersionsOf(uri: string, docIndex: number, value: unknown): CrdVersion[] {
  if (!isRecord(value) || value.kind !== 'CustomResourceDefinition' || typeof value.apiVersion !== 'string') return [];
  if (!value.apiVersion.startsWith('apiextensions.k8s.io/')) return [];
  const spec = value.spec;
  if (!isRecord(spec) || typeof spec.group !== 'string' || !isRecord(spec.names) || typeof spec.names.kind !== 'string') return [];
  const kind = spec.names.kind;
  const out: CrdVersion[] = [];
  const versions = Array.isArray(spec.versions) ? spec.versions : typeof spec.version === 'string' ? [{ name: spec.version }] : [];
  versions.forEach((v: unknown, versionIndex: number) => {
    if (!isRecord(v) || typeof v.name !== 'string') return;
    const schema = isRecord(v.schema) ? v.schema.openAPIV3Schema : isRecord(spec.validation) ? spec.validation.openAPIV3Schema : undefined;
    out.push({ uri, docIndex, versionIndex, apiVersion: `${spec.group}/${v.name}`, kind, schema });
  });
  return out;
}

// Structural schemas prune unknown fields, and strict field validation reports them: close
// every object that declares properties unless it preserves unknown fields.
function strictCopy(node: unknown, depth = 0): unknown {
  if (depth > 64) return {};
  if (Array.isArray(node)) return node.map((n) => strictCopy(n, depth + 1));
  if (!isRecord(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = k === 'description' || k === 'example' ? v : strictCopy(v, depth + 1);
  if (isRecord(out.properties) && out.additionalProperties === undefined && !out['x-kubernetes-preserve-unknown-fields']) {
    out.additionalProperties = false;
  }
  return out;
}

function rootSchema(schema: unknown): Record<string, unknown> {
  const copy = strictCopy(schema) as Record<string, unknown>;
  const properties = isRecord(copy.properties) ? { ...copy.properties } : {};
  // The API server supplies these for every custom resource.
  properties.apiVersion ??= { type: 'string' };
  properties.kind ??= { type: 'string' };
  properties.metadata = { type: 'object' };
  return { ...copy, properties };
}

/** CustomResourceDefinitions found in open files or CLI paths, so their instances are validated too. */
export class CrdRegistry {
  private readonly byUri = new Map<string, CrdVersion[]>();
  private readonly compiled = new Map<CrdVersion, CrdLookup>();
  private ajv?: Ajv;
  /** Bumped whenever the set of CRDs changes, so cached verdicts on custom resources are dropped. */
  generation = 0;

  /** Records the CRDs of a file; returns true when that changed anything. */
  update(file: ManifestFile): boolean {
    const found = file.templated ? [] : file.docs.flatMap((d) => crdVersionsOf(file.uri, d.index, d.value));
    const before = this.byUri.get(file.uri) ?? [];
    const same = before.length === found.length && before.every((b, i) => JSON.stringify(b) === JSON.stringify(found[i]));
    if (same) return false;
    for (const old of before) this.compiled.delete(old);
    if (found.length) this.byUri.set(file.uri, found);
    else this.byUri.delete(file.uri);
    this.generation++;
    return true;
  }

  remove(uri: string): boolean {
    const before = this.byUri.get(uri);
    if (!before) return false;
    for (const old of before) this.compiled.delete(old);
    this.byUri.delete(uri);
    this.generation++;
    return true;
  }

  /** The CRD version serving apiVersion/kind, with its compiled validator (compiled once). */
  lookup(apiVersion: string, kind: string): CrdLookup | undefined {
    for (const versions of this.byUri.values()) {
      const source = versions.find((v) => v.apiVersion === apiVersion && v.kind === kind);
      if (source) return this.compile(source);
    }
    return undefined;
  }

  /** Compiles one CRD version's schema (used to report broken schemas on the CRD itself). */
  compile(source: CrdVersion): CrdLookup {
    const cached = this.compiled.get(source);
    if (cached) return cached;
    let result: CrdLookup;
    if (!isRecord(source.schema)) {
      result = { source };
    } else {
      try {
        result = { source, validate: this.compiler().compile(rootSchema(source.schema)) };
      } catch (error) {
        result = { source, error: (error as Error).message };
      }
    }
    this.compiled.set(source, result);
    return result;
  }

  private compiler(): Ajv {
    if (!this.ajv) {
      this.ajv = new Ajv({ allErrors: true, verbose: true, strict: false, logger: false, addUsedSchema: false, code: { regExp: linearRegExp } });
      addKubernetesFormats(this.ajv);
    }
    return this.ajv;
  }
}
