import { containersOf, list } from '../containers';
import { isRecord } from '../k8sObject';
import type { K8sRule, RuleFinding } from '../ruleContext';

/** The `$(NAME)` references of a value, skipping `$$` escapes (§2.6). */
export function variableReferences(value: string): string[] {
  const out: string[] = [];
  for (const match of value.matchAll(/\$(\$|\(([^)]*)\))/g)) if (match[2] !== undefined) out.push(match[2]);
  return out;
}

/**
 * duplicate-env-var: a later `env` entry hides an earlier one of the same name (the API server
 * warns; apply may drop it) — except when its literal value expands the earlier one, like
 * `$(PATH):/extra` (K8s: `{Name: "b", Value: "$(b) $(b)"} // no warning`), but not exactly `$(PATH)`.
 */
export const duplicateEnvVar: K8sRule = {
  name: 'duplicate-env-var',
  severity: 'warning',
  check(object) {
    const out: RuleFinding[] = [];
    for (const template of object.podTemplates) {
      for (const at of containersOf(template)) {
        const first = new Map<string, number>();
        list(at.container.env).forEach((env, e) => {
          if (!isRecord(env) || typeof env.name !== 'string') return;
          const earlier = first.get(env.name);
          if (earlier === undefined) return void first.set(env.name, e);
          // Exactly the API server's test (pkg/api/pod/warnings.go): no valueFrom, not exactly $(X), contains $(X).
          const ref = `$(${env.name})`;
          const value = typeof env.value === 'string' ? env.value : '';
          if (env.valueFrom === undefined && value !== ref && value.includes(ref)) return;
          out.push({
            path: [...at.path, 'env', e, 'name'],
            message: `Container "${at.name ?? '?'}" defines ${env.name} twice; this entry hides the earlier one, which may be dropped when using apply.`,
            related: [{ object, path: [...at.path, 'env', earlier, 'name'], message: `first definition of ${env.name}` }],
          });
        });
      }
    }
    return out;
  },
};

// Service links inject `<SVC>_SERVICE_HOST`, `<SVC>_PORT_80_TCP_ADDR`, … into every container's environment.
const SERVICE_LINK = /_(SERVICE_HOST|SERVICE_PORT(_\w+)?|PORT(_\d+_(TCP|UDP|SCTP)(_(PROTO|PORT|ADDR))?)?)$/;

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const UPPER_NAME = /^[A-Z_][A-Z0-9_]*$/;

/** env-dependent-var-undefined: `$(X)` stays literal unless X is defined earlier in the container's env. */
export const envDependentVarUndefined: K8sRule = {
  name: 'env-dependent-var-undefined',
  severity: 'hint',
  check(object) {
    const out: RuleFinding[] = [];
    for (const template of object.podTemplates) {
      for (const at of containersOf(template)) {
        // envFrom keys are unknown here (a ConfigMap's or Secret's data).
        if (list(at.container.envFrom).length > 0) continue;
        const env = list(at.container.env).filter(isRecord);
        const all = new Set(env.map((e) => String(e.name)));
        const report = (value: unknown, path: RuleFinding['path'], defined: Set<string>, name: RegExp) => {
          if (typeof value !== 'string') return;
          const missing = variableReferences(value).filter((v) => name.test(v) && !defined.has(v) && !SERVICE_LINK.test(v));
          if (missing.length) out.push({ path, message: `$(${missing[0]}) is not defined ${defined === all ? 'in' : 'earlier in'} container "${at.name ?? '?'}"'s env, so it stays literally "$(${missing[0]})".` });
        };
        const earlier = new Set<string>();
        list(at.container.env).forEach((e, i) => {
          if (!isRecord(e)) return;
          report(e.value, [...at.path, 'env', i, 'value'], earlier, ENV_NAME);
          earlier.add(String(e.name));
        });
        // In commands, `$(hostname)` is usually shell command substitution: only upper-case names look like variables.
        for (const field of ['command', 'args']) list(at.container[field]).forEach((arg, i) => report(arg, [...at.path, field, i], all, UPPER_NAME));
      }
    }
    return out;
  },
};
