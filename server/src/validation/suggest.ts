/** Levenshtein distance, bounded: returns max + 1 as soon as the distance must exceed max. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * Candidates close enough to `word` to be what the user meant, best first: a case-insensitive
 * match wins, then the smallest edit distance within `max` (by default about a third of the word's length).
 */
export function closestMatches(word: string, candidates: readonly string[], limit = 3, max = Math.max(1, Math.floor(word.length / 3))): string[] {
  const lower = word.toLowerCase();
  const scored: Array<[number, string]> = [];
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const c = candidate.toLowerCase();
    const d = c === lower ? 0 : editDistance(lower, c, max);
    if (d <= max) scored.push([d, candidate]);
  }
  scored.sort((x, y) => x[0] - y[0] || x[1].localeCompare(y[1]));
  return scored.slice(0, limit).map(([, c]) => c);
}
