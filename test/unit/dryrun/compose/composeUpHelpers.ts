import { parseManifestFile } from '../../../../server/src/documents/manifestFile';
import { loadComposeProject } from '../../../../server/src/crossref/compose/composeProject';
import { composeUp, type ComposeUpOptions, type ComposeUpResult } from '../../../../server/src/dryrun/compose/composeUp';
import type { ComposeProjectState } from '../../../../server/src/dryrun/compose/composeState';
import { composeProjectName, composeProjectValue } from '../../../../server/src/dryrun/compose/projectValue';
import type { ComposeProjectPlan } from '../../../../server/src/shared/dryrunPlan';
import { MemoryWorkspace } from '../../crossref/compose/crossrefHelpers';

export const DIR = 'file:///project/demo/';

/** Loads `compose.yaml` (plus other files of the same folder) the way the integrator does: merged tree → plain value → name. */
export function load(text: string, others: Record<string, string> = {}): { value: Record<string, unknown>; name: string } {
  const files: Record<string, string> = { 'demo/compose.yaml': text };
  for (const [path, content] of Object.entries(others)) files[`demo/${path}`] = content;
  const workspace = new MemoryWorkspace(files);
  const entry = parseManifestFile(`${DIR}compose.yaml`, text);
  const project = loadComposeProject(workspace.getFile(entry.uri) ?? entry, workspace);
  const value = composeProjectValue(project);
  return { value, name: composeProjectName(project, value, DIR) };
}

/** `docker compose up -d` of a compose file against a state. */
export function up(text: string, state?: ComposeProjectState, options?: ComposeUpOptions): ComposeUpResult {
  const { value, name } = load(text);
  return composeUp(value, name, state, options);
}

/** The state after a successful first `up` of a file: "created by up from this file". */
export function deployed(text: string, options?: ComposeUpOptions): ComposeProjectState {
  const result = up(text, undefined, options);
  if (result.plan.errors?.length) throw new Error(`fixture failed: ${result.plan.errors.join('; ')}`);
  return result.next;
}

/** One line per container decision, `service: action (reason)` heads, for compact expectations. */
export function decisions(plan: ComposeProjectPlan): Record<string, { action: string; reason?: string; containers: Record<string, string[]> }> {
  const out: Record<string, { action: string; reason?: string; containers: Record<string, string[]> }> = {};
  for (const s of plan.services) {
    out[s.name] = {
      action: s.action,
      ...(s.reason ? { reason: s.reason } : {}),
      containers: Object.fromEntries(s.containers.map((c) => [c.name, [c.action, ...c.progress.map((p) => p.slice(p.indexOf('  ') + 2))]])),
    };
  }
  return out;
}

/** Lines joined with "\n", so fixtures keep exact columns. */
export function lines(...rows: string[]): string {
  return rows.join('\n') + '\n';
}
