import { KubernetesSchemas } from '../schema/kubernetesSchemas';
import { parseArgs, type CheckCommand, type PlanCommand } from './args';
import { collectFiles } from './collectFiles';
import { formatJson } from './formatJson';
import { formatSarif } from './formatSarif';
import { formatSummary, formatText } from './formatText';
import { helpText } from './help';
import { TOOL_VERSION } from './packageInfo';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ParsePool } from '../documents/parsePool';
import { defaultValidatorCacheDir } from '../schema/validatorCacheDir';
import { runCheck } from './runCheck';
import { runPlan } from './runPlan';
import { formatPlanJson, formatPlanSummary, formatPlanText } from './formatPlan';

/** Where the CLI writes: injectable so the wiring stays testable without a process. */
export interface CliIo {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

/** Runs one command line and returns the exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    io.stderr(`shipshape: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_USAGE;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const schemas = new KubernetesSchemas();
  schemas.useValidatorCache(defaultValidatorCacheDir());
  const { kubernetesVersions, defaultKubernetesVersion } = schemas.index;
  const command = parseArgs(argv, { supportedVersions: kubernetesVersions, defaultVersion: defaultKubernetesVersion });
  switch (command.command) {
    case 'help':
      io.stdout(helpText(kubernetesVersions, defaultKubernetesVersion));
      return EXIT_OK;
    case 'version':
      io.stdout(`${TOOL_VERSION}\n`);
      return EXIT_OK;
    case 'usage-error':
      io.stderr(`shipshape: ${command.message}\nRun "shipshape --help" for usage.\n`);
      return EXIT_USAGE;
    case 'plan':
      return plan(command, schemas, io);
    case 'check':
      return check(command, schemas, io);
  }
}

function workerPool(): ParsePool | undefined {
  // A worker thread parses half of a large input (the bundled parseWorker.js beside this file).
  const workerScript = join(__dirname, 'parseWorker.js');
  return existsSync(workerScript) ? new ParsePool(workerScript) : undefined;
}

async function plan(command: PlanCommand, schemas: KubernetesSchemas, io: CliIo): Promise<number> {
  const collected = collectFiles(command.paths, io.cwd);
  if (collected.errors.length > 0) {
    for (const message of collected.errors) io.stderr(`shipshape: ${message}\n`);
    return EXIT_USAGE;
  }
  const pool = workerPool();
  let run;
  try {
    run = await runPlan(command, collected.files, schemas, io.cwd, pool);
  } finally {
    pool?.dispose();
  }
  for (const message of run.problems) io.stderr(`shipshape: ${message}\n`);
  if (!run.output) return EXIT_USAGE;
  const { plan } = run.output;
  if (command.format === 'json') io.stdout(formatPlanJson(plan));
  else {
    io.stdout(formatPlanText(plan));
    io.stderr(formatPlanSummary(plan));
  }
  for (const file of run.committed ?? []) io.stderr(`shipshape: committed the resulting state to ${file}\n`);
  if (run.problems.length > 0) return EXIT_USAGE;
  const failed = plan.objects.some((o) => o.action === 'rejected') || plan.compose.some((p) => (p.errors ?? []).length > 0);
  return failed ? EXIT_FINDINGS : EXIT_OK;
}

async function check(command: CheckCommand, schemas: KubernetesSchemas, io: CliIo): Promise<number> {
  const collected = collectFiles(command.paths, io.cwd);
  if (collected.errors.length > 0) {
    for (const message of collected.errors) io.stderr(`shipshape: ${message}\n`);
    return EXIT_USAGE;
  }
  const pool = workerPool();
  let result;
  try {
    result = await runCheck(collected.files, schemas, command.kubernetesVersion, io.cwd, pool);
  } finally {
    pool?.dispose();
  }

  if (command.format === 'json') io.stdout(formatJson(result.findings));
  else if (command.format === 'sarif') io.stdout(formatSarif(result.findings, io.cwd));
  else {
    io.stdout(formatText(result.findings));
    io.stderr(formatSummary(result.findings, result.filesChecked));
  }
  for (const message of result.problems) io.stderr(`shipshape: ${message}\n`);

  if (result.problems.length > 0) return EXIT_USAGE;
  return result.findings.some((f) => f.severity === 'error') ? EXIT_FINDINGS : EXIT_OK;
}
