import type { CodeAction, Diagnostic, Range } from 'vscode-languageserver-types';
import type { ManifestFile } from '../documents/manifestFile';
import { SOURCE } from '../documents/diagnostic';
import type { KubernetesSchemas } from '../schema/kubernetesSchemas';
import { SchemaNavigator } from '../schema/schemaNavigator';
import { docAt, type FixContext, type FixProvider } from './fixContext';
import { unknownFieldFixes } from './unknownField';
import { missingRequiredFixes } from './missingRequired';
import { apiVersionFixes } from './apiVersionMigration';
import { selectorFixes } from './selectorFix';
import { missingObjectFixes } from './missingObject';
import { composeDeclarationFixes } from './composeDeclaration';

export interface CodeActionRequest {
  /** The file as parsed now (the version the client's diagnostics were computed on). */
  file: ManifestFile;
  /** The diagnostics of the client's context (`CodeActionParams.context.diagnostics`). */
  diagnostics: readonly Diagnostic[];
  /** The range the client asks about; only diagnostics overlapping it get fixes. */
  range: Range;
  schemas: KubernetesSchemas;
  /** The Kubernetes minor version validated against (`shipshape.kubernetesVersion`). */
  kubernetesVersion: string;
}

/** Which fix family answers which diagnostic code. */
const PROVIDERS: Record<string, FixProvider> = {
  'unknown-field': unknownFieldFixes,
  'missing-required-field': missingRequiredFixes,
  'removed-api-version': apiVersionFixes,
  'deprecated-api-version': apiVersionFixes,
  'unavailable-api-version': apiVersionFixes,
  'workload-selector-template-mismatch': selectorFixes,
  'workload-selector-missing-or-empty': selectorFixes,
  'configmap-missing': missingObjectFixes,
  'secret-missing': missingObjectFixes,
  'serviceaccount-missing': missingObjectFixes,
  'network-undefined': composeDeclarationFixes,
  'volume-undefined': composeDeclarationFixes,
  'secret-undefined': composeDeclarationFixes,
  'config-undefined': composeDeclarationFixes,
};

/** The diagnostic codes that have quick fixes. */
export const FIXABLE_CODES: readonly string[] = Object.keys(PROVIDERS);

/**
 * Quick fixes for Shipshape's diagnostics in a range: each a `quickfix` action with a
 * WorkspaceEdit on the file, the best fix of each diagnostic marked preferred. Diagnostics of
 * other sources, stale ones (their text moved on) and templated files get none. Never throws.
 */
export function codeActions(request: CodeActionRequest): CodeAction[] {
  const { file } = request;
  if (file.templated) return [];
  let navigator: SchemaNavigator | undefined;
  const out: CodeAction[] = [];
  const seen = new Set<string>();
  for (const diagnostic of request.diagnostics) {
    const provider = PROVIDERS[String(diagnostic.code)];
    if (!provider || (diagnostic.source !== undefined && diagnostic.source !== SOURCE) || !overlaps(diagnostic.range, request.range)) continue;
    const start = file.lines.offsetAt(diagnostic.range.start);
    const doc = docAt(file, start);
    if (!doc) continue;
    const ctx: FixContext = {
      file,
      diagnostic,
      diagnostics: request.diagnostics,
      doc,
      start,
      end: file.lines.offsetAt(diagnostic.range.end),
      schemas: request.schemas,
      version: request.kubernetesVersion,
      navigator: () => (navigator ??= new SchemaNavigator(request.schemas.forVersion(request.kubernetesVersion))),
    };
    try {
      for (const action of provider(ctx)) {
        // A fix covering several diagnostics (add all missing fields) comes once, not once per diagnostic.
        const key = `${action.title}\u0000${JSON.stringify(action.edit)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(action);
      }
    } catch {
      // A fix that trips over an odd document is left out; the others are still offered.
    }
  }
  return out;
}

function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}
