import type { CompletionItem, CompletionList, Position } from 'vscode-languageserver-types';
import type { ManifestFile } from '../documents/manifestFile';
import { isComposeFileName, isKubernetesObject } from '../documents/detect';
import { isRecord } from '../documents/plainValues';
import type { KubernetesVersionSchemas } from '../schema/kubernetesSchemas';
import type { SchemaNavigator } from '../schema/schemaNavigator';
import { getComposeSchema, type ComposeSchema } from '../schema/composeSchema';
import type { ComposeProject } from '../crossref/compose/composeProject';
import type { CompletionIndex } from './completionIndex';
import { cursorContext, type CursorContext } from './context';
import { docFacts } from './docFacts';
import { dedupe, type ItemEnv } from './items';
import { kubernetesItems } from './kubernetes';
import { templateItems } from './templates';
import { composeItems } from './compose';
import { ComposeSchemaWalk } from './composeSchemaWalk';

export interface CompletionRequest {
  /** The whole file text as the editor has it now. */
  text: string;
  /** The cursor, as an offset into `text`. */
  offset: number;
  /** The cursor as an LSP position (the request's own), so lines need not be counted when `file` is absent. */
  position?: Position;
  /** The document's URI: a Compose file name makes it a Compose file. */
  uri?: string;
  /** The parse of this same text, when at hand: its line index places the result and its flavor tells Compose files apart. */
  file?: ManifestFile;
  /** Navigator over `version`'s schemas. */
  navigator: SchemaNavigator;
  /** The chosen Kubernetes version's schemas. */
  version: KubernetesVersionSchemas;
  /** The workspace's Kubernetes objects (names, labels, selectors, ports). */
  index?: CompletionIndex;
  /** The merged Compose project of the file, when it is a Compose file. */
  compose?: ComposeProject;
  /** The Compose schema (defaults to the one shipped in schemas/). */
  composeSchema?: ComposeSchema;
  /** The client takes snippets (`textDocument.completion.completionItem.snippetSupport`); default true. */
  snippets?: boolean;
}

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

const walks = new WeakMap<ComposeSchema, ComposeSchemaWalk>();

function composeWalk(schema: ComposeSchema): ComposeSchemaWalk {
  let walk = walks.get(schema);
  if (!walk) walks.set(schema, (walk = new ComposeSchemaWalk(schema)));
  return walk;
}

// Positions on the cursor's line: from the file's line index when it is this text's, else by counting lines once.
function positionFinder(request: CompletionRequest, ctx: CursorContext): (offset: number) => Position {
  const { file, text } = request;
  if (file && file.text === text) return (offset) => file.lines.positionAt(offset);
  if (request.position) {
    const { line } = request.position;
    return (offset) => ({ line, character: offset - ctx.lineStart });
  }
  let line = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < ctx.lineStart; i = text.indexOf('\n', i + 1)) line++;
  return (offset) => ({ line, character: offset - ctx.lineStart });
}

function isCompose(request: CompletionRequest, ctx: CursorContext): boolean {
  if (isKubernetesObject(ctx.value) || (isRecord(ctx.value) && ('apiVersion' in ctx.value || 'kind' in ctx.value))) return false;
  if (request.compose || request.file?.flavor === 'compose') return true;
  const uri = request.uri ?? request.file?.uri;
  if (uri && isComposeFileName(uri)) return true;
  // without a parse, a top-level `services:` tells (as the file flavor detection does)
  return !request.file && isRecord(ctx.value) && 'services' in ctx.value;
}

/**
 * Completion at a cursor in a Kubernetes or Compose YAML file. Reads only the `---` document
 * around the cursor; returns every proposal for the position (the client filters by the word
 * being typed, which each item's textEdit replaces).
 */
export function complete(request: CompletionRequest): CompletionList {
  const offset = Math.max(0, Math.min(request.offset, request.text.length));
  const ctx = cursorContext(request.text, offset);
  if (!ctx) return EMPTY;
  const position = positionFinder(request, ctx);
  const env: ItemEnv = { ctx, range: { start: position(ctx.replace[0]), end: position(ctx.replace[1]) }, snippets: request.snippets ?? true };
  const items: CompletionItem[] = [];
  if (isCompose(request, ctx)) {
    items.push(...composeItems(env, composeWalk(request.composeSchema ?? getComposeSchema()), request.compose));
  } else {
    if (ctx.emptyDocument) items.push(...templateItems(env, request.version));
    items.push(...kubernetesItems(env, { navigator: request.navigator, version: request.version, index: request.index }, docFacts(ctx.value)));
  }
  return { isIncomplete: false, items: dedupe(items) };
}
