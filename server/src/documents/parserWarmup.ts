import { parseChunkLean } from './chunkParser';
import { documentChunks } from './documentChunks';
import { inIdleSlices } from '../idleSlices';

// A few typical documents: enough for V8 to collect type feedback on the block scanner, and on
// the lexer, the parser and the token walk (half of them have a folded scalar, which the scanner
// leaves to those) before the first real file arrives, little enough to take a few milliseconds.
const SAMPLE = Array.from({ length: 8 }, (_, i) =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    `metadata: {name: warm-${i}, labels: {app: warm}}`,
    'spec:',
    '  replicas: 2',
    '  template:',
    '    spec:',
    '      containers:',
    '        - name: app',
    `          image: "registry.example.com/warm:${i}"`,
    '          args: [--port, "8080"]',
    '          env:',
    '            - name: MODE',
    ...(i % 2 ? ['              value: >-', '                folded text'] : ['              value: plain']),
    '# a comment',
    '',
  ].join('\n'),
).join('---\n');
const CHUNKS = documentChunks(SAMPLE).map(([from, to]) => ({ text: SAMPLE.slice(from, to), start: from }));

/**
 * Parses the sample `rounds` times, one round per macrotask so that real work arriving meanwhile
 * waits for one round at most; stops early once `stop()` says real work has begun. The first
 * rounds run 5–10× slower than later ones: this is the cost a first large file would pay.
 */
export function warmParser(rounds = 20, stop: () => boolean = () => false): void {
  void inIdleSlices(rounds, () => {
    for (const { text, start } of CHUNKS) parseChunkLean(text, start);
  }, stop);
}
