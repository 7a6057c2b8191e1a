import { isRecord } from '../../documents/plainValues';
import { canonicalJson } from '../canonicalJson';

/**
 * The pod-template-hash: FNV-32a over the template (+ collisionCount as 8 little-endian bytes), the
 * decimal of the sum passed through `rand.SafeEncodeString`. Go hashes a struct dump we cannot
 * reproduce byte for byte, so we hash canonical JSON instead: the id is deterministic and opaque,
 * and identity is decided by semantic equality of templates anyway (reference §3.2).
 */

export const POD_TEMPLATE_HASH = 'pod-template-hash';

const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

export function fnv32a(bytes: Uint8Array): number {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return hash;
}

/** `rand.SafeEncodeString`: each character mapped through a vowel-free alphabet by its code. */
export function safeEncodeString(text: string): string {
  let out = '';
  for (const char of text) out += SAFE_ALPHABET[char.codePointAt(0)! % SAFE_ALPHABET.length];
  return out;
}

/** The template without the pod-template-hash label (what is hashed and what identity compares). */
export function withoutHashLabel(template: unknown): Record<string, unknown> {
  if (!isRecord(template)) return {};
  const metadata = isRecord(template.metadata) ? template.metadata : undefined;
  const labels = metadata && isRecord(metadata.labels) ? metadata.labels : undefined;
  if (!labels || !(POD_TEMPLATE_HASH in labels)) return template;
  const { [POD_TEMPLATE_HASH]: _dropped, ...rest } = labels;
  return { ...template, metadata: { ...metadata, labels: rest } };
}

export function templateHash(template: unknown, collisionCount?: number): string {
  const text = new TextEncoder().encode(canonicalJson(withoutHashLabel(template)));
  let bytes = text;
  if (collisionCount !== undefined) {
    bytes = new Uint8Array(text.length + 8);
    bytes.set(text);
    new DataView(bytes.buffer).setUint32(text.length, collisionCount >>> 0, true);
  }
  return safeEncodeString(String(fnv32a(bytes)));
}
