import type { ErrorObject } from 'ajv';
import type { ManifestDoc, ManifestFile } from '../../documents/manifestFile';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Severity } from '../../documents/diagnostic';
import { locatePath, type PathSegment } from '../../documents/yamlPath';
import type { KubernetesSchemas } from '../../schema/kubernetesSchemas';
import { crdVersionsOf, type CrdRegistry } from '../../schema/crdRegistry';
import { explainAjvErrors, type SchemaFinding } from '../ajvErrors';
import { findingToDiagnostic } from '../findingRanges';
import { checkApiVersion } from './apiVersionCheck';
import { isYaml11Boolean, kubectlValue, YAML11_HINT } from './yaml11Booleans';
import { isRecord } from '../../documents/plainValues';

export interface KubernetesContext {
  schemas: KubernetesSchemas;
  version: string;
  crds?: CrdRegistry;
}

// Kinds the API server accepts without a name (create-only review requests).
const NAMELESS_KINDS = /Review$/;

/** Validates one Kubernetes document (or each item of a `kind: List`) like `kubectl apply`'s strict field validation. */
export function validateKubernetesDocument(file: ManifestFile, doc: ManifestDoc, ctx: KubernetesContext): Diagnostic[] {
  const value = kubectlValue(doc, file.text);
  if (!isRecord(value)) return [];
  const out: Diagnostic[] = [];
  if (value.kind === 'List' && value.apiVersion === 'v1') {
    if (!Array.isArray(value.items)) {
      if (value.items !== undefined && value.items !== null) {
        out.push(place(file, doc, { path: ['items'], on: 'value', code: 'invalid-type', message: 'items: expected a list of objects' }));
      }
      return out;
    }
    value.items.forEach((item, i) => {
      if (isRecord(item) && typeof item.apiVersion === 'string' && typeof item.kind === 'string') validateObject(file, doc, item, ['items', i], ctx, out);
      else out.push(place(file, doc, { path: ['items', i], on: 'value', code: 'invalid-value', message: `items[${i}]: expected an object with apiVersion and kind` }));
    });
    return out.sort(byPosition);
  }
  validateObject(file, doc, value, [], ctx, out);
  return out.sort(byPosition);
}

function byPosition(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

function validateObject(
  file: ManifestFile,
  doc: ManifestDoc,
  object: Record<string, unknown>,
  base: PathSegment[],
  ctx: KubernetesContext,
  out: Diagnostic[],
): void {
  const apiVersion = object.apiVersion as string;
  const kind = object.kind as string;
  const verdict = checkApiVersion(ctx.schemas, ctx.version, apiVersion, kind);
  if (verdict.finding) {
    const { code, severity, message, on } = verdict.finding;
    out.push(place(file, doc, { path: [...base, on], on: 'value', code, message }, severity));
  }
  const partial = doc.hasErrors;
  let errors: readonly ErrorObject[] | null | undefined;
  if (verdict.served) {
    const validate = ctx.schemas.forVersion(ctx.version).validator(apiVersion, kind);
    if (validate && !validate(object)) errors = validate.errors;
  } else if (!verdict.finding && ctx.crds) {
    const crd = ctx.crds.lookup(apiVersion, kind);
    if (crd?.validate && !crd.validate(object)) errors = crd.validate.errors;
  }
  for (const finding of explainAjvErrors(errors ?? [])) {
    // A document that did not parse whole is missing parts; "required" findings would be noise.
    if (partial && finding.code === 'missing-required-field') continue;
    const path = [...base, ...finding.path];
    const yaml11 = finding.code === 'invalid-type' && isYaml11Boolean(locatePath(doc.yaml, path).node);
    out.push(place(file, doc, { ...finding, path, message: prefixed(base, finding.message) + (yaml11 ? YAML11_HINT : '') }));
  }
  const metadata = object.metadata;
  const named = isRecord(metadata) && (typeof metadata.name === 'string' || typeof metadata.generateName === 'string');
  if (!named && !NAMELESS_KINDS.test(kind) && !partial && (verdict.served || !verdict.finding)) {
    const path = isRecord(metadata) ? [...base, 'metadata'] : base;
    out.push(place(file, doc, { path, on: 'key', code: 'missing-name', message: `${kind} has no metadata.name; kubectl apply needs a name to create or update it.` }));
  }
  if (kind === 'CustomResourceDefinition' && ctx.crds) reportBrokenCrdSchemas(file, doc, object, base, ctx.crds, out);
}

function reportBrokenCrdSchemas(file: ManifestFile, doc: ManifestDoc, object: unknown, base: PathSegment[], crds: CrdRegistry, out: Diagnostic[]): void {
  for (const version of crdVersionsOf(file.uri, doc.index, object)) {
    const { error } = crds.compile(version);
    if (!error) continue;
    out.push(
      place(file, doc, {
        path: [...base, 'spec', 'versions', version.versionIndex, 'schema', 'openAPIV3Schema'],
        on: 'key',
        code: 'invalid-crd-schema',
        message: `The openAPIV3Schema of ${version.apiVersion} ${version.kind} cannot be used to validate its resources: ${error}`,
      }),
    );
  }
}

function prefixed(base: PathSegment[], message: string): string {
  if (base.length === 0) return message;
  return `items[${base[1]}] ${message}`;
}

function place(file: ManifestFile, doc: ManifestDoc, finding: SchemaFinding, severity: Severity = 'error'): Diagnostic {
  return findingToDiagnostic(file, doc, finding, severity);
}
