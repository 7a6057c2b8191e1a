import type { KObject } from '../kobject';
import type { ObjectPlan, SourceLocation } from '../../shared/dryrunPlan';
import { SchemaNavigator } from '../../schema/schemaNavigator';
import { fieldChanges } from './fieldDiff';
import { cloneJson, isRecord } from './jsonValue';
import type { KindResolver } from './kindResolver';
import * as say from './kubectlMessages';
import { readLastApplied, withLastApplied, LAST_APPLIED } from './lastApplied';
import type { LiveState } from './liveState';
import { identityOf } from './objectIdentity';
import { apiGroup, labelsOf, metadataOf } from './objectMeta';
import { normalizeLive, serverCreate, serverUpdate, type ServerContext, type ServerOutcome, type Target } from './server/apiServer';
import { applyStrategicPatch } from './strategicMerge/applyPatch';
import { combinedPatch, isEmptyPatch, threeWayMergePatch } from './strategicMerge/createPatch';
import { PatchMeta } from './strategicMerge/patchMeta';
import { renderInvalid } from './validation/fieldError';

/** One object through `kubectl apply`: input checks, GET, then create or three-way patch, and the server's answer. */

export interface AppliedObject {
  plan: ObjectPlan;
  /** Stable key (group/kind/namespace/name) of the object in the state. */
  identity: string;
  /** The live object before the apply (undefined when it did not exist). */
  before?: KObject;
  /** The stored object after the apply; undefined when rejected or pruned. */
  after?: KObject;
}

export interface ApplyRun {
  state: LiveState;
  kinds: KindResolver;
  server: ServerContext;
  navigator: SchemaNavigator;
  /** The file name kubectl quotes in errors. */
  fileName?: string;
  /** `-l` filter: false for objects kubectl skips silently. */
  selected: (labels: Record<string, string>) => boolean;
}

/** The object a plan line is about, as far as the input says. */
interface Described {
  kind: string;
  apiVersion: string;
  name: string;
  namespace?: string;
  source?: SourceLocation;
}

function plan(described: Described, action: ObjectPlan['action'], message: string, diff: ObjectPlan['diff'] = [], warnings: string[] = []): ObjectPlan {
  const out: ObjectPlan = { kind: described.kind, apiVersion: described.apiVersion, name: described.name, action, message, diff };
  if (described.namespace) out.namespace = described.namespace;
  if (warnings.length > 0) out.warnings = warnings;
  if (described.source) out.source = described.source;
  return out;
}

