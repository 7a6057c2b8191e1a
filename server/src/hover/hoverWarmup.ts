import { WorkspaceIndex } from '../crossref/workspaceIndex';
import { assembleFile, ParsedChunk, planParse, type ManifestFile } from '../documents/manifestFile';
import type { KubernetesSchemas } from '../schema/kubernetesSchemas';
import { hover } from './hover';

// A small workspace of the kinds hovered most, referring to each other (selector and labels, a
// Service's target port, an Ingress backend, a ConfigMap and a ServiceAccount by name), so that
// the reference sections of the hover run too.
const SAMPLE = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: warm
  labels: {app: warm}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: warm
  template:
    metadata:
      labels:
        app: warm
    spec:
      serviceAccountName: warm
      containers:
        - name: app
          image: "registry.example.com/warm:1"
          imagePullPolicy: IfNotPresent
          ports:
            - name: http
              containerPort: 8080
              protocol: TCP
          envFrom:
            - configMapRef:
                name: warm
          resources:
            limits: {cpu: 500m, memory: 128Mi}
---
apiVersion: v1
kind: Service
metadata:
  name: warm
spec:
  selector:
    app: warm
  ports:
    - port: 80
      targetPort: http
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: warm
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: warm
                port: {number: 80}
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: warm
data:
  MODE: plain
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: warm
`;

/** Where an editor hovers: the first letter of every key, and of every value after `key: `. */
function hoverOffsets(text: string): number[] {
  const offsets: number[] = [];
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const key = line.search(/[^\s-]/);
    if (key >= 0 && line[key] !== '#') {
      offsets.push(lineStart + key);
      const colon = line.indexOf(': ', key);
      if (colon > 0) offsets.push(lineStart + colon + 2);
    }
    lineStart += line.length + 1;
  }
  return offsets;
}

/**
 * The sample parsed each way a file reaches hover, each a file of its own in one index: with syntax
 * trees (files under the worker threshold), with position tables (large files), and with position
 * tables that crossed from the parse worker (structured-cloned, so their objects have other hidden
 * classes). Optimised code is specialised to the object shapes it has seen; warmed on one kind
 * only, it is thrown away at the first hover on another, and compiled again then.
 */
function sampleWorkspace(): { files: ManifestFile[]; index: WorkspaceIndex } {
  const ways: Array<[string, (text: string, start: number) => ParsedChunk]> = [
    ['small', (text, start) => ParsedChunk.parse(text, start)],
    ['large', (text, start) => ParsedChunk.parseLean(text, start)],
    ['worker', (text, start) => new ParsedChunk(text, start, structuredClone(ParsedChunk.parseLean(text, start).entries))],
  ];
  const index = new WorkspaceIndex();
  const files = ways.map(([name, parse]) => {
    const { file, plan } = planParse(`shipshape-warmup:///${name}.yaml`, SAMPLE);
    const assembled = assembleFile(file, (plan ?? []).map((p) => parse(p.text, p.start)));
    index.update(assembled);
    return assembled;
  });
  return { files, index };
}

/**
 * Hovers over every key and value of a built-in sample, `rounds` times, one file per macrotask
 * (≈100 hovers, a few milliseconds), stopping early once `stop()` says real work has begun. V8
 * optimises a function once it has run enough: without this, the hover path is optimised during
 * the user's first few hundred hovers, on background threads that then compete with the very
 * requests they are meant to speed up (on a 2-core machine, each compile job delayed the answers
 * around it by a scheduler slice: 1–5 ms, ten times a hover's own cost). Here it happens while
 * the editor is idle after start-up; the sample is dropped after. Resolves with the number of
 * hovers that had something to show.
 */
export function warmHoverPath(schemas: KubernetesSchemas, version: string, rounds = 30, stop: () => boolean = () => false): Promise<number> {
  return new Promise((resolve) => {
    let workspace: { files: ManifestFile[]; index: WorkspaceIndex; offsets: number[] } | undefined;
    let done = 0;
    let answered = 0;
    const step = () => {
      if (stop()) return resolve(answered);
      try {
        workspace ??= { ...sampleWorkspace(), offsets: hoverOffsets(SAMPLE) };
        const { files, index, offsets } = workspace;
        if (done >= rounds * files.length) return resolve(answered);
        const file = files[done++ % files.length]!;
        // The request the hover handler makes, property for property (the same hidden class).
        for (const offset of offsets) if (hover({ file, offset, schemas, version, index, compose: undefined })) answered++;
      } catch {
        return resolve(answered); // an optimisation only: a failure here must never reach the user
      }
      setImmediate(step);
    };
    setImmediate(step);
  });
}

/** For tests: the sample, its hover offsets and its parsed files. */
export const hoverWarmupSample = { text: SAMPLE, offsets: () => hoverOffsets(SAMPLE), workspace: sampleWorkspace };
