import type { ManifestFile } from '../documents/manifestFile';
import type { KubernetesSchemas } from '../schema/kubernetesSchemas';
import type { ValidatorCache } from '../schema/validatorCache';
import type { ComposeProjectPlan, Plan } from '../shared/dryrunPlan';
import { loadComposeProject } from '../crossref/compose/composeProject';
import { OVERRIDE_NAMES, STANDARD_NAMES } from '../crossref/compose/composeProject';
import { baseName, dirOf } from '../crossref/compose/uris';
import type { ComposeWorkspace } from '../crossref/compose/workspace';
import { composeUp } from './compose/composeUp';
import { parseComposeState, serializeComposeState, type ComposeProjectState, type ComposeState } from './compose/composeState';
import { composeProjectName, composeProjectValue, normalizeProjectName } from './compose/projectValue';
import { parseDotEnv } from './dotEnv';
import { desiredObjects } from './desiredObjects';
import { validateComposeDocument } from '../validation/compose/composeValidation';
import { parseSelectorText, selectorTextMatches } from './k8s/labelSelectorText';
import type { KObject } from './kobject';
import { planKubernetes } from './planKubernetes';
import { labelsOf } from './k8s/objectMeta';
import { schemaRejections } from './schemaRejections';
import { parseKubeStateCached, serializeKubeState } from './state/kubeState';

export interface DryRunInput {
  /** The manifest files to apply, in the order kubectl would read them (files as given, folders sorted). */
  files: readonly ManifestFile[];
  /** Reads the files Compose projects merge in (override files, includes). */
  compose: ComposeWorkspace;
  /** The environment's state texts; undefined = no file yet (an empty cluster, no containers). */
  kubeState?: string;
  composeState?: string;
  schemas: KubernetesSchemas;
  k8sVersion: string;
  /** `-l`: only objects with these labels are applied; with `prune`, also the prune selector. */
  selector?: string;
  prune?: boolean;
  /** The process environment Compose interpolates with (it overrides the project's `.env`). */
  environment?: Readonly<Record<string, string | undefined>>;
}

export interface NextState {
  kube: KObject[];
  compose: ComposeState;
}

/** The texts "commit" writes; serialised only when asked, since planning on every keystroke never commits. */
export function serializeNextState(next: NextState): { kube: string; compose: string } {
  return { kube: serializeKubeState(next.kube), compose: serializeComposeState(next.compose) };
}

export interface DryRunOutput {
  plan: Plan;
  /** A state file that exists but cannot be read: the plan assumed it empty, and commit must refuse. */
  stateError?: string;
  /** The state once the apply succeeded and the rollouts finished (undefined when a state file could not be read). */
  next?: NextState;
  /** A usage problem (bad selector): no plan was made. */
  error?: string;
}

/** Compose projects among the files: one per standard file (its override merges in), others on their own. */
function composeEntries(files: readonly ManifestFile[]): ManifestFile[] {
  const composeFiles = files.filter((f) => f.flavor === 'compose' && !f.templated);
  const standardDirs = new Set(composeFiles.filter((f) => STANDARD_NAMES.includes(baseName(f.uri).toLowerCase())).map((f) => dirOf(f.uri)));
  // An override file beside a standard one is part of that project, not a project of its own.
  return composeFiles.filter((f) => !(OVERRIDE_NAMES.includes(baseName(f.uri).toLowerCase()) && standardDirs.has(dirOf(f.uri))));
}

/** Compose's variables: the project's `.env` file, overridden by the process environment. */
function composeEnvironment(dir: string, workspace: ComposeWorkspace, processEnv: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const dotEnv = dir ? workspace.getFile(new URL('.env', dir).href)?.text : undefined;
  const environment = dotEnv !== undefined ? parseDotEnv(dotEnv) : {};
  for (const [key, value] of Object.entries(processEnv)) if (value !== undefined) environment[key] = value;
  return environment;
}

