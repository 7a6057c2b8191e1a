import type { CompletionItem, TextEdit } from 'vscode-languageserver-types';
import type { KubernetesVersionSchemas } from '../schema/kubernetesSchemas';
import { CompletionItemKind, makeItem, RANK, yamlString, type ItemEnv, type ItemFields } from './items';

/** A value item; `text` is already YAML (quoted where needed); `dash` writes it as a new `- ` item. */
export function valueItem(env: ItemEnv, label: string, text: string, fields: Partial<ItemFields> & { dash?: boolean } = {}): CompletionItem {
  const { dash, ...rest } = fields;
  return makeItem(env, label, dash ? `- ${text}` : text, { kind: CompletionItemKind.Value, filterText: label, ...rest });
}

/** Enum values and booleans from the schema. */
export function choiceItems(env: ItemEnv, choices: readonly string[], options: { detail?: string; description?: string; dash?: boolean; defaultValue?: unknown } = {}): CompletionItem[] {
  return choices.map((choice) =>
    valueItem(env, choice, choice === 'true' || choice === 'false' ? choice : yamlString(choice), {
      kind: CompletionItemKind.EnumMember,
      detail: options.detail,
      documentation: options.description,
      dash: options.dash,
      rank: String(options.defaultValue) === choice ? RANK.required : RANK.common,
    }),
  );
}

interface ApiVersionParts {
  stability: number;
  major: number;
  minor: number;
}

function parts(apiVersion: string): ApiVersionParts {
  const m = /v(\d+)(?:(alpha|beta)(\d+))?$/.exec(apiVersion);
  if (!m) return { stability: 3, major: 0, minor: 0 };
  return { stability: m[2] === 'alpha' ? 2 : m[2] === 'beta' ? 1 : 0, major: Number(m[1]), minor: Number(m[3] ?? 0) };
}

/** Orders apiVersions as one would pick them: stable before beta before alpha, newest first. */
export function compareApiVersions(a: string, b: string): number {
  const pa = parts(a);
  const pb = parts(b);
  return pa.stability - pb.stability || pb.major - pa.major || pb.minor - pa.minor || a.localeCompare(b);
}

function split(servedKind: string): { apiVersion: string; kind: string } {
  const slash = servedKind.lastIndexOf('/');
  return { apiVersion: servedKind.slice(0, slash), kind: servedKind.slice(slash + 1) };
}

/** The apiVersions this Kubernetes version serves for a kind, preferred first. */
export function servedApiVersions(version: KubernetesVersionSchemas, kind: string): string[] {
  return version
    .servedKinds()
    .map(split)
    .filter((s) => s.kind === kind)
    .map((s) => s.apiVersion)
    .sort(compareApiVersions);
}

/** `apiVersion: |` — the versions serving the document's kind, or every served group/version. */
export function apiVersionItems(env: ItemEnv, version: KubernetesVersionSchemas, kind: string | undefined): CompletionItem[] {
  const served = kind ? servedApiVersions(version, kind) : [];
  const all = served.length ? served : [...new Set(version.servedKinds().map((k) => split(k).apiVersion))].sort(compareApiVersions);
  return all.map((apiVersion, i) =>
    valueItem(env, apiVersion, apiVersion, {
      detail: served.length ? `${kind} in Kubernetes ${version.version}` : `served by Kubernetes ${version.version}`,
      rank: served.length && i === 0 ? RANK.required : RANK.common,
      preselect: served.length > 0 && i === 0,
    }),
  );
}

/**
 * `kind: |` — the kinds of the document's apiVersion (every served kind when it has none that is
 * served); when the document has no `apiVersion:` yet, choosing a kind also writes it.
 */
export function kindItems(env: ItemEnv, version: KubernetesVersionSchemas, apiVersion: string | undefined, hasApiVersionKey: boolean): CompletionItem[] {
  const served = version.servedKinds().map(split);
  const ofVersion = apiVersion ? served.filter((s) => s.apiVersion === apiVersion) : [];
  const byKind = new Map<string, string[]>();
  for (const s of ofVersion.length ? ofVersion : served) byKind.set(s.kind, [...(byKind.get(s.kind) ?? []), s.apiVersion]);
  const out: CompletionItem[] = [];
  for (const [kind, versions] of byKind) {
    const preferred = versions.sort(compareApiVersions)[0]!;
    const edits: TextEdit[] = [];
    if (!hasApiVersionKey) {
      const at = { line: env.range.start.line, character: 0 };
      edits.push({ range: { start: at, end: at }, newText: `apiVersion: ${preferred}\n` });
    }
    out.push(valueItem(env, kind, kind, { kind: CompletionItemKind.Class, detail: versions.join(', '), additionalTextEdits: edits, rank: RANK.common }));
  }
  return out;
}
