// Statistics and the Markdown the benchmark prints and writes to bench/results/.

/** Nearest-rank percentile (p in 0..1) of a list of numbers. */
export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

export const median = (values) => percentile(values, 0.5);

export function ms(value) {
  if (value === undefined || value === null || Number.isNaN(value)) return '—';
  if (value >= 100) return `${Math.round(value)} ms`;
  if (value >= 10) return `${value.toFixed(1)} ms`;
  return `${value.toFixed(2)} ms`;
}

const ratio = (a, b) => (a === undefined || b === undefined || !b ? '—' : `${(a / b).toFixed(2)}×`);
const mib = (value) => (value === undefined || Number.isNaN(value) ? '—' : `${Math.round(value)} MiB`);
const editCell = (run) => (run ? `${ms(run.editP50)} / ${ms(run.editP95)}` : '—');

function table(header, rows) {
  const align = header.map((_, i) => (i === 0 ? '---' : '---:'));
  return [header, align, ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** The side-by-side table, one row per size. */
export function sizesTable(sizes) {
  const header = [
    'K8s docs', 'ours cold', 'ours cold, first start', 'ours warm', 'ours warm, new text', 'ours edit p50 / p95',
    'YLS cold', 'YLS warm', 'YLS edit p50 / p95', 'bare parse',
    'ours/YLS warm', 'ours/bare (warm)', 'ours/bare (warm, new text)', 'RSS ours', 'RSS YLS',
  ];
  const rows = sizes.map(({ docs, floor, ours, yls }) => [
    docs.toLocaleString('en-US'),
    ms(ours.coldMs), ms(ours.coldFirstMs), ms(ours.warmMs), ms(ours.warmNewMs), editCell(ours),
    ms(yls?.coldMs), ms(yls?.warmMs), editCell(yls), ms(floor.parseMs),
    ratio(ours.warmMs, yls?.warmMs), ratio(ours.warmMs, floor.parseMs), ratio(ours.warmNewMs, floor.parseMs),
    mib(ours.peakRssMiB), mib(yls?.peakRssMiB),
  ]);
  return table(header, rows);
}

export function corpusTable(corpus) {
  const rows = Object.entries(corpus).map(([server, run]) => [
    server,
    String(run.files),
    ms(run.ms),
    String(run.diagnostics),
    String(run.filesWithDiagnostics),
    mib(run.peakRssMiB),
  ]);
  return table(['server', 'files', 'open all → all diagnostics (cold)', 'diagnostics', 'files with diagnostics', 'peak RSS'], rows);
}

/**
 * The project's targets at 1,000 documents: open→diagnostics ≤ 1/3 of YLS's and ≤ 2× the bare parse.
 * Checked for each kind of open, since ours serves unchanged documents from a text-keyed cache.
 */
export function targetLines(sizes) {
  const at = sizes.find((s) => s.docs === 1000);
  if (!at) return ['Targets are defined at 1,000 documents: run with that size to check them.'];
  const { ours, yls, floor } = at;
  const lines = [];
  const verdict = (ok) => (ok ? 'met' : 'NOT met');
  const opens = [
    ['cold', ours.coldMs, yls?.coldMs],
    ...(ours.coldFirstMs === undefined ? [] : [['cold, first start (empty validator cache)', ours.coldFirstMs, yls?.coldMs]]),
    ['warm (same text)', ours.warmMs, yls?.warmMs],
    ['warm (new text)', ours.warmNewMs, yls?.warmNewMs ?? yls?.warmMs], // like with like: YLS's open of the same new texts
  ];
  for (const [label, oursMs, ylsMs] of opens) {
    if (ylsMs !== undefined) {
      lines.push(`- ${label}: ours ${ms(oursMs)} ≤ 1/3 of YLS ${ms(ylsMs)} (${ms(ylsMs / 3)}): ${verdict(oursMs <= ylsMs / 3)} (ratio ${ratio(oursMs, ylsMs)})`);
    }
    lines.push(`- ${label}: ours ${ms(oursMs)} ≤ 2× bare parse ${ms(floor.parseMs)} (${ms(2 * floor.parseMs)}): ${verdict(oursMs <= 2 * floor.parseMs)} (ratio ${ratio(oursMs, floor.parseMs)})`);
  }
  return lines;
}
