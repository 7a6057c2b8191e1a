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
  }
}
