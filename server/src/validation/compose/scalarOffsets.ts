import { Scalar } from 'yaml';

/**
 * Maps indices of a scalar's string value to offsets in the source text, so that a finding
 * about characters 5–9 of a value can be underlined exactly. Returns offsets for indices
 * 0..value.length (the last one is where the value ends), or undefined when the scalar's
 * source doesn't map one-to-one (block scalars, multi-line folding, anything unexpected):
 * callers then use the whole scalar.
 */
export function scalarIndexOffsets(text: string, node: Scalar): number[] | undefined {
  const value = node.value;
  if (typeof value !== 'string' || !node.range) return undefined;
  const [start, end] = node.range;
  const source = text.slice(start, end);
  switch (node.type) {
    case Scalar.PLAIN:
      return source === value ? Array.from({ length: value.length + 1 }, (_, i) => start + i) : undefined;
    case Scalar.QUOTE_SINGLE:
      return checked(value, decodeSingle(source, start));
    case Scalar.QUOTE_DOUBLE:
      return checked(value, decodeDouble(source, start));
    default:
      return undefined;
  }
}

interface Decoded {
  value: string;
  offsets: number[];
}

// Trust the mapping only if decoding reproduced the parser's value exactly.
function checked(value: string, decoded: Decoded | undefined): number[] | undefined {
  return decoded && decoded.value === value && decoded.offsets.length === value.length + 1 ? decoded.offsets : undefined;
}

function isQuoted(source: string, quote: string): boolean {
  return source.length >= 2 && source.startsWith(quote) && source.endsWith(quote) && !/[\r\n]/.test(source);
}

function decodeSingle(source: string, start: number): Decoded | undefined {
  if (!isQuoted(source, "'")) return undefined;
  let value = '';
  const offsets: number[] = [];
  for (let i = 1; i < source.length - 1; i++) {
    offsets.push(start + i);
    value += source[i];
    if (source[i] === "'") i++; // '' stands for one quote
  }
  offsets.push(start + source.length - 1);
  return { value, offsets };
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
  ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029',
};
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

function decodeDouble(source: string, start: number): Decoded | undefined {
  if (!isQuoted(source, '"')) return undefined;
  let value = '';
  const offsets: number[] = [];
  for (let i = 1; i < source.length - 1; i++) {
    const ch = source[i]!;
    if (ch !== '\\') {
      offsets.push(start + i);
      value += ch;
      continue;
    }
    const code = source[i + 1] ?? '';
    let decoded: string;
    let width = 2;
    if (code in SIMPLE_ESCAPES) decoded = SIMPLE_ESCAPES[code]!;
    else if (code in HEX_LENGTH) {
      const hex = source.slice(i + 2, i + 2 + HEX_LENGTH[code]!);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== HEX_LENGTH[code]) return undefined;
      decoded = String.fromCodePoint(parseInt(hex, 16));
      width += hex.length;
    } else return undefined;
    // Every UTF-16 unit the escape produces points at the backslash.
    for (let k = 0; k < decoded.length; k++) offsets.push(start + i);
    value += decoded;
    i += width - 1;
  }
  offsets.push(start + source.length - 1);
  return { value, offsets };
}
