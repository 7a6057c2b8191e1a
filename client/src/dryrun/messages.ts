/**
 * Everything that crosses the dry-run webview boundary, in both directions, with the validators each
 * side runs on what it receives. Anything that fails validation is dropped, never half-used.
 * Shared by the extension (panel.ts) and the webview bundle: no `vscode`, no DOM, no Node here.
 */
import type { SourceLocation } from '../../../server/src/shared/dryrunPlan';
import type { DryRunRequest, DryRunTarget } from '../../../server/src/shared/protocol';
import { arrayOf, isBoolean, isCount, isString, literal, oneOf, record, type Guard } from './guards';
import { isDryRunResult, isDryRunTarget, isSourceLocation } from './planGuard';
import { invalidEnvironmentName } from '../../../server/src/shared/environmentName';

/** A plan as the webview shows it: the result and what it was planned for. */
export interface PlanView {
  target: DryRunTarget;
  result: DryRunRequest.Result;
  /** Whether "Import from cluster" is offered (workspace trusted, kubectl on PATH). */
  canImportFromCluster: boolean;
}

/** Extension → webview. */
export type PanelMessage =
  /** What the panel is for; sent before the first plan so the webview can persist it for the serializer. */
  | { type: 'context'; target: DryRunTarget; environment: string }
  | ({ type: 'plan' } & PlanView)
  | { type: 'busy'; busy: boolean }
  /** The outcome of a state change (commit, import, reset, backup). */
  | { type: 'status'; ok: boolean; message: string }
  /** Planning failed (e.g. the language server is not running). */
  | { type: 'error'; message: string };

export type ImportSource = 'file' | 'cluster';

/** Webview → extension. */
export type WebviewMessage =
  /** The script has loaded and listens: send the context and a fresh plan. */
  | { type: 'ready' }
  | { type: 'refresh' }
  | { type: 'selectEnvironment'; environment: string }
  /** Ask the user for a new environment's name (webviews cannot prompt). */
  | { type: 'newEnvironment' }
  | { type: 'commit' }
  | { type: 'import'; from: ImportSource }
  | { type: 'reset' }
  | { type: 'backupAndReset' }
  | { type: 'reveal'; source: SourceLocation };

/** What the webview keeps with `vscode.setState`; the serializer revives the panel from it after a reload. */
export interface PersistedState {
  version: 1;
  target: DryRunTarget;
  environment: string;
  /** The last plan shown, so a reloaded panel paints at once while it plans again. */
  view?: PlanView;
  /** Keys (objectKey) of the object rows whose field diff is open. */
  expanded: string[];
  scrollY: number;
  /** Key of the object row that had the focus. */
  focusedRow?: string;
}

export { invalidEnvironmentName };

const isEnvironment: Guard<string> = (value): value is string => typeof value === 'string' && invalidEnvironmentName(value) === undefined;

const isPlanView: Guard<PlanView> = record({ target: isDryRunTarget, result: isDryRunResult, canImportFromCluster: isBoolean });

const isPanelMessage: Guard<PanelMessage> = oneOf(
  record({ type: literal('context'), target: isDryRunTarget, environment: isString }),
  record({ type: literal('plan'), target: isDryRunTarget, result: isDryRunResult, canImportFromCluster: isBoolean }),
  record({ type: literal('busy'), busy: isBoolean }),
  record({ type: literal('status'), ok: isBoolean, message: isString }),
  record({ type: literal('error'), message: isString }),
);

// Exact records: the extension accepts nothing it did not define.
const bare = <T extends string>(type: T) => record({ type: literal(type) }, {}, true);
const isWebviewMessage: Guard<WebviewMessage> = oneOf(
  bare('ready'),
  bare('refresh'),
  record({ type: literal('selectEnvironment'), environment: isEnvironment }, {}, true),
  bare('newEnvironment'),
  bare('commit'),
  record({ type: literal('import'), from: literal('file', 'cluster') }, {}, true),
  bare('reset'),
  bare('backupAndReset'),
  record({ type: literal('reveal'), source: isSourceLocation }, {}, true),
);

const isPersistedState: Guard<PersistedState> = record(
  { version: literal(1), target: isDryRunTarget, environment: isEnvironment, expanded: arrayOf(isString), scrollY: isCount },
  { view: isPlanView, focusedRow: isString },
);

/** A message from the extension, or undefined when it is not one the webview knows. */
export function parsePanelMessage(value: unknown): PanelMessage | undefined {
  return isPanelMessage(value) ? value : undefined;
}

/** A message from the webview, or undefined when it is malformed (the extension then ignores it). */
export function parseWebviewMessage(value: unknown): WebviewMessage | undefined {
  return isWebviewMessage(value) ? value : undefined;
}

/** The webview's saved state (from getState, or handed to the serializer), or undefined when unusable. */
export function parsePersistedState(value: unknown): PersistedState | undefined {
  return isPersistedState(value) ? value : undefined;
}

/** Identifies an object row across plans (expanded rows and focus survive a refresh). */
export function objectKey(object: { kind: string; apiVersion: string; namespace?: string; name: string }): string {
  return `${object.apiVersion}/${object.kind}/${object.namespace ?? ''}/${object.name}`;
}
