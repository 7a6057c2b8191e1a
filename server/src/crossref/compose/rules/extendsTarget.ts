import type { ComposeProject } from '../composeProject';
import { entries } from '../model';
import { quote, undeclared, type Finding } from './types';

/**
 * CX-EXT-001 extends-target-missing: the problems the loader met resolving `extends` — the
 * base service is not in the same file (or in `file`), `file` does not exist, or services
 * extend each other in a circle. Compose refuses all three. (CX-EXT-002 extends-dangling-resources
 * is produced where findings are placed: see placement.ts.)
 */
export function extendsTargetMissing(project: ComposeProject): Finding[] {
  return project.extendsProblems.map((p): Finding => {
    const head = `cannot extend service ${quote(p.service)}`;
    const base = { code: 'extends-target-missing', severity: 'error' as const, at: p.at, service: p.service };
    switch (p.kind) {
      case 'file-missing':
        return { ...base, message: `${head}: file ${quote(p.file ?? '')} not found` };
      case 'cycle':
        return { ...base, message: `circular reference with extends: ${(p.chain ?? []).join(' -> ')}` };
      case 'service-missing': {
        const where = p.file === undefined ? 'in this file' : `in ${quote(p.file)}`;
        const finding = { ...base, message: `${head}: service ${quote(p.base)} not found ${where}` };
        return undeclared({ ...finding, missing: `service ${quote(p.base)}` }, p.base, entries(p.candidates), 'service');
      }
    }
  });
}
