// Where the time of some functions goes, from a `node --cpu-prof` profile of the bundled server
// (e.g. written by `node bench/editorBench.mjs --cpu-prof DIR`): for each root, the time of the
// samples that have it on their stack, and the functions that time was spent in (self time),
// named by their TypeScript source through the bundle's source map.
//
//   node bench/cpuProfileSummary.mjs FILE.cpuprofile [--root REGEX]... [--top 25] [--depth 2]
//
// --depth N: also the inclusive time of the call paths N frames deep below each root (which callee
// of the root the time is spent under).
//
// A root is a regular expression over "name (source:line)"; by default the completion and hover
// entry points and the editor-feature handlers.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DEFAULT_ROOTS = ['^complete\\d* \\(.*completion/complete\\.ts', '^hover\\d* \\(.*hover/hover\\.ts', 'handlers/editorFeatures\\.ts'];

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes a source map's `mappings` into, per generated line, sorted [column, source, line] segments. */
function decodeMappings(map) {
  const digits = new Map([...BASE64].map((c, i) => [c, i]));
  const lines = [];
  let source = 0;
  let srcLine = 0;
  let srcCol = 0;
  let name = 0;
  for (const lineText of map.mappings.split(';')) {
    const segments = [];
    let col = 0;
    for (const segment of lineText.split(',')) {
      if (!segment) continue;
      const values = [];
      let value = 0;
      let shift = 0;
      for (const c of segment) {
        const d = digits.get(c);
        value += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += values[0];
      if (values.length >= 4) {
        source += values[1];
        srcLine += values[2];
        srcCol += values[3];
        if (values.length >= 5) name += values[4];
        segments.push([col, source, srcLine]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

/** (generated line, column) → "source:line", through the source map beside a bundle. */
function sourceMapper() {
  const maps = new Map();
  return (url, line, column) => {
    if (!url.startsWith('file://')) return undefined;
    const path = fileURLToPath(url);
    if (!maps.has(path)) {
      const mapPath = `${path}.map`;
      const map = existsSync(mapPath) ? JSON.parse(readFileSync(mapPath, 'utf8')) : undefined;
      maps.set(path, map && { sources: map.sources, lines: decodeMappings(map) });
    }
    const map = maps.get(path);
    const segments = map?.lines[line];
    if (!segments?.length) return undefined;
    let best = segments[0];
    for (const s of segments) if (s[0] <= column) best = s;
    return `${map.sources[best[1]].replace(/^(\.\.\/)+/, '')}:${best[2] + 1}`;
  };
}

function parseArgs(argv) {
  const opts = { file: undefined, roots: [], top: 25, depth: 0 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--root') opts.roots.push(argv[++i]);
    else if (argv[i] === '--top') opts.top = Number(argv[++i]);
    else if (argv[i] === '--depth') opts.depth = Number(argv[++i]);
    else opts.file = argv[i];
  }
  if (!opts.file) throw new Error('usage: node bench/cpuProfileSummary.mjs FILE.cpuprofile [--root REGEX]... [--top N]');
  if (opts.roots.length === 0) opts.roots = DEFAULT_ROOTS;
  return opts;
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const profile = JSON.parse(readFileSync(opts.file, 'utf8'));
  const mapped = sourceMapper();
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const labels = new Map();
  const label = (id) => {
    if (!labels.has(id)) {
      const { functionName, url, lineNumber, columnNumber } = nodes.get(id).callFrame;
      const where = mapped(url, lineNumber, columnNumber) ?? (url ? `${url.replace(/^.*\//, '')}:${lineNumber + 1}` : '');
      labels.set(id, `${functionName || '(anonymous)'}${where ? ` (${where})` : ''}`);
    }
    return labels.get(id);
  };

  // Sample durations: timeDeltas[i] is the time before sample i; sample i lasts until the next.
  const { samples, timeDeltas } = profile;
  const durations = samples.map((_, i) => (timeDeltas[i + 1] ?? 0) / 1000);
  const total = durations.reduce((a, b) => a + b, 0);
  console.log(`${opts.file}: ${(total / 1000).toFixed(2)} s sampled, ${samples.length} samples`);

  for (const root of opts.roots) {
    const pattern = new RegExp(root);
    const self = new Map();
    const paths = new Map();
    let inclusive = 0;
    samples.forEach((id, i) => {
      const stack = [];
      for (let at = id; at !== undefined; at = parent.get(at)) {
        if (pattern.test(label(at))) {
          inclusive += durations[i];
          const leaf = label(id);
          self.set(leaf, (self.get(leaf) ?? 0) + durations[i]);
          if (opts.depth > 0) {
            const path = stack.reverse().slice(0, opts.depth).join('  →  ') || '(self)';
            paths.set(path, (paths.get(path) ?? 0) + durations[i]);
          }
          return;
        }
        stack.push(label(at));
      }
    });
    console.log(`\n## ${root}: ${inclusive.toFixed(1)} ms inclusive`);
    const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, opts.top);
    for (const [leaf, t] of rows) console.log(`  ${t.toFixed(1).padStart(8)} ms  ${((100 * t) / (inclusive || 1)).toFixed(1).padStart(5)}%  ${leaf}`);
    if (opts.depth > 0) {
      console.log(`  -- by call path below the root (${opts.depth} deep), inclusive:`);
      const byPath = [...paths].sort((a, b) => b[1] - a[1]).slice(0, opts.top);
      for (const [path, t] of byPath) console.log(`  ${t.toFixed(1).padStart(8)} ms  ${((100 * t) / (inclusive || 1)).toFixed(1).padStart(5)}%  ${path}`);
    }
  }
}

main();