// `docker compose` refuses a project whose files fail the Compose schema before it touches anything.
function loadErrors(files: readonly ManifestFile[], validators: ValidatorCache | undefined): string[] {
  const errors: string[] = [];
  for (const file of files) {
    const name = decodeURIComponent(baseName(file.uri));
    for (const doc of file.docs) {
      if (doc.flavor !== 'compose') continue;
      for (const d of validateComposeDocument(file, doc, validators)) {
        if (d.severity === 1) errors.push(`validating ${name}: ${typeof d.message === 'string' ? d.message : d.message.value} (line ${d.range.start.line + 1})`);
      }
    }
  }
  return errors;
}

function planCompose(
  files: readonly ManifestFile[],
  workspace: ComposeWorkspace,
  state: ComposeState,
  processEnv: Readonly<Record<string, string | undefined>>,
  validators: ValidatorCache | undefined,
): { plans: ComposeProjectPlan[]; next: ComposeState } {
  const plans: ComposeProjectPlan[] = [];
  const projects = new Map<string, ComposeProjectState>(state.projects.map((p) => [p.name, p]));
  for (const entry of composeEntries(files)) {
    const project = loadComposeProject(entry, workspace);
    const value = composeProjectValue(project);
    const dir = dirOf(entry.uri) ?? '';
    const environment = composeEnvironment(dir, workspace, processEnv);
    const name = environment.COMPOSE_PROJECT_NAME ? normalizeProjectName(environment.COMPOSE_PROJECT_NAME) : composeProjectName(project, value, dir);
    const refused = loadErrors(project.files, validators);
    if (refused.length > 0) {
      plans.push({ project: name, file: entry.uri, services: [], orphans: [], startOrder: [], warnings: [], errors: refused });
      continue;
    }
    const { plan, next } = composeUp(value, name, projects.get(name), { environment });
    plans.push({ ...plan, file: entry.uri });
    projects.set(name, next);
  }
  return { plans, next: { projects: [...projects.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) } };
}

function readStates(input: DryRunInput): { live: KObject[]; compose: ComposeState; error?: string } {
  const problems: string[] = [];
  let live: KObject[] = [];
  let compose: ComposeState = { projects: [] };
  if (input.kubeState !== undefined) {
    const read = parseKubeStateCached(input.kubeState);
    if ('error' in read) problems.push(`the Kubernetes state cannot be read: ${read.error}`);
    else live = read.objects;
  }
  if (input.composeState !== undefined) {
    const read = parseComposeState(input.composeState);
    if ('error' in read) problems.push(`the Compose state cannot be read: ${read.error}`);
    else compose = read.state;
  }
  return { live, compose, ...(problems.length ? { error: problems.join('; ') } : {}) };
}

/**
 * One dry run, for the CLI and the panel alike: `kubectl apply` of the Kubernetes objects and
 * `docker compose up` of the Compose projects among the files, against the environment's state.
 */
export function runDryRun(input: DryRunInput): DryRunOutput {
  const selector = input.selector !== undefined ? parseSelectorText(input.selector) : undefined;
  if (selector && 'error' in selector) return { plan: { objects: [], rollouts: [], compose: [], pruneSkipped: false }, error: `invalid label selector ${JSON.stringify(input.selector)}: ${selector.error}` };
  const states = readStates(input);
  let desired = desiredObjects(input.files);
  if (selector) desired = desired.filter((d) => selectorTextMatches(selector.requirements, labelsOf(d.value)));
  const refusals = schemaRejections(input.files, input.schemas, input.k8sVersion);
  for (const object of desired) if (object.doc && refusals.has(object.doc)) object.rejection = refusals.get(object.doc);
  const fileName = input.files.length === 1 ? baseName(input.files[0]!.uri) : undefined;
  const kube = planKubernetes(states.live, desired, {
    schemas: input.schemas.forVersion(input.k8sVersion),
    k8sVersion: input.k8sVersion,
    prune: input.prune && input.selector !== undefined ? { selector: input.selector } : undefined,
    fileName,
  });
  const compose = planCompose(input.files, input.compose, states.compose, input.environment ?? {}, input.schemas.cache);
  const plan: Plan = { objects: kube.objects, rollouts: kube.rollouts, compose: compose.plans, pruneSkipped: kube.pruneSkipped };
  if (states.error) return { plan, stateError: states.error };
  return { plan, next: { kube: kube.next, compose: compose.next } };
}
