import { RE2JS } from 're2js';

/**
 * The regular-expression engine for schemas we did not write (CRDs): RE2 semantics, like the
 * Go regexp the API server uses, and linear time, so a pattern such as ^(a+)+$ cannot hang us.
 * Shaped as ajv's `code.regExp` option expects.
 */
export const linearRegExp = Object.assign(
  (pattern: string, flags: string) => {
    const compiled = RE2JS.compile(pattern, flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
    return { test: (input: string) => compiled.test(input) };
  },
  { code: 'linearRegExp' },
);
