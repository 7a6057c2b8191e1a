import { WorkspaceIndex } from '../crossref/workspaceIndex';
import { ParsedChunk, parseFileWith, type ManifestFile } from '../documents/manifestFile';
import type { KubernetesSchemas } from '../schema/kubernetesSchemas';
import { inIdleSlices } from '../idleSlices';
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

/** Where an editor hovers: the start of every key, and of every scalar value, as the files' position tables have them. */
function hoverOffsets(files: readonly ManifestFile[]): number[] {
  const offsets = new Set<number>();
  for (const chunk of files.flatMap((file) => file.chunks)) {
    for (const entry of chunk.entries) {
      for (const [keyStart, , valueStart, , collection] of Object.values(entry.positions ?? {})) {
        if (keyStart >= 0) offsets.add(chunk.start + keyStart);
        if (valueStart >= 0 && !collection) offsets.add(chunk.start + valueStart);
      }
    }
  }
  return [...offsets];
}

/**
 * The ways a file reaches hover, each giving the sample a file of its own in one index: with syntax
 * trees (files under the worker threshold), with position tables (large files), and with position
 * tables that crossed from the parse worker. Optimised code is specialised to the object shapes it
 * has seen; warmed on one kind only, it is thrown away at the first hover on another, and compiled
 * again then.
 */
const PARSE_WAYS: ReadonlyArray<[string, (text: string, start: number) => ParsedChunk]> = [
  ['small', ParsedChunk.parse],
  ['large', ParsedChunk.parseLean],
  ['worker', ParsedChunk.parseAsInWorker],
];

function sampleWorkspace(): SampleWorkspace {
  const index = new WorkspaceIndex();
  const files = PARSE_WAYS.map(([name, parse]) => {
    const file = parseFileWith(`shipshape-warmup:///${name}.yaml`, SAMPLE, parse);
    index.update(file);
    return file;
  });
  return { files, index, offsets: hoverOffsets(files) };
}

interface SampleWorkspace {
  files: ManifestFile[];
  index: WorkspaceIndex;
  /** Where hovers are asked, the same in every file. */
  offsets: number[];
}

/**
 * Hovers over every key and value of a built-in sample, `rounds` times, one file per macrotask
 * (≈100 hovers, a few milliseconds), stopping early once `stop()` says real work has begun. V8
 * optimises a function once it has run enough: without this, the hover path is optimised during
 * the user's first few hundred hovers, on background threads that then compete with the very
 * requests they are meant to speed up (on a 2-core machine, each compile job delayed the answers
 * around it by a scheduler slice: 1–5 ms, ten times a hover's own cost). Here it happens while
 * the editor is idle after start-up (its first round also reads every shipped version's schema, for
 * the versions line of a hover); the sample is dropped after. Resolves with the number of
 * hovers that had something to show.
 */
export function warmHoverPath(schemas: KubernetesSchemas, version: string, rounds = 30, stop: () => boolean = () => false): Promise<number> {
  let workspace: SampleWorkspace | undefined;
  let answered = 0;
  const hoverFile = (i: number) => {
    workspace ??= sampleWorkspace();
    const { files, index, offsets } = workspace;
    const file = files[i % files.length]!;
    // The request the hover handler makes, property for property (the same hidden class).
    for (const offset of offsets) if (hover({ file, offset, schemas, version, index, compose: undefined })) answered++;
  };
  return inIdleSlices(rounds * PARSE_WAYS.length, hoverFile, stop).then(() => answered);
}

/** For tests: the sample and its parsed files, with the offsets hovered in each. */
export const hoverWarmupSample = { text: SAMPLE, workspace: sampleWorkspace };
