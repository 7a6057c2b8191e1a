/**
 * Bounds on the work one file may cause, so that hostile or accidental input (huge files,
 * alias bombs, absurd nesting) costs bounded time and memory. Documented in the README.
 */
export const LIMITS = {
  /** Files larger than this (in UTF-16 characters, ≈ bytes for ASCII) are not validated. */
  maxFileChars: 5_000_000,
  /** Alias dereferences allowed when converting one document (the `yaml` library's guard). */
  maxAliasCount: 1_000,
  /** Nesting depth beyond which a document is not validated. */
  maxDepth: 200,
  /** Diagnostics reported per file; the rest are summarised in one more. */
  maxDiagnosticsPerFile: 1_000,
};
