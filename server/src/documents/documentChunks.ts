/**
 * Splits a YAML stream into the text spans of its documents, at lines that start with `---`.
 * YAML forbids a line starting with `---` inside any content (it ends block scalars and is an
 * error in flow scalars), so the split never cuts a node. Directives (`%YAML`) bind to the next
 * document, so a stream that has any is kept whole.
 */
export function documentChunks(text: string): Array<[number, number]> {
  if (/^%/m.test(text)) return [[0, text.length]];
  const starts = [0];
  const marker = /^---(?=[ \t\r\n]|$)/gm;
  for (let m = marker.exec(text); m; m = marker.exec(text)) if (m.index > 0) starts.push(m.index);
  return starts.map((start, i) => [start, i + 1 < starts.length ? starts[i + 1]! : text.length]);
}
