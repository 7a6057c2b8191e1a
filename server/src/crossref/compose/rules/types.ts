import type { Severity } from '../../../documents/diagnostic';
import { closestMatches } from '../../../validation/suggest';
import type { ComposeProject } from '../composeProject';
import type { Origin, YEntry } from '../tree';

/** The other side of a finding: a declaration, a close name, the other half of a conflict. */
export interface Related {
  at: Origin;
  sub?: [number, number];
  message: string;
}

/** What a rule reports, placed on the origin of the reference (any file of the project). */
export interface Finding {
  code: string;
  severity: Severity;
  message: string;
  at: Origin;
  sub?: [number, number];
  related?: Related[];
  /** The service whose (merged) definition holds the reference. */
  service?: string;
  /**
   * For references to something undeclared: what is missing (`network "front"`). Such findings
   * are withheld when part of the project could not be read, and, when the reference came
   * from another file through `extends`, reported at the `extends` as extends-dangling-resources.
   */
  missing?: string;
}

export interface RuleContext {
  /** Whether a file or folder exists (recorded as a dependency of the file). */
  exists(uri: string): boolean;
}

export type Rule = (project: ComposeProject, context: RuleContext) => Finding[];

export function quote(name: string): string {
  return JSON.stringify(name);
}

/**
 * A finding for an undeclared name, with "did you mean" and the candidate's declaration as
 * related information when a declared name is close.
 */
export function undeclared(
  base: Omit<Finding, 'related' | 'missing'> & { missing: string },
  name: string,
  candidates: YEntry[],
  noun: string,
): Finding {
  const [best] = closestMatches(name, candidates.map((c) => c.key), 1);
  const candidate = best === undefined ? undefined : candidates.find((c) => c.key === best);
  if (!candidate) return base;
  return {
    ...base,
    message: `${base.message}; did you mean ${quote(candidate.key)}?`,
    related: [{ at: candidate.origins[0]!, message: `${noun} ${quote(candidate.key)} is declared here` }],
  };
}
