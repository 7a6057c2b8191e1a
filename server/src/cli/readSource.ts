import { readFileSync, statSync } from 'node:fs';
import { LIMITS } from '../documents/limits';
import type { Severity } from '../documents/diagnostic';

/** A file's text, or why it has none: a finding on the file (bad encoding, too large) or an I/O error. */
export type SourceText =
  | { kind: 'text'; text: string }
  | { kind: 'finding'; severity: Severity; code: string; message: string }
  | { kind: 'io-error'; message: string };

// UTF-8 needs at most 3 bytes per UTF-16 code unit, so a file of more bytes than this is surely
// over the engine's character limit: it is reported without being read into memory at all.
const MAX_BYTES_READ = 3 * LIMITS.maxFileChars;

function decodes(bytes: Uint8Array): boolean {
  try {
    // `stream: true`: a prefix that ends inside a multi-byte character is not an error.
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Offset of the byte at which decoding first fails (binary search over prefixes: validity is monotone). */
function firstInvalidByte(bytes: Uint8Array): number {
  let good = 0;
  let bad = bytes.length;
  while (bad - good > 1) {
    const mid = (good + bad) >>> 1;
    if (decodes(bytes.subarray(0, mid))) good = mid;
    else bad = mid;
  }
  return bad - 1;
}

function invalidUtf8(bytes: Uint8Array): SourceText {
  const offset = firstInvalidByte(bytes);
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return {
    kind: 'finding',
    severity: 'error',
    code: 'invalid-encoding',
    message: `File not validated: it is not valid UTF-8 (first invalid byte on line ${line}, byte offset ${offset}). Save it as UTF-8, the encoding Kubernetes and Compose read YAML in.`,
  };
}

/**
 * Reads a file as YAML tools do: UTF-8, byte-order mark dropped. Invalid UTF-8 becomes one clear
 * finding instead of replacement characters that would produce confusing schema errors.
 */
export function readSource(absolute: string): SourceText {
  let bytes: Buffer;
  try {
    const size = statSync(absolute).size;
    if (size > MAX_BYTES_READ) {
      return {
        kind: 'finding',
        severity: 'information',
        code: 'file-too-large',
        message: `File not validated: ${(size / 1e6).toFixed(1)} MB is over the ${LIMITS.maxFileChars / 1e6} MB limit for validation.`,
      };
    }
    bytes = readFileSync(absolute);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'ENOENT' ? 'no such file' : (error as Error).message;
    return { kind: 'io-error', message: reason };
  }

  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return {
      kind: 'finding',
      severity: 'error',
      code: 'invalid-encoding',
      message: 'File not validated: it is UTF-16 encoded (it starts with a UTF-16 byte-order mark). Save it as UTF-8.',
    };
  }
  // NUL bytes mean a binary file: the engine reports those itself, whatever the bytes decode to.
  if (bytes.includes(0)) return { kind: 'text', text: new TextDecoder('utf-8').decode(bytes) };
  try {
    return { kind: 'text', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return invalidUtf8(bytes);
  }
}
