import type { WhileWorkerParses } from '../documents/parseAsync';
import { isRecord } from '../documents/plainValues';
import type { KubernetesSchemas } from './kubernetesSchemas';

/** This thread's share of a large file when validators must be compiled: the compiles take the rest of its time. */
const COLD_SHARE = 0.37;
const WARM_SHARE = 0.5;

/**
 * While the worker parses part of a large file, compile the validators for the kinds this thread
 * has parsed so far (a Deployment's takes a few hundred milliseconds, once): validation would
 * compile them next anyway, after both threads are done. When nothing is compiled yet and the
 * validator cache has nothing to load, this thread takes a smaller share of the text, so that the
 * compiles fit in the worker's time.
 */
export function compileValidatorsWhileParsing(schemas: KubernetesSchemas, versionOf: (uri: string) => Promise<string>): (uri: string) => WhileWorkerParses {
  return (uri) => ({
    share: schemas.validatorsReady() ? WARM_SHARE : COLD_SHARE,
    async work(values) {
      const version = schemas.forVersion(await versionOf(uri));
      const seen = new Set<string>();
      for (const value of values) {
        if (!isRecord(value) || typeof value.apiVersion !== 'string' || typeof value.kind !== 'string') continue;
        const key = `${value.apiVersion}/${value.kind}`;
        if (seen.has(key)) continue;
        seen.add(key);
        version.validator(value.apiVersion, value.kind);
      }
    },
  });
}
