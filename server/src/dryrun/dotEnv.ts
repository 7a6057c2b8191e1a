/**
 * Reads a Compose project's `.env` file: `KEY=value` lines, `export ` prefixes, `#` comments,
 * single quotes taken literally, double quotes with `\n`/`\"` escapes, and ` #` comments after
 * unquoted values. Lines that are not assignments are skipped (Compose reports them; the
 * validator is the place for that, not the dry run).
 */
export function parseDotEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim().replace(/^export\s+/, '');
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!match) continue;
    out[match[1]!] = unquote(match[2]!);
  }
  return out;
}

function unquote(value: string): string {
  if (value.startsWith("'")) {
    const end = value.indexOf("'", 1);
    return end > 0 ? value.slice(1, end) : value.slice(1);
  }
  if (value.startsWith('"')) {
    let out = '';
    for (let i = 1; i < value.length; i++) {
      const ch = value[i]!;
      if (ch === '"') break;
      if (ch === '\\' && i + 1 < value.length) {
        const next = value[++i]!;
        out += next === 'n' ? '\n' : next === 't' ? '\t' : next;
      } else out += ch;
    }
    return out;
  }
  const comment = value.search(/\s#/);
  return (comment >= 0 ? value.slice(0, comment) : value).trim();
}
