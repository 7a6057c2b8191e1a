import { parseAllDocuments } from 'yaml';
import type { KObject } from '../../../../server/src/dryrun/kobject';
import { applyObjects, type ApplyOptions, type ApplyResult } from '../../../../server/src/dryrun/k8s/applyObjects';
import { schemas } from '../../helpers';

export { yaml } from '../../helpers';

/** The objects of a YAML stream, as the integrator hands them over. */
export function docs(text: string): KObject[] {
  return parseAllDocuments(text)
    .map((d) => d.toJS() as unknown)
    .filter((v): v is KObject => v !== null && v !== undefined) as KObject[];
}

/** Applies a YAML stream to a live state with the 1.35 schemas. */
export function apply(text: string, live: KObject[] = [], options: Partial<ApplyOptions> = {}): ApplyResult {
  return applyObjects(live, docs(text).map((value) => ({ value })), { schemas: schemas.forVersion(options.k8sVersion ?? '1.35'), k8sVersion: '1.35', fileName: 'all.yaml', ...options });
}

/** Applies streams one after the other, feeding each resulting state into the next (like `--commit`); returns the last result. */
export function applySequence(texts: string[], options: Partial<ApplyOptions> = {}): ApplyResult {
  let live: KObject[] = [];
  let result: ApplyResult | undefined;
  for (const text of texts) {
    result = apply(text, live, options);
    live = result.state;
  }
  return result!;
}

/** kubectl's lines for a result: applied objects, then pruned ones. */
export function lines(result: ApplyResult): string[] {
  return [...result.applied, ...result.pruned].map((a) => a.plan.message);
}

/** The stored object of a kind/name in a state. */
export function find(state: KObject[], kind: string, name: string): KObject {
  const found = state.find((o) => o.kind === kind && (o.metadata as { name?: string }).name === name);
  if (!found) throw new Error(`${kind}/${name} not in state`);
  return found;
}

/** A value at a dotted path (`spec.template.spec.containers.0.image`). */
export function at(object: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, k) => (v === null || v === undefined ? undefined : (v as Record<string, unknown>)[k]), object);
}
