/**
 * Kubernetes resource quantities (`500m`, `1Gi`, `1e3`): parsing, comparison by value, and the
 * canonical form the API server stores (`0.5` → `500m`, `1024Mi` → `1Gi`, `1000m` → `1`).
 * Values are kept exactly as a count of nano-units; finer precision rounds away from zero, as upstream.
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** The value × 10⁹. */
  nano: bigint;
  /** How the value was written; it decides the canonical suffix family. */
  format: QuantityFormat;
}

const PATTERN = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;
const DECIMAL_EXPONENTS: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY_POWERS: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_SUFFIXES: Record<number, string> = { [-9]: 'n', [-6]: 'u', [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
const BINARY_SUFFIXES = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'];
const NANO = 10n ** 9n;

/** Parses a quantity written as a string or a JSON number; undefined when it is not one. */
export function parseQuantity(value: unknown): Quantity | undefined {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    value = String(value);
  }
  if (typeof value !== 'string') return undefined;
  const match = PATTERN.exec(value.trim());
  if (!match) return undefined;
  const [, sign, number, suffix = ''] = match;
  const [whole = '', fraction = ''] = number!.split('.');
  let mantissa = BigInt((whole + fraction) || '0');
  let scale = 9 - fraction.length; // nano = mantissa × 10^scale × multiplier
  let format: QuantityFormat = 'DecimalSI';
  if (suffix in BINARY_POWERS) {
    mantissa *= 1024n ** BigInt(BINARY_POWERS[suffix]!);
    format = 'BinarySI';
  } else if (suffix[0] === 'e' || suffix[0] === 'E') {
    scale += Number(suffix.slice(1));
    format = 'DecimalExponent';
  } else {
    scale += DECIMAL_EXPONENTS[suffix]!;
  }
  // Exponents this far out are not quantities a server accepts, and would cost unbounded arithmetic.
  if (Math.abs(scale) > 64) return undefined;
  const nano = scale >= 0 ? mantissa * 10n ** BigInt(scale) : divideAwayFromZero(mantissa, 10n ** BigInt(-scale));
  return { nano: sign === '-' ? -nano : nano, format };
}

function divideAwayFromZero(value: bigint, divisor: bigint): bigint {
  const quotient = value / divisor;
  return value % divisor === 0n ? quotient : quotient + 1n;
}

/** The canonical string the API server stores for a quantity value; undefined when it is not one. */
export function canonicalQuantity(value: unknown): string | undefined {
  const quantity = parseQuantity(value);
  return quantity && formatQuantity(quantity);
}

export function formatQuantity({ nano, format }: Quantity): string {
  if (nano === 0n) return '0';
  const negative = nano < 0n;
  const magnitude = negative ? -nano : nano;
  const sign = negative ? '-' : '';
  // Binary form only for whole values of at least 1Ki; anything else reads better (and exactly) in decimal.
  if (format === 'BinarySI' && magnitude >= 1024n * NANO && magnitude % NANO === 0n) {
    let amount = magnitude / NANO;
    let power = 0;
    while (power < BINARY_SUFFIXES.length - 1 && amount % 1024n === 0n) {
      amount /= 1024n;
      power++;
    }
    return sign + amount.toString() + BINARY_SUFFIXES[power];
  }
  let amount = magnitude;
  let exponent = -9;
  while (amount % 10n === 0n) {
    amount /= 10n;
    exponent++;
  }
  const down = ((exponent % 3) + 3) % 3; // lower to a multiple of three, as AsCanonicalBytes does
  amount *= 10n ** BigInt(down);
  exponent -= down;
  let suffix = format === 'DecimalExponent' ? (exponent === 0 ? '' : `e${exponent}`) : DECIMAL_SUFFIXES[exponent];
  if (suffix === undefined) suffix = `e${exponent}`;
  return sign + amount.toString() + suffix;
}

/** Compares two quantities by value: negative, zero or positive; undefined when either is not a quantity. */
export function compareQuantities(a: unknown, b: unknown): number | undefined {
  const left = parseQuantity(a);
  const right = parseQuantity(b);
  if (!left || !right) return undefined;
  return left.nano < right.nano ? -1 : left.nano > right.nano ? 1 : 0;
}

/** Semantic equality of quantities (`1Gi` = `1024Mi`, `0.5` = `500m`). */
export function quantitiesEqual(a: unknown, b: unknown): boolean {
  return compareQuantities(a, b) === 0;
}

/** The value as a JavaScript number (approximate for huge values), e.g. for scheduling arithmetic. */
export function quantityValue(value: unknown): number | undefined {
  const quantity = parseQuantity(value);
  return quantity && Number(quantity.nano) / 1e9;
}
