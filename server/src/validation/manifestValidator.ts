import { basename } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-types';
import type { ManifestDoc, ManifestFile } from '../documents/manifestFile';
import { makeDiagnostic } from '../documents/diagnostic';
import { LIMITS } from '../documents/limits';
import type { KubernetesSchemas } from '../schema/kubernetesSchemas';
import type { CrdRegistry } from '../schema/crdRegistry';
import { validateKubernetesDocument } from './kubernetes/kubernetesValidation';
import { validateComposeDocument } from './compose/composeValidation';

export interface ValidationOptions {
  kubernetesVersion: string;
  crds?: CrdRegistry;
}

/** A document's findings with offsets relative to the document start, so they survive edits elsewhere in the file. */
interface CachedFindings {
  findings: Array<{ start: number; end: number; diagnostic: Diagnostic }>;
}

const CACHE_LIMIT = 50_000;

/**
 * Validates parsed files document by document. Results are cached by document text, so an
 * edit re-validates only the documents whose text changed.
 */
export class ManifestValidator {
  private cache = new Map<string, CachedFindings>();
  /** Documents validated (not served from cache) since creation; lets tests and benchmarks prove incrementality. */
  validatedDocuments = 0;

  constructor(private readonly kubernetes: KubernetesSchemas) {}

  validate(file: ManifestFile, options: ValidationOptions): Diagnostic[] {
    if (file.templated) return [];
    const out = [...file.diagnostics];
    for (const doc of file.docs) {
      if (doc.value === undefined || doc.flavor === 'other') continue;
      out.push(...this.validateDocument(file, doc, options));
      if (out.length > LIMITS.maxDiagnosticsPerFile) break;
    }
    if (out.length > LIMITS.maxDiagnosticsPerFile) {
      const shown = out.slice(0, LIMITS.maxDiagnosticsPerFile);
      shown.push(makeDiagnostic(file.lines, 0, 0, 'information', 'too-many-problems', `Only the first ${LIMITS.maxDiagnosticsPerFile} problems of this file are shown.`));
      return shown;
    }
    return out;
  }

  private validateDocument(file: ManifestFile, doc: ManifestDoc, options: ValidationOptions): Diagnostic[] {
    const text = file.text.slice(doc.start, doc.end);
    // Compose findings may depend on the file name (stack files), Kubernetes ones on version and CRDs.
    const context = doc.flavor === 'compose' ? basename(file.uri) : `${options.kubernetesVersion}\u0000${options.crds?.generation ?? 0}`;
    const key = `${doc.flavor}\u0000${context}\u0000${text}`;
    const cached = this.cache.get(key);
    if (cached) return cached.findings.map((f) => ({ ...f.diagnostic, range: file.lines.rangeOf(doc.start + f.start, doc.start + f.end) }));

    this.validatedDocuments++;
    const diagnostics =
      doc.flavor === 'kubernetes'
        ? validateKubernetesDocument(file, doc, { schemas: this.kubernetes, version: options.kubernetesVersion, crds: options.crds })
        : validateComposeDocument(file, doc, this.kubernetes.cache);
    const findings = diagnostics.map((diagnostic) => ({
      start: file.lines.offsetAt(diagnostic.range.start) - doc.start,
      end: file.lines.offsetAt(diagnostic.range.end) - doc.start,
      diagnostic,
    }));
    if (this.cache.size >= CACHE_LIMIT) this.cache = new Map();
    this.cache.set(key, { findings });
    return diagnostics;
  }
}