function fileOf(run: ApplyRun, source: SourceLocation | undefined): string | undefined {
  if (run.fileName) return run.fileName;
  if (!source?.uri) return undefined;
  const raw = source.uri.replace(/^[a-z]+:\/\//i, '');
  let path = raw;
  try {
    path = decodeURIComponent(raw);
  } catch {
    // a malformed escape: keep the raw text
  }
  return path.slice(path.lastIndexOf('/') + 1) || undefined;
}

/** Applies one input document; 'skipped' when the `-l` filter leaves it out. */
export function applyOne(value: unknown, source: SourceLocation | undefined, run: ApplyRun, visited: string[]): AppliedObject | 'skipped' {
  const file = fileOf(run, source);
  if (!isRecord(value)) return { identity: '', plan: plan({ kind: '', apiVersion: '', name: '', source }, 'rejected', say.notAnObject(file)) };
  const kind = typeof value.kind === 'string' ? value.kind : '';
  const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : '';
  const metadata = metadataOf(value);
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  const written = typeof metadata.namespace === 'string' && metadata.namespace ? metadata.namespace : undefined;
  const reject = (message: string, namespace = written) => ({ identity: identityOf(apiGroup(apiVersion), kind, namespace ?? '', name), plan: plan({ kind, apiVersion, name, namespace, source }, 'rejected', message) });

  const missing = [...(apiVersion ? [] : ['apiVersion not set']), ...(kind ? [] : ['kind not set'])];
  if (missing.length > 0) return reject(say.typeInfoMissing(file, missing));
  const resolution = run.kinds.resolve(apiVersion, kind);
  const namespaced = resolution.status !== 'unserved' && resolution.namespaced;
  const namespace = namespaced ? (written ?? 'default') : undefined;
  if (resolution.status === 'unserved') return reject(say.noMatchesForKind({ kind, apiVersion, name, namespace: written ?? '' }, file));
  if (!name) {
    if (typeof metadata.generateName === 'string' && metadata.generateName) return reject(say.generateNameRefused(metadata.generateName), namespace);
    return reject(say.nameMissing({ kind, apiVersion, name, namespace: namespace ?? '' }, file), namespace);
  }
  if (!run.selected(labelsOf(value))) return 'skipped';

  const manifest = cloneJson(value);
  if (namespace) (manifest.metadata as Record<string, unknown>).namespace = namespace;
  if (!visited.includes(namespace ?? '')) visited.push(namespace ?? '');
  const group = apiGroup(apiVersion);
  const identity = identityOf(group, kind, namespace ?? '', name);
  const target: Target = { identity, group, kind, served: resolution.status === 'served', namespaced };
  const described: Described = { kind, apiVersion, name, namespace, source };
  const meta = target.served ? PatchMeta.forKind(run.navigator, apiVersion, kind) : PatchMeta.untyped();
  const live = run.state.get(identity);
  const request = withLastApplied(manifest);
  const invalid = (outcome: ServerOutcome) => ('invalid' in outcome ? renderInvalid(kind, name, outcome.invalid) : undefined);

  if (!live) {
    if (namespace && !run.state.namespaceExists(namespace)) return { identity, plan: plan(described, 'rejected', say.namespaceNotFound(namespace, file)) };
    const outcome = serverCreate(request, target, run.server);
    if (!('object' in outcome)) return { identity, plan: plan(described, 'rejected', invalid(outcome) ?? '') };
    run.state.set(identity, outcome.object);
    run.kinds.learn(outcome.object);
    return { identity, after: outcome.object, plan: plan(described, 'created', say.verdictLine(kind, apiVersion, name, 'created'), fieldChanges(undefined, withoutLastApplied(manifest), meta)) };
  }

  const warnings: string[] = [];
  const remembered = readLastApplied(live);
  if (remembered === 'invalid') return { identity, before: live, plan: plan(described, 'rejected', say.lastAppliedUnreadable(kind, apiVersion, name)) };
  if (remembered === undefined) warnings.push(say.missingAnnotationWarning(kind, apiVersion, name));
  const current = normalizeLive(live, run.server);
  const patch = threeWayMergePatch(remembered ?? {}, request, current, meta);
  if (isEmptyPatch(patch)) return { identity, before: live, after: live, plan: plan(described, 'unchanged', say.verdictLine(kind, apiVersion, name, 'unchanged'), [], warnings) };

  const merged = applyStrategicPatch(applyStrategicPatch(cloneJson(current), cloneJson(patch.deletions), meta), cloneJson(patch.delta), meta);
  const outcome = serverUpdate(merged, current, target, run.server);
  // A refused update still shows what it tried to change.
  if ('forbidden' in outcome) {
    const message = say.patchForbidden({ kind, apiVersion, name, namespace: namespace ?? '' }, combinedPatch(patch), file, outcome.forbidden);
    return { identity, before: live, plan: plan(described, 'rejected', message, fieldChanges(current, merged, meta), warnings) };
  }
  if (!('object' in outcome)) return { identity, before: live, plan: plan(described, 'rejected', invalid(outcome) ?? '', fieldChanges(current, merged, meta), warnings) };
  run.state.set(identity, outcome.object);
  run.kinds.learn(outcome.object);
  const diff = fieldChanges(current, outcome.object, meta);
  return { identity, before: live, after: outcome.object, plan: plan(described, 'configured', say.verdictLine(kind, apiVersion, name, 'configured'), diff, warnings) };
}

function withoutLastApplied(manifest: KObject): KObject {
  const copy = cloneJson(manifest);
  const metadata = metadataOf(copy);
  if (isRecord(metadata.annotations)) {
    delete metadata.annotations[LAST_APPLIED];
    if (Object.keys(metadata.annotations).length === 0) delete metadata.annotations;
  }
  return copy;
}
