/** How plan values are written in the panel. */
import type { SourceLocation } from '../../../server/src/shared/dryrunPlan';

const KUBECTL_RESOURCE: Record<string, string> = {
  Deployment: 'deployment.apps',
  StatefulSet: 'statefulset.apps',
  DaemonSet: 'daemonset.apps',
  Job: 'job.batch',
  CronJob: 'cronjob.batch',
};

/** `deployment.apps/web`, as kubectl names an object. */
export function kubectlName(kind: string, name: string): string {
  return `${KUBECTL_RESOURCE[kind] ?? kind.toLowerCase()}/${name}`;
}

/** `web.yaml:12` (1-based line, as editors show it). */
export function sourceLabel(source: SourceLocation): string {
  const path = source.uri.replace(/[?#].*$/, '');
  let name = path.slice(path.lastIndexOf('/') + 1);
  try {
    name = decodeURIComponent(name);
  } catch {
    // keep the encoded name
  }
  return `${name}:${source.line + 1}`;
}

/**
 * A diff value as text: strings as they are unless they would read as another type ("3", "true", ""),
 * everything else as JSON (objects indented; the cell keeps line breaks).
 */
export function formatValue(value: unknown): string {
  if (typeof value === 'string') return /^(?:-?\d+(?:\.\d+)?|true|false|null|\s*)$/.test(value) || value !== value.trim() ? JSON.stringify(value) : value;
  if (typeof value === 'object' && value !== null) return JSON.stringify(value, null, 2);
  return JSON.stringify(value) ?? String(value);
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
