function isWordStart(text: string, i: number): boolean {
  if (i === 0) return true;
  const before = text[i - 1]!;
  const here = text[i]!;
  if (!/[A-Za-z0-9]/.test(before)) return true; // after `-`, `.`, `/`, ` `…
  return /[a-z0-9]/.test(before) && /[A-Z]/.test(here); // camelCase hump
}

/**
 * How well a query matches a label as a subsequence, ignoring case, the way editors filter
 * symbols ("dpweb" finds "Deployment web"): undefined when it does not match, higher when the
 * matched characters start words, follow each other, or agree in case, and most for the
 * whole label. An empty query matches
 * everything with score 0.
 */
export function fuzzyScore(query: string, label: string): number | undefined {
  if (!query) return 0;
  const q = query.toLowerCase();
  const t = label.toLowerCase();
  let score = 0;
  let from = 0;
  let previous = -2;
  for (let i = 0; i < q.length; i++) {
    const c = q[i]!;
    if (c === ' ') continue; // "dep web" matches "Deployment web" as "depweb" would
    const j = t.indexOf(c, from);
    if (j < 0) return undefined;
    score += 1;
    if (isWordStart(label, j)) score += 4;
    if (j === previous + 1) score += 3;
    if (query[i] === label[j]) score += 1;
    previous = j;
    from = j + 1;
  }
  if (t === q) score += 16;
  else if (t.startsWith(q)) score += 8;
  else if (t.includes(q)) score += 4;
  return score;
}
