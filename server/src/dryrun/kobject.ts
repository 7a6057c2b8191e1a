/** A Kubernetes object as plain JSON, as `kubectl get -o yaml` prints it (live) or as written in a manifest. */
export type KObject = Record<string, unknown>;
