import type { Diagnostic } from 'vscode-languageserver-types';
import { parseManifestFile, type ManifestFile } from '../../server/src/documents/manifestFile';
import { KubernetesSchemas } from '../../server/src/schema/kubernetesSchemas';
import { CrdRegistry } from '../../server/src/schema/crdRegistry';
import { validateKubernetesDocument } from '../../server/src/validation/kubernetes/kubernetesValidation';

/** One registry for the whole test process: loading is lazy and validators compile once, as in the server. */
export const schemas = new KubernetesSchemas();

/** Removes the common indentation of a template literal, so fixtures can be written indented. */
export function yaml(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = strings.reduce((acc, s, i) => acc + s + (i < values.length ? String(values[i]) : ''), '');
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.match(/^ */)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n');
}

export interface Found {
  code: string;
  severity: number;
  message: string;
  /** The exact text the diagnostic's range covers. */
  text: string;
  line: number;
}

export function describe(file: ManifestFile, d: Diagnostic): Found {
  const start = file.lines.offsetAt(d.range.start);
  const end = file.lines.offsetAt(d.range.end);
  return { code: String(d.code), severity: d.severity ?? 0, message: typeof d.message === 'string' ? d.message : d.message.value, text: file.text.slice(start, end), line: d.range.start.line };
}

/** Validates every Kubernetes document of a text the way the server does (YAML findings included). */
export function checkKubernetes(text: string, version = '1.35', uri = 'file:///test/manifest.yaml', crds?: CrdRegistry): Found[] {
  const file = parseManifestFile(uri, text);
  crds?.update(file);
  const out = file.diagnostics.map((d) => describe(file, d));
  for (const doc of file.docs) {
    if (doc.flavor !== 'kubernetes' || doc.value === undefined || file.templated) continue;
    out.push(...validateKubernetesDocument(file, doc, { schemas, version, crds }).map((d) => describe(file, d)));
  }
  return out;
}

/**
 * The process warnings `run` emits (the server's stderr is the editor's output channel, so it
 * must emit none). emitWarning itself is caught: its 'warning' event comes a tick later.
 */
export function warningsDuring(run: () => void): string[] {
  const warnings: string[] = [];
  const emit = process.emitWarning;
  process.emitWarning = ((warning: string | Error) => void warnings.push(String(warning))) as typeof process.emitWarning;
  try {
    run();
  } finally {
    process.emitWarning = emit;
  }
  return warnings;
}
