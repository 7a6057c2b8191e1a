import type { ManifestFile } from '../../documents/manifestFile';
import type { ComposeWorkspace } from './workspace';
import { merge, strip } from './merge';
import { toTree, type Origin, type Source, type YMap } from './tree';
import { applyInclude } from './include';
import { ExtendsResolver } from './extends';

/** One `include` path as written, and whether it could be loaded. */
export interface IncludeRef {
  at: Origin;
  path: string;
  uri: string;
  found: boolean;
}

/** An `extends` that Compose would refuse. */
export interface ExtendsProblem {
  kind: 'file-missing' | 'service-missing' | 'cycle';
  /** The extending service. */
  service: string;
  /** The base service named. */
  base: string;
  /** Where to report: the `file` value, the `service` value, or the `extends` key. */
  at: Origin;
  /** file-missing: the path as written. service-missing: the file searched (undefined = same file). */
  file?: string;
  /** service-missing: the services that were there to choose from. */
  candidates?: YMap;
  /** cycle: the chain of services, the first one repeated at the end. */
  chain?: string[];
}

/** A document whose value we could not read in full: references may be satisfied by what is missing. */
function broken(file: ManifestFile, value: unknown): boolean {
  return value === undefined || file.diagnostics.some((d) => d.code === 'yaml-syntax' || d.code === 'resource-limit');
}

/**
 * Loads Compose files into one merged model, as compose-go's loadYamlModel does: per document,
 * interpolate, pull in `include`s, resolve `extends`, then merge onto the files before it.
 */
export class Loader {
  readonly includes: IncludeRef[] = [];
  readonly extendsProblems: ExtendsProblem[] = [];
  /** Some part of the project could not be read (missing include, YAML errors, unknown include path). */
  incomplete = false;
  readonly extendsResolver = new ExtendsResolver(this);

  constructor(readonly workspace: ComposeWorkspace) {}

  /** The documents of a file that hold Compose content, as trees. */
  trees(file: ManifestFile, dir: string | undefined, viaExtends = false): YMap[] {
    const out: YMap[] = [];
    for (const doc of file.docs) {
      if (doc.flavor === 'kubernetes') continue;
      if (broken(file, doc.value)) this.incomplete = true;
      const src: Source = viaExtends ? { file, doc: doc.index, dir, viaExtends } : { file, doc: doc.index, dir };
      const tree = toTree(src);
      if (tree) out.push(tree);
    }
    return out;
  }

  /** Loads files (the first one main, the others overriding it) as one model; `stack` holds the including files. */
  loadModel(files: ManifestFile[], dir: string | undefined, stack: string[]): YMap | undefined {
    let model: YMap | undefined;
    for (const file of files) {
      for (const cfg of this.trees(file, dir)) {
        applyInclude(this, cfg, stack);
        this.extendsResolver.applyAll(cfg);
        model = model ? ((merge(model, cfg, []) as YMap | undefined) ?? model) : (strip(cfg) as YMap);
      }
    }
    return model;
  }
}
