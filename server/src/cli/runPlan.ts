import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ManifestFile } from '../documents/manifestFile';
import { parseManyAsync } from '../documents/parseAsync';
import type { ParsePool } from '../documents/parsePool';
import type { KubernetesSchemas } from '../schema/kubernetesSchemas';
import { ComposeHost, canonicalUri } from '../workspace/composeHost';
import { runDryRun, serializeNextState, type DryRunOutput } from '../dryrun/runDryRun';
import { DEFAULT_ENVIRONMENT, environmentFiles, readStateText, writeAtomic, type EnvironmentFiles } from '../dryrun/state/stateStore';
import type { PlanCommand } from './args';
import type { InputFile } from './collectFiles';
import { readSource } from './readSource';

export interface PlanRun {
  output?: DryRunOutput;
  /** I/O and usage problems: stderr, exit 2. */
  problems: string[];
  /** What --commit wrote. */
  committed?: string[];
}

/**
 * `--state` names a state file (`state.yaml`; Compose state beside it as `state.compose.yaml`) or
 * a folder of environments (its `default.yaml` and `default.compose.yaml`), as the editor keeps them.
 */
export function stateFilesFor(state: string, cwd: string): EnvironmentFiles {
  const path = resolve(cwd, state);
  let folder = false;
  try {
    folder = statSync(path).isDirectory();
  } catch {
    folder = !/\.ya?ml$/i.test(path); // not there yet: a name without .yaml is a folder to create
  }
  if (folder) return environmentFiles(path, DEFAULT_ENVIRONMENT);
  return { kube: path, compose: join(dirname(path), `${path.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/i, '')}.compose.yaml`) };
}

/** Reads and parses the inputs, plans against the state, and commits when asked (never over an unreadable state). */
export async function runPlan(command: PlanCommand, files: readonly InputFile[], schemas: KubernetesSchemas, cwd: string, pool?: ParsePool): Promise<PlanRun> {
  const problems: string[] = [];
  const readable: Array<{ uri: string; text: string }> = [];
  const stateFiles = command.state ? stateFilesFor(command.state, cwd) : undefined;
  // The state is the simulated cluster, never an input, even inside a folder being planned.
  const inputs = files.filter((f) => !stateFiles || (f.absolute !== stateFiles.kube && f.absolute !== stateFiles.compose));
  for (const input of inputs) {
    const source = readSource(input.absolute);
    if (source.kind === 'text') readable.push({ uri: pathToFileURL(input.absolute).href, text: source.text });
    else problems.push(`cannot read "${input.display}": ${source.message}`);
  }
  if (problems.length > 0) return { problems };
  const parsed: ManifestFile[] = await parseManyAsync(readable, pool);
  const byUri = new Map(parsed.map((f) => [canonicalUri(f.uri), f]));

  const texts: { kube?: string; compose?: string } = {};
  if (stateFiles) {
    for (const which of ['kube', 'compose'] as const) {
      const read = readStateText(stateFiles[which]);
      if ('error' in read) problems.push(read.error);
      else texts[which] = read.text;
    }
  }
  if (problems.length > 0) return { problems };

  const output = runDryRun({
    files: parsed,
    compose: new ComposeHost((uri) => byUri.get(canonicalUri(uri))),
    kubeState: texts.kube,
    composeState: texts.compose,
    schemas,
    k8sVersion: command.kubernetesVersion,
    selector: command.selector,
    prune: command.prune,
    environment: process.env,
  });
  if (output.error) return { problems: [output.error] };
  if (output.stateError) problems.push(`${output.stateError} (the plan assumed an empty state${command.commit ? '; nothing was committed' : ''})`);
  if (!command.commit || !stateFiles || !output.next || output.stateError) return { output, problems };
  const next = serializeNextState(output.next);
  writeAtomic(stateFiles.kube, next.kube);
  const committed = [stateFiles.kube];
  if (output.plan.compose.length > 0 || texts.compose !== undefined) {
    writeAtomic(stateFiles.compose, next.compose);
    committed.push(stateFiles.compose);
  }
  return { output, problems, committed };
}
