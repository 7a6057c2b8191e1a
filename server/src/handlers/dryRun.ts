import { fileURLToPath, pathToFileURL } from 'node:url';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { ManifestFile } from '../documents/manifestFile';
import type { KubernetesSchemas } from '../schema/kubernetesSchemas';
import type { ManifestWorkspace } from '../workspace/manifestWorkspace';
import { runDryRun, serializeNextState, type DryRunOutput } from '../dryrun/runDryRun';
import { parseKubeState, serializeKubeState } from '../dryrun/state/kubeState';
import { backUp, DEFAULT_ENVIRONMENT, environmentFiles, invalidEnvironmentName, listEnvironments, readStateText, writeAtomic } from '../dryrun/state/stateStore';
import type { DryRunRequest, DryRunStateRequest, DryRunTarget } from '../shared/protocol';
import type { ShipshapeSettings } from '../shared/settings';

/** What the dry-run requests need from the server: the indexed workspace and where its folders are. */
export interface DryRunHost {
  workspace: ManifestWorkspace;
  schemas: KubernetesSchemas;
  folders: () => readonly string[];
  settings: (uri: string | undefined) => Promise<ShipshapeSettings>;
}

function within(uri: string, folder: string): boolean {
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  return uri === folder || uri.startsWith(prefix);
}

/** The indexed manifest files a target covers, in path order (as `kubectl apply -f folder/` reads them); never the state files. */
function targetFiles(host: DryRunHost, target: DryRunTarget, stateDir: string): ManifestFile[] {
  const { index } = host.workspace;
  const stateUri = pathToFileURL(stateDir).href;
  const uris = index.uris().filter((uri) => {
    if (within(uri, stateUri)) return false;
    if (target.scope === 'file') return uri === target.uri;
    if (target.scope === 'folder') return target.uri !== undefined && within(uri, target.uri);
    return true;
  });
  return uris
    .sort()
    .map((uri) => index.file(uri)!)
    .filter((f) => f.flavor !== 'none');
}

/** The state folder for a target: the setting, relative to the workspace folder that holds the target. */
async function stateDirFor(host: DryRunHost, target: DryRunTarget): Promise<string> {
  const folders = host.folders();
  const folder = (target.uri && folders.find((f) => within(target.uri!, f))) ?? folders[0];
  const { stateDir } = (await host.settings(target.uri ?? folder)).dryRun;
  if (isAbsolute(stateDir)) return stateDir;
  if (!folder?.startsWith('file:')) throw new Error('the dry run needs a workspace folder on disk to keep its state in.');
  return join(fileURLToPath(folder), stateDir);
}

function environmentOf(name: string | undefined): string {
  const environment = name ?? DEFAULT_ENVIRONMENT;
  const problem = invalidEnvironmentName(environment);
  if (problem) throw new Error(problem);
  return environment;
}

async function plan(host: DryRunHost, target: DryRunTarget, environment: string): Promise<{ output: DryRunOutput; stateFile: string; stateDir: string; files: number; version: string }> {
  const stateDir = await stateDirFor(host, target);
  const files = environmentFiles(stateDir, environment);
  const texts = { kube: readStateText(files.kube), compose: readStateText(files.compose) };
  const version = (await host.settings(target.uri)).kubernetesVersion;
  const manifests = targetFiles(host, target, stateDir);
  const output = runDryRun({
    files: manifests,
    compose: host.workspace.composeWorkspace,
    kubeState: 'text' in texts.kube ? texts.kube.text : undefined,
    composeState: 'text' in texts.compose ? texts.compose.text : undefined,
    schemas: host.schemas,
    k8sVersion: version,
    environment: process.env,
  });
  const ioError = 'error' in texts.kube ? texts.kube.error : 'error' in texts.compose ? texts.compose.error : undefined;
  if (ioError) {
    output.stateError = ioError;
    delete output.next;
  }
  return { output, stateFile: files.kube, stateDir, files: manifests.length, version };
}

/** The state file as the user knows it: relative to its workspace folder when it is inside one. */
function shownPath(host: DryRunHost, path: string): string {
  for (const folder of host.folders()) {
    if (!folder.startsWith('file:')) continue;
    const rel = relative(fileURLToPath(folder), path);
    if (rel && !rel.startsWith('..') && !isAbsolute(rel)) return rel.split(sep).join('/');
  }
  return path;
}

/** `shipshape/dryRun`: the plan of a target against an environment, for the panel. */
export async function dryRun(host: DryRunHost, params: DryRunRequest.Params): Promise<DryRunRequest.Result> {
  const environment = environmentOf(params.environment);
  const run = await plan(host, params.target, environment);
  const environments = [...new Set([...listEnvironments(run.stateDir), environment])].sort();
  return {
    plan: run.output.plan,
    environment,
    environments,
    stateFile: shownPath(host, run.stateFile),
    ...(run.output.stateError ? { stateError: run.output.stateError } : {}),
    files: run.files,
    kubernetesVersion: run.version,
  };
}

/** `shipshape/dryRunState`: commit, import, reset. A state file that cannot be read is never overwritten, only backed up. */
export async function changeDryRunState(host: DryRunHost, params: DryRunStateRequest.Params): Promise<DryRunStateRequest.Result> {
  const environment = environmentOf(params.environment);
  const target = params.target ?? { scope: 'workspace' };
  const stateDir = await stateDirFor(host, target);
  const files = environmentFiles(stateDir, environment);
  switch (params.action) {
    case 'commit': {
      const run = await plan(host, target, environment);
      if (run.output.stateError || !run.output.next) {
        return { ok: false, message: `Nothing committed: ${run.output.stateError ?? 'the state cannot be read'}. Back it up and start fresh first.` };
      }
      const next = serializeNextState(run.output.next);
      writeAtomic(files.kube, next.kube);
      if (run.output.plan.compose.length > 0 || 'text' in readStateText(files.compose)) writeAtomic(files.compose, next.compose);
      const objects = run.output.plan.objects.filter((o) => o.action !== 'unchanged' && o.action !== 'rejected').length;
      return { ok: true, message: `Committed to "${environment}": ${objects} object(s) changed, ${run.output.plan.compose.length} Compose project(s).` };
    }
    case 'import': {
      const read = parseKubeState(params.yaml ?? '');
      if ('error' in read) return { ok: false, message: `Nothing imported: ${read.error}.` };
      const current = readStateText(files.kube);
      if ('error' in current || ('text' in current && current.text !== undefined && 'error' in parseKubeState(current.text))) {
        return { ok: false, message: `Nothing imported: the current state of "${environment}" cannot be read. Back it up and start fresh first.` };
      }
      const backup = backUp(files.kube);
      writeAtomic(files.kube, serializeKubeState(read.objects));
      return { ok: true, message: `Imported ${read.objects.length} object(s) into "${environment}"${backup ? `; the previous state is kept as ${backup}` : ''}.` };
    }
    case 'reset':
    case 'backupAndReset': {
      const backups = [backUp(files.kube), backUp(files.compose)].filter((b): b is string => b !== undefined);
      return { ok: true, message: backups.length ? `"${environment}" starts empty; the previous state is kept as ${backups.join(' and ')}.` : `"${environment}" is already empty.` };
    }
  }
}
