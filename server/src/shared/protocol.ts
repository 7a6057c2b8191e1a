/** Custom messages between client and server, declared once for both sides. */
export namespace ServerStatusNotification {
  export const method = 'shipshape/serverStatus';
  export interface Params {
    kubernetesVersion: string;
    state: 'ready' | 'error';
    message?: string;
  }
}

/** Counters of the engine, for the status bar and benchmarks: what has been indexed and re-evaluated. */
export namespace StatsRequest {
  export const method = 'shipshape/stats';
  export interface Result {
    files: number;
    objects: number;
    /** Cross-reference evaluations of single objects since start (cache misses). */
    crossrefEvaluations: number;
    /** Documents schema-validated since start (cache misses). */
    validatedDocuments: number;
    /** The folder of compiled validators, and what was loaded from it, missed and stored since start. */
    validatorCache?: { folder: string; hits: number; misses: number; stored: number };
  }
}

/** What a dry run covers: the current file, a folder, or every manifest of the workspace. */
export interface DryRunTarget {
  scope: 'file' | 'folder' | 'workspace';
  /** The file or folder URI (absent for the workspace). */
  uri?: string;
}

/** Plans applying the target against a named environment's local state (`.shipshape/state/<env>.yaml`). */
export namespace DryRunRequest {
  export const method = 'shipshape/dryRun';
  export interface Params {
    target: DryRunTarget;
    /** Environment name; the default is "default". */
    environment?: string;
  }
  export interface Result {
    plan: import('./dryrunPlan').Plan;
    environment: string;
    /** Every environment with a state file, plus the current one. */
    environments: string[];
    /** The state file the plan was made against, relative to its workspace folder when inside one (it may not exist yet: empty cluster). */
    stateFile: string;
    /** Set when the state file exists but cannot be read: the plan then assumes an empty cluster. */
    stateError?: string;
    /** How many manifest files the target covered. */
    files: number;
    kubernetesVersion: string;
  }
}

/** Changes to an environment's local state: commit a plan, import a cluster dump, reset, or back up a broken file. */
export namespace DryRunStateRequest {
  export const method = 'shipshape/dryRunState';
  export interface Params {
    action: 'commit' | 'import' | 'reset' | 'backupAndReset';
    environment?: string;
    /** commit: what was planned. */
    target?: DryRunTarget;
    /** import: `kubectl get … -o yaml` output (a List or a stream of objects). */
    yaml?: string;
  }
  export interface Result {
    ok: boolean;
    /** What happened, for the panel's status line ("Committed 3 objects to default", "Backed up to …"). */
    message: string;
  }
}
