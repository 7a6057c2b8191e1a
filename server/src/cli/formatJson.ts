import type { Finding } from './finding';

/**
 * The JSON contract of DESIGN.md: one array of
 * `{file, range, severity, code, message, related: [{file, range, message}]}`, 0-based ranges.
 * Keys are written in that order and `related` is always present, so consumers need no guards.
 */
export function formatJson(findings: readonly Finding[]): string {
  const out = findings.map((f) => ({
    file: f.file,
    range: f.range,
    severity: f.severity,
    code: f.code,
    message: f.message,
    related: f.related.map((r) => ({ file: r.file, range: r.range, message: r.message })),
  }));
  return JSON.stringify(out) + '\n';
}
