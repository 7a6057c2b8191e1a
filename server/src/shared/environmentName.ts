// Environment names become file names (`.shipshape/state/<name>.yaml`, `<name>.compose.yaml`).
const ENVIRONMENT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/;

/** Why a name cannot name a dry-run environment, or undefined when it can (shared by the panel and the server). */
export function invalidEnvironmentName(name: string): string | undefined {
  if (ENVIRONMENT_NAME.test(name) && !name.endsWith('.compose') && !name.includes('..')) return undefined;
  return `"${name}" is not a usable environment name: use letters, digits, ".", "_" and "-" (at most 63), starting with a letter or digit.`;
}
