/** IPv4/IPv6 addresses and subnets, enough to tell whether a static address fits a network's subnet. */

export interface Address {
  family: 4 | 6;
  value: bigint;
}

function parseV4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(Number(part));
  }
  return value;
}

function parseV6(text: string): bigint | undefined {
  let body = text.replace(/%.*$/, ''); // zone index
  const lastColon = body.lastIndexOf(':');
  if (body.includes('.') && lastColon >= 0) {
    // an embedded IPv4 address stands for the last two groups
    const v4 = parseV4(body.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    body = `${body.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = body.split('::');
  if (halves.length > 2) return undefined;
  const groups = (s: string): bigint[] | undefined => {
    if (s === '') return [];
    const out: bigint[] = [];
    for (const g of s.split(':')) {
      if (!/^[0-9a-f]{1,4}$/i.test(g)) return undefined;
      out.push(BigInt(parseInt(g, 16)));
    }
    return out;
  };
  const head = groups(halves[0]!);
  const rest = halves.length === 2 ? groups(halves[1]!) : [];
  if (!head || !rest) return undefined;
  const count = head.length + rest.length;
  if (halves.length === 1 ? count !== 8 : count > 7) return undefined;
  return [...head, ...Array<bigint>(8 - count).fill(0n), ...rest].reduce((acc, g) => (acc << 16n) | g, 0n);
}

export function parseAddress(text: string): Address | undefined {
  const trimmed = text.trim();
  const v4 = parseV4(trimmed);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = trimmed.includes(':') ? parseV6(trimmed) : undefined;
  return v6 === undefined ? undefined : { family: 6, value: v6 };
}

export interface Subnet {
  family: 4 | 6;
  base: bigint;
  prefix: number;
}

export function parseSubnet(text: string): Subnet | undefined {
  const [address, bits, extra] = text.trim().split('/');
  if (extra !== undefined || bits === undefined || !/^\d{1,3}$/.test(bits)) return undefined;
  const parsed = parseAddress(address!);
  const prefix = Number(bits);
  if (!parsed || prefix > (parsed.family === 4 ? 32 : 128)) return undefined;
  return { family: parsed.family, base: parsed.value, prefix };
}

export function contains(subnet: Subnet, address: Address): boolean {
  if (subnet.family !== address.family) return false;
  const width = BigInt(subnet.family === 4 ? 32 : 128);
  const shift = width - BigInt(subnet.prefix);
  return subnet.base >> shift === address.value >> shift;
}
