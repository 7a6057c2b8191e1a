import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { invalidEnvironmentName } from '../../shared/environmentName';

/**
 * The state files of named environments: `<stateDir>/<environment>.yaml` (Kubernetes, a `kind: List`)
 * and `<stateDir>/<environment>.compose.yaml` (Compose projects). Writes are atomic (temp file, then
 * rename), and a file that exists but cannot be read is never overwritten: it is backed up first.
 */

export const DEFAULT_ENVIRONMENT = 'default';

export interface EnvironmentFiles {
  kube: string;
  compose: string;
}

export { invalidEnvironmentName };

export function environmentFiles(stateDir: string, environment: string): EnvironmentFiles {
  return { kube: join(stateDir, `${environment}.yaml`), compose: join(stateDir, `${environment}.compose.yaml`) };
}

/** Every environment that has a state file, sorted; the default one is always listed. */
export function listEnvironments(stateDir: string): string[] {
  const names = new Set([DEFAULT_ENVIRONMENT]);
  let entries: string[] = [];
  try {
    entries = readdirSync(stateDir);
  } catch {
    // No state folder yet: only the default environment, empty.
  }
  for (const entry of entries) {
    const match = /^(.+?)(\.compose)?\.yaml$/.exec(entry);
    if (match && !invalidEnvironmentName(match[1]!)) names.add(match[1]!);
  }
  return [...names].sort();
}

/** The text of a state file, undefined when it does not exist; an I/O problem is reported, not thrown. */
export function readStateText(path: string): { text?: string } | { error: string } {
  if (!existsSync(path)) return {};
  try {
    return { text: readFileSync(path, 'utf8') };
  } catch (error) {
    return { error: `cannot read ${path}: ${(error as Error).message}` };
  }
}

/** Writes next to the target and renames over it: a crash leaves the old file or the new one, never half of one. */
export function writeAtomic(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text, 'utf8');
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Moves a state file aside as `<name>.bak`, `<name>.bak.1`, … (never over an older backup); returns where. */
export function backUp(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  let target = `${path}.bak`;
  for (let n = 1; existsSync(target); n++) target = `${path}.bak.${n}`;
  renameSync(path, target);
  return target;
}
