/** What the command line asks for, once parsed and checked. */
export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckCommand {
  command: 'check';
  kubernetesVersion: string;
  format: OutputFormat;
  paths: string[];
}

export interface PlanCommand {
  command: 'plan';
  kubernetesVersion: string;
  format: 'text' | 'json';
  paths: string[];
  /** State file or folder; undefined = an empty cluster and no containers. */
  state?: string;
  commit: boolean;
  /** `-l SELECTOR`: only objects with these labels are applied (and, with --prune, pruned). */
  selector?: string;
  prune: boolean;
}

export type CliCommand =
  | CheckCommand
  | PlanCommand
  | { command: 'help' }
  | { command: 'version' }
  /** A usage error: the message says what is wrong (exit 2). */
  | { command: 'usage-error'; message: string };

export interface ArgsContext {
  supportedVersions: readonly string[];
  defaultVersion: string;
}

const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];

/** Options taking a value; `--name value` and `--name=value` are both accepted. */
const VALUE_OPTIONS = new Set(['--k8s-version', '--format']);

function usageError(message: string): CliCommand {
  return { command: 'usage-error', message };
}

/**
 * "1.30", "v1.30" and "1.30.4" all mean minor version 1.30: users paste what `kubectl version`
 * prints. Returns undefined when the text is not a version at all.
 */
export function normalizeKubernetesVersion(text: string): string | undefined {
  const match = /^v?(\d+)\.(\d+)(\.\d+)?$/.exec(text.trim());
  return match ? `${Number(match[1])}.${Number(match[2])}` : undefined;
}

export function parseArgs(argv: readonly string[], ctx: ArgsContext): CliCommand {
  // Global flags win wherever they are, as in most CLIs (`shipshape check --help`).
  const beforeDashes = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  if (beforeDashes.some((a) => a === '--help' || a === '-h') || argv[0] === 'help') return { command: 'help' };
  if (beforeDashes.some((a) => a === '--version' || a === '-v' || a === '-V')) return { command: 'version' };

  const [command, ...rest] = argv;
  if (command === undefined) return usageError('missing command.');
  if (command === 'plan') return parsePlan(rest, ctx);
  if (command !== 'check') {
    return usageError(command.startsWith('-') ? `expected a command before "${command}".` : `unknown command "${command}".`);
  }
  return parseCheck(rest, ctx);
}

interface ParsedOptions {
  paths: string[];
  values: Map<string, string>;
  flags: Set<string>;
}

/** Splits arguments into paths, `--name value` options and bare flags; a string is a usage error. */
function splitArgs(args: readonly string[], valueOptions: ReadonlySet<string>, flagOptions: ReadonlySet<string>): ParsedOptions | string {
  const out: ParsedOptions = { paths: [], values: new Map(), flags: new Set() };
  let onlyPaths = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      out.paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (flagOptions.has(name) && eq < 0) {
      out.flags.add(name);
      continue;
    }
    if (!valueOptions.has(name)) return `unknown option "${name}".`;
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = args[i + 1];
      if (value === undefined || value.startsWith('--')) return `option ${name} needs a value.`;
      i++;
    }
    out.values.set(name, value);
  }
  return out;
}

function readVersion(value: string | undefined, ctx: ArgsContext): string | { error: string } {
  if (value === undefined) return ctx.defaultVersion;
  const version = normalizeKubernetesVersion(value);
  if (!version || !ctx.supportedVersions.includes(version)) {
    return { error: `unsupported --k8s-version "${value}"; supported versions: ${ctx.supportedVersions.join(', ')}.` };
  }
  return version;
}

function checkPaths(paths: readonly string[], command: string): string | undefined {
  if (paths.length === 0) return `${command} needs at least one file or folder.`;
  if (paths.includes('-')) return 'reading from standard input ("-") is not supported; pass files or folders.';
  return undefined;
}

function parseCheck(args: readonly string[], ctx: ArgsContext): CliCommand {
  const parsed = splitArgs(args, VALUE_OPTIONS, new Set());
  if (typeof parsed === 'string') return usageError(parsed);
  const format = parsed.values.get('--format') ?? 'text';
  if (!FORMATS.includes(format as OutputFormat)) return usageError(`unknown --format "${format}"; use one of: ${FORMATS.join(', ')}.`);
  const kubernetesVersion = readVersion(parsed.values.get('--k8s-version'), ctx);
  if (typeof kubernetesVersion !== 'string') return usageError(kubernetesVersion.error);
  const pathProblem = checkPaths(parsed.paths, 'check');
  if (pathProblem) return usageError(pathProblem);
  return { command: 'check', kubernetesVersion, format: format as OutputFormat, paths: parsed.paths };
}

const PLAN_VALUES = new Set(['--k8s-version', '--format', '--state', '-l', '--selector']);
const PLAN_FLAGS = new Set(['--commit', '--prune']);

function parsePlan(args: readonly string[], ctx: ArgsContext): CliCommand {
  const parsed = splitArgs(args, PLAN_VALUES, PLAN_FLAGS);
  if (typeof parsed === 'string') return usageError(parsed);
  const format = parsed.values.get('--format') ?? 'text';
  if (format !== 'text' && format !== 'json') return usageError(`unknown --format "${format}" for plan; use one of: text, json.`);
  const kubernetesVersion = readVersion(parsed.values.get('--k8s-version'), ctx);
  if (typeof kubernetesVersion !== 'string') return usageError(kubernetesVersion.error);
  const selector = parsed.values.get('-l') ?? parsed.values.get('--selector');
  const prune = parsed.flags.has('--prune');
  // kubectl refuses a prune that would select everything; so do we.
  if (prune && !selector) return usageError('--prune needs a label selector (-l key=value): without one every object would be a candidate.');
  const state = parsed.values.get('--state');
  const commit = parsed.flags.has('--commit');
  if (commit && !state) return usageError('--commit needs --state: the file or folder to write the resulting state to.');
  const pathProblem = checkPaths(parsed.paths, 'plan');
  if (pathProblem) return usageError(pathProblem);
  return { command: 'plan', kubernetesVersion, format, paths: parsed.paths, state, commit, selector, prune };
}
