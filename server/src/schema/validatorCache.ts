import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { version as AJV_VERSION } from 'ajv/package.json';
import { canProvide, standaloneRequire } from './standaloneRuntime';

/** Bumped whenever what an entry holds, or how it is run, changes. */
const ENTRY_FORMAT = 'shipshape-validator-1';

/**
 * The key of a validator compiled from `parts` (the options, the schemas): a hash that also
 * covers ajv's version and the entry format, so code from another ajv or another schema is
 * never taken for this one.
 */
export function validatorKey(parts: Iterable<string>): string {
  const hash = createHash('sha256').update(`${ENTRY_FORMAT}\0${AJV_VERSION}`);
  for (const part of parts) hash.update('\0').update(part);
  return hash.digest('hex');
}

/**
 * Compiled validators kept on disk as ajv standalone code, so that a new process (an editor
 * start, a CI run) loads in milliseconds what an earlier one compiled: a Deployment's validator
 * takes 0.2–0.3 s to compile and about 10 ms to load. An entry is named by a stem (what it
 * validates) and accepted only when its key matches; a missing, stale, truncated or unreadable
 * entry is a miss, and a folder that cannot be written turns storing off: never an error.
 *
 * The code is run as the user, like the extension itself; the folder is the user's own (the
 * editor's storage for this extension, or the user cache folder), not a shared one.
 */
export class ValidatorCache {
  private writable = true;
  /** Entries loaded and stored so far (for tests, benchmarks and the log). */
  readonly stats = { hits: 0, misses: 0, stored: 0 };

  private listing?: string[];

  constructor(readonly dir: string) {}

  /** Whether any entry's stem starts with `prefix` (the folder is listed once: a hint, not a promise). */
  hasEntries(prefix: string): boolean {
    if (!this.listing) {
      try {
        this.listing = readdirSync(this.dir);
      } catch {
        this.listing = [];
      }
    }
    return this.listing.some((name) => name.startsWith(prefix) && name.endsWith('.js'));
  }

  /** The validator stored under `stem` for `key`, or undefined. */
  load(stem: string, key: string): ValidateFunction | undefined {
    const file = this.fileOf(stem, key);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      this.stats.misses++;
      return undefined;
    }
    const header = `// ${key}\n`;
    const footer = `\n// end ${key}\n`;
    // The footer proves the entry was written whole (entries are renamed into place, but a disk
    // can still lose the tail of a file).
    if (!text.startsWith(header) || !text.endsWith(footer)) return this.discard(file);
    const code = text.slice(header.length, text.length - footer.length);
    try {
      // An entry needing a module the bundle lacks fails here, when its code first requires it.
      const module: { exports: unknown } = { exports: {} };
      new Function('require', 'module', 'exports', code)(standaloneRequire, module, module.exports);
      const validate = module.exports;
      if (typeof validate !== 'function') return this.discard(file);
      this.stats.hits++;
      return validate as ValidateFunction;
    } catch {
      return this.discard(file);
    }
  }

  /** Stores standalone code under `stem` for `key`, replacing the entries of other keys of the same stem. */
  store(stem: string, key: string, code: string): void {
    if (!this.writable || !canProvide(code)) return;
    const file = this.fileOf(stem, key);
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileSync(temporary, `// ${key}\n${code}\n// end ${key}\n`);
      // A rename replaces atomically: another process reading meanwhile sees the old entry or the new one.
      renameSync(temporary, file);
      this.stats.stored++;
    } catch {
      this.writable = false;
      try {
        rmSync(temporary, { force: true });
      } catch {
        // nothing was written
      }
      return;
    }
    this.removeStale(stem, file);
  }

  private fileOf(stem: string, key: string): string {
    return join(this.dir, `${stem}.${key.slice(0, 16)}.js`);
  }

  private removeStale(stem: string, keep: string): void {
    try {
      for (const name of readdirSync(this.dir)) {
        const path = join(this.dir, name);
        if (path !== keep && name.startsWith(`${stem}.`) && name.endsWith('.js') && name.slice(stem.length + 1, -3).length === 16) rmSync(path, { force: true });
      }
    } catch {
      // stale entries only take room
    }
  }

  private discard(file: string): undefined {
    this.stats.misses++;
    try {
      rmSync(file, { force: true });
    } catch {
      // the next store replaces it
    }
    return undefined;
  }
}
