import { isRecord } from './plainValues';

/** What a whole file is: decided by its name first, then by its content. */
export type FileFlavor = 'kubernetes' | 'compose' | 'none';
/** What one `---` document is. */
export type DocumentFlavor = 'kubernetes' | 'compose' | 'other';

// compose.yaml, compose.yml, docker-compose*.y(a)ml, compose.*.y(a)ml
const COMPOSE_NAME = /(^|[\\/])(compose\.ya?ml|docker-compose[^\\/]*\.ya?ml|compose\.[^\\/]*\.ya?ml)$/i;

export function isComposeFileName(uriOrPath: string): boolean {
  return COMPOSE_NAME.test(decodeURIComponent(uriOrPath.replace(/[?#].*$/, '')));
}

export function isKubernetesObject(value: unknown): value is Record<string, unknown> & { apiVersion: string; kind: string } {
  return isRecord(value) && typeof value.apiVersion === 'string' && typeof value.kind === 'string';
}

/** A top-level `services:` mapping of service definitions, without apiVersion/kind. */
export function looksLikeCompose(value: unknown): boolean {
  if (!isRecord(value) || 'apiVersion' in value || 'kind' in value) return false;
  const services = value.services;
  if (!isRecord(services)) return false;
  const entries = Object.values(services);
  return entries.length > 0 && entries.every((s) => s === null || isRecord(s));
}

export function detectFileFlavor(uri: string, values: unknown[]): FileFlavor {
  if (isComposeFileName(uri)) return 'compose';
  if (values.some(isKubernetesObject)) return 'kubernetes';
  if (values.length >= 1 && looksLikeCompose(values[0])) return 'compose';
  return 'none';
}

export function detectDocumentFlavor(fileFlavor: FileFlavor, value: unknown): DocumentFlavor {
  if (fileFlavor === 'compose') return isKubernetesObject(value) ? 'kubernetes' : 'compose';
  if (isKubernetesObject(value)) return 'kubernetes';
  return 'other';
}
