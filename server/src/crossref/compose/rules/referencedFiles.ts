import type { Severity } from '../../../documents/diagnostic';
import type { ComposeProject } from '../composeProject';
import { asScalar, entries, get, isFalse, items, str } from '../model';
import type { YNode } from '../tree';
import { asDir, isRemote, resolvePath, trimSlash } from '../uris';
import { quote, type Finding, type RuleContext } from './types';

/**
 * CX-FIL-001 referenced-file-missing: files the project reads. The loader fails on a missing
 * `env_file` (unless `required: false`), `label_file` or `include` path (Error); a missing build
 * context, Dockerfile or secret/config `file` fails later, at build or container creation
 * (Warning). Paths resolve against the project directory of the file that writes them; remote
 * contexts, `~` and Windows paths are not checked. (`extends.file` is extends-target-missing.)
 */
export function referencedFileMissing(project: ComposeProject, context: RuleContext): Finding[] {
  const out: Finding[] = [];
  const check = (node: YNode | undefined, what: string, severity: Severity, service?: string, dir?: string): string | undefined => {
    const path = str(node);
    if (!node || !path || isRemote(path)) return undefined;
    const uri = resolvePath(path, dir ?? node.origin.src.dir);
    if (!uri) return undefined;
    if (context.exists(trimSlash(uri))) return uri;
    out.push({ code: 'referenced-file-missing', severity, at: node.origin, ...(service ? { service } : {}), message: `${what} ${quote(path)} does not exist` });
    return undefined;
  };

  for (const service of project.services) {
    for (const item of items(get(service.node, 'env_file'))) {
      if (asScalar(item)) check(item, 'env_file', 'error', service.name);
      else if (!isFalse(get(item, 'required'))) check(get(item, 'path'), 'env_file', 'error', service.name);
    }
    for (const item of items(get(service.node, 'label_file'))) check(item, 'label_file', 'error', service.name);
    const build = get(service.node, 'build');
    const contextNode = get(build, 'context');
    // Without a context Compose builds the project directory, which exists.
    const contextUri = contextNode ? check(contextNode, 'build context', 'warning', service.name) : build?.origin.src.dir;
    const dockerfile = get(build, 'dockerfile');
    if (contextUri && dockerfile && !get(build, 'dockerfile_inline')) check(dockerfile, 'Dockerfile', 'warning', service.name, asDir(contextUri));
  }

  for (const kind of ['secrets', 'configs'] as const) {
    for (const declared of entries(get(project.root, kind))) check(get(declared.value, 'file'), `${kind.slice(0, -1)} file`, 'warning');
  }

  for (const include of project.includes) {
    if (!include.found) out.push({ code: 'referenced-file-missing', severity: 'error', at: include.at, message: `included file ${quote(include.path)} does not exist` });
  }
  return out;
}
