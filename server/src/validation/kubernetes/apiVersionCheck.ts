import type { KubernetesSchemas } from '../../schema/kubernetesSchemas';
import { closestMatches } from '../suggest';

export interface ApiVersionVerdict {
  /** Whether the kind has a built-in schema in the chosen version (validate it). */
  served: boolean;
  /** A finding about the apiVersion/kind itself, reported on `apiVersion:` (or `kind:` for unknown kinds). */
  finding?: { code: string; severity: 'error' | 'warning'; message: string; on: 'apiVersion' | 'kind' };
}

function minor(version: string): number {
  return Number(version.split('.')[1]);
}

function isPrerelease(apiVersion: string): boolean {
  return /v\d+(alpha|beta)\d+$/.test(apiVersion);
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

/**
 * Judges an apiVersion/kind against the chosen Kubernetes version using the lifecycle of the
 * 13 shipped versions (plus the pre-1.23 removals table): removed, not yet added, deprecated,
 * a typo of a built-in kind, or a custom resource (left alone).
 */
export function checkApiVersion(schemas: KubernetesSchemas, version: string, apiVersion: string, kind: string): ApiVersionVerdict {
  const versionSchemas = schemas.forVersion(version);
  const lifecycle = schemas.lifecycle;
  const entry = lifecycle[`${apiVersion}/${kind}`];
  const newest = schemas.index.defaultKubernetesVersion;
  const shipped = schemas.supportedVersions;

  if (versionSchemas.kindInfo(apiVersion, kind)) {
    if (!entry) return { served: true };
    const last = entry.served.at(-1)!;
    const replacement = entry.replacement;
    if (minor(last) < minor(newest)) {
      const removedIn = shipped.find((v) => minor(v) > minor(last))!;
      return {
        served: true,
        finding: {
          code: 'deprecated-api-version',
          severity: 'warning',
          on: 'apiVersion',
          message: `${apiVersion} ${kind} is deprecated and removed in ${removedIn}${replacement ? `; use ${replacement}` : ''}.`,
        },
      };
    }
    if (replacement && isPrerelease(apiVersion) && versionSchemas.kindInfo(replacement, kind)) {
      return {
        served: true,
        finding: { code: 'deprecated-api-version', severity: 'warning', on: 'apiVersion', message: `${apiVersion} ${kind} is deprecated; use ${replacement}.` },
      };
    }
    return { served: true };
  }

  if (entry) {
    const replacement = entry.replacement ? `; use ${entry.replacement}` : '';
    if (entry.removedIn) {
      return {
        served: false,
        finding: { code: 'removed-api-version', severity: 'error', on: 'apiVersion', message: `${apiVersion} ${kind} was removed in ${entry.removedIn}${replacement}.` },
      };
    }
    const first = entry.served[0]!;
    const last = entry.served.at(-1)!;
    if (minor(first) > minor(version)) {
      return {
        served: false,
        finding: {
          code: 'unavailable-api-version',
          severity: 'error',
          on: 'apiVersion',
          message: `${apiVersion} ${kind} is not served by Kubernetes ${version}; it was added in ${first}.`,
        },
      };
    }
    if (minor(last) < minor(version)) {
      const removedIn = shipped.find((v) => minor(v) > minor(last))!;
      return {
        served: false,
        finding: { code: 'removed-api-version', severity: 'error', on: 'apiVersion', message: `${apiVersion} ${kind} was removed in ${removedIn}${replacement}.` },
      };
    }
    // Served in versions around the chosen one but not in it (alpha APIs come and go).
    return {
      served: false,
      finding: { code: 'unavailable-api-version', severity: 'error', on: 'apiVersion', message: `${apiVersion} ${kind} is not served by Kubernetes ${version}${replacement}.` },
    };
  }

  return { served: false, finding: unknownBuiltIn(schemas, version, apiVersion, kind) };
}

// A kind or apiVersion in a built-in group that no shipped version ever served is a typo;
// anything in another group is a custom resource and is not ours to judge.
function unknownBuiltIn(schemas: KubernetesSchemas, version: string, apiVersion: string, kind: string): ApiVersionVerdict['finding'] {
  const group = groupOf(apiVersion);
  const known = Object.keys(schemas.lifecycle);
  const inGroup = known.filter((key) => groupOf(key.slice(0, key.lastIndexOf('/'))) === group);
  if (inGroup.length === 0) return undefined;
  const servedNow = schemas.forVersion(version).servedKinds();
  const kindsOfApiVersion = servedNow.filter((k) => k.startsWith(`${apiVersion}/`)).map((k) => k.slice(apiVersion.length + 1));
  if (kindsOfApiVersion.length > 0) {
    const [best] = closestMatches(kind, kindsOfApiVersion);
    return {
      code: 'unknown-kind',
      severity: 'error',
      on: 'kind',
      message: `${apiVersion} has no kind "${kind}"${best ? `; did you mean "${best}"?` : '.'}`,
    };
  }
  const servingKind = servedNow.filter((k) => k.endsWith(`/${kind}`)).map((k) => k.slice(0, k.lastIndexOf('/')));
  const hint = servingKind.length ? `; ${kind} is served as ${servingKind.join(', ')}` : '';
  return {
    code: 'unknown-api-version',
    severity: 'error',
    on: 'apiVersion',
    message: `apiVersion "${apiVersion}" is not served by Kubernetes ${version}${hint}.`,
  };
}
