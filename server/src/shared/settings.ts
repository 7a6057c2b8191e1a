/** Mirrors `contributes.configuration` in package.json; the one typed view of the user's settings. */
export interface ShipshapeSettings {
  kubernetesVersion: string;
  validation: { enable: boolean };
  exclude: string[];
  /** Rule id → off | hint | information | warning | error. */
  rules: Record<string, string>;
  crossref: { knownObjects: string[] };
  /** Where the dry run keeps environments' state, relative to the workspace folder. */
  dryRun: { stateDir: string };
}

export const DEFAULT_SETTINGS: ShipshapeSettings = {
  kubernetesVersion: '1.35',
  validation: { enable: true },
  exclude: [],
  rules: {},
  crossref: { knownObjects: [] },
  dryRun: { stateDir: '.shipshape/state' },
};

/** The dry run's state files are the simulated cluster, not manifests: globs that keep them out of the workspace. */
export function stateDirGlobs(stateDir: string): string[] {
  const dir = stateDir.replace(/\\/g, '/').replace(/\/+$/, '').replace(/^\.\//, '');
  return dir ? [`${dir}/**`] : [];
}

/** Fills what the client did not send and drops values of the wrong type. */
export function normalizeSettings(raw: unknown): ShipshapeSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const validation = (r.validation && typeof r.validation === 'object' ? r.validation : {}) as Record<string, unknown>;
  const crossref = (r.crossref && typeof r.crossref === 'object' ? r.crossref : {}) as Record<string, unknown>;
  const dryRun = (r.dryRun && typeof r.dryRun === 'object' ? r.dryRun : {}) as Record<string, unknown>;
  return {
    kubernetesVersion: typeof r.kubernetesVersion === 'string' ? r.kubernetesVersion : DEFAULT_SETTINGS.kubernetesVersion,
    validation: { enable: typeof validation.enable === 'boolean' ? validation.enable : DEFAULT_SETTINGS.validation.enable },
    exclude: Array.isArray(r.exclude) ? r.exclude.filter((g): g is string => typeof g === 'string') : [],
    rules: readRuleLevels(r.rules),
    crossref: { knownObjects: Array.isArray(crossref.knownObjects) ? crossref.knownObjects.filter((k): k is string => typeof k === 'string') : [] },
    dryRun: { stateDir: typeof dryRun.stateDir === 'string' && dryRun.stateDir.trim() !== '' ? dryRun.stateDir : DEFAULT_SETTINGS.dryRun.stateDir },
  };
}

const LEVELS = new Set(['off', 'hint', 'information', 'warning', 'error']);

function readRuleLevels(raw: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (raw && typeof raw === 'object') {
    for (const [rule, level] of Object.entries(raw)) if (typeof level === 'string' && LEVELS.has(level)) out[rule] = level;
  }
  return out;
}
