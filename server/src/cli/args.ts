/** What the command line asks for, once parsed and checked. */
export type OutputFormat = 'text' | 'json' | 'sarif';

export interface CheckCommand {
  command: 'check';
  kubernetesVersion: string;
  format: OutputFormat;
  paths: string[];
}

export type CliCommand =
  | CheckCommand
  | { command: 'plan' }
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
  if (command === 'plan') return { command: 'plan' };
  if (command !== 'check') {
    return usageError(command.startsWith('-') ? `expected a command before "${command}".` : `unknown command "${command}".`);
  }
  return parseCheck(rest, ctx);
}

function parseCheck(args: readonly string[], ctx: ArgsContext): CliCommand {
  let kubernetesVersion = ctx.defaultVersion;
  let format: OutputFormat = 'text';
  const paths: string[] = [];
  let onlyPaths = false;

  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (onlyPaths || !arg.startsWith('-') || arg === '-') {
      paths.push(arg);
      continue;
    }
    if (arg === '--') {
      onlyPaths = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (!VALUE_OPTIONS.has(name)) return usageError(`unknown option "${name}".`);
    let value: string | undefined;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      value = args[i + 1];
      if (value === undefined || value.startsWith('--')) return usageError(`option ${name} needs a value.`);
      i++;
    }

    if (name === '--format') {
      if (!FORMATS.includes(value as OutputFormat)) {
        return usageError(`unknown --format "${value}"; use one of: ${FORMATS.join(', ')}.`);
      }
      format = value as OutputFormat;
    } else {
      const version = normalizeKubernetesVersion(value);
      if (!version || !ctx.supportedVersions.includes(version)) {
        return usageError(`unsupported --k8s-version "${value}"; supported versions: ${ctx.supportedVersions.join(', ')}.`);
      }
      kubernetesVersion = version;
    }
  }

  if (paths.length === 0) return usageError('check needs at least one file or folder to check.');
  if (paths.includes('-')) return usageError('reading from standard input ("-") is not supported; pass files or folders.');
  return { command: 'check', kubernetesVersion, format, paths };
}
