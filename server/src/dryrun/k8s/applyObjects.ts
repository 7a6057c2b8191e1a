import type { KObject } from '../kobject';
import type { SourceLocation } from '../../shared/dryrunPlan';
import type { KubernetesVersionSchemas } from '../../schema/kubernetesSchemas';
import { SchemaNavigator } from '../../schema/schemaNavigator';
import { applyOne, type AppliedObject, type ApplyRun } from './applyOne';
import { KindResolver } from './kindResolver';
import * as say from './kubectlMessages';
import { parseSelectorText, selectorTextMatches } from './labelSelectorText';
import { LiveState } from './liveState';
import { identityOf } from './objectIdentity';
import { apiGroup, apiVersionOf, kindOf, nameOf, namespaceOf } from './objectMeta';
import { pruneCandidates } from './prune';

export type { AppliedObject } from './applyOne';

export interface DesiredObject {
  value: KObject;
  source?: SourceLocation;
}

export interface ApplyOptions {
  schemas: KubernetesVersionSchemas;
  /** "1.35": decides version-dependent defaults and messages. */
  k8sVersion: string;
  /** `kubectl apply --prune -l SELECTOR`; the selector also filters the input. */
  prune?: { selector: string };
  /** The file name kubectl quotes in its errors (`error when creating "<fileName>"`). */
  fileName?: string;
}

export interface ApplyResult {
  /** One entry per input object kubectl attempts, in input order (objects the `-l` filter skips are absent). */
  applied: AppliedObject[];
  /** Objects deleted by --prune (action 'pruned', `before` = the deleted object). */
  pruned: AppliedObject[];
  /** --prune was asked but skipped because an object failed. */
  pruneSkipped: boolean;
  /** The live state after the apply, before any controller runs. */
  state: KObject[];
}

/**
 * `kubectl apply --dry-run=server` (client-side apply) of `desired` against `live`: objects in input
 * order, each created or three-way patched and put through the server's defaulting, validation and
 * admission; then `--prune`. Pure: no clock, no randomness, no I/O; bad input becomes rejections.
 */
export function applyObjects(live: KObject[], desired: DesiredObject[], options: ApplyOptions): ApplyResult {
  const navigator = new SchemaNavigator(options.schemas);
  const kinds = new KindResolver(options.schemas, [...live, ...desired.map((d) => d?.value)]);
  const liveKey = (object: KObject) => {
    const resolution = kinds.resolve(apiVersionOf(object), kindOf(object));
    const namespaced = resolution.status === 'unserved' || resolution.namespaced;
    return identityOf(apiGroup(apiVersionOf(object)), kindOf(object), namespaced ? namespaceOf(object) : '', nameOf(object));
  };
  const state = new LiveState(live, liveKey);
  const selector = options.prune ? parseSelectorText(options.prune.selector) : { requirements: [] };
  if ('error' in selector) return refuseAll(desired, options.prune!.selector, selector.error, state);

  const run: ApplyRun = {
    state,
    kinds,
    navigator,
    server: { state, navigator, k8sVersion: options.k8sVersion },
    fileName: options.fileName,
    selected: (labels) => selectorTextMatches(selector.requirements, labels),
  };
  const applied: AppliedObject[] = [];
  const visited: string[] = [];
  for (const item of desired) {
    const result = applySafely(item, run, visited);
    if (result !== 'skipped') applied.push(result);
  }

  const failed = applied.some((a) => a.plan.action === 'rejected');
  const pruned: AppliedObject[] = [];
  if (options.prune && !failed) {
    const appliedIdentities = new Set(applied.map((a) => a.identity));
    for (const { identity, object } of pruneCandidates(state, visited, appliedIdentities, selector.requirements)) {
      state.delete(identity);
      const kind = kindOf(object);
      const apiVersion = apiVersionOf(object);
      const plan = { kind, apiVersion, name: nameOf(object), action: 'pruned' as const, message: say.verdictLine(kind, apiVersion, nameOf(object), 'pruned'), diff: [] };
      pruned.push({ identity, before: object, plan: namespaceOf(object) ? { ...plan, namespace: namespaceOf(object) } : plan });
    }
  }
  return { applied, pruned, pruneSkipped: Boolean(options.prune) && failed, state: state.values() };
}

/** One object; an unexpected failure (a cyclic or absurdly deep document) becomes that object's rejection, never a throw. */
function applySafely(item: DesiredObject | undefined, run: ApplyRun, visited: string[]): AppliedObject | 'skipped' {
  try {
    return applyOne(item?.value, item?.source, run, visited);
  } catch (error) {
    const value = item?.value ?? {};
    const plan = { kind: kindOf(value), apiVersion: apiVersionOf(value), name: nameOf(value), action: 'rejected' as const, message: `error: the simulator could not process this object: ${(error as Error).message}`, diff: [] };
    return { identity: '', plan: item?.source ? { ...plan, source: item.source } : plan };
  }
}

/** kubectl stops before applying anything when the selector does not parse. */
function refuseAll(desired: DesiredObject[], selector: string, reason: string, state: LiveState): ApplyResult {
  const message = say.invalidSelector(selector, reason);
  const applied = desired.map((item): AppliedObject => {
    const value = item?.value ?? {};
    const plan = { kind: kindOf(value), apiVersion: apiVersionOf(value), name: nameOf(value), action: 'rejected' as const, message, diff: [] };
    return { identity: '', plan: item?.source ? { ...plan, source: item.source } : plan };
  });
  return { applied, pruned: [], pruneSkipped: true, state: state.values() };
}
