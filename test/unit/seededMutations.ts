/** A deterministic pseudo-random source: the same seed gives the same mutations on every run. */
export function seededRandom(seed: number): (n: number) => number {
  return (n) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
}

/** One to three random edits of a text: a deletion of up to 8 characters, or one of `inserts` put in. */
export function mutate(text: string, inserts: readonly string[], random: (n: number) => number): string {
  for (let m = 0; m <= random(3); m++) {
    const at = random(text.length + 1);
    text = random(4) === 0 ? text.slice(0, at) + text.slice(at + 1 + random(8)) : text.slice(0, at) + inserts[random(inserts.length)] + text.slice(at);
  }
  return text;
}
