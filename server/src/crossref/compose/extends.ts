import type { ManifestFile } from '../../documents/manifestFile';
import type { ExtendsProblem, Loader } from './loader';
import { merge, strip } from './merge';
import { asMap, asScalar, get, str } from './model';
import type { YMap, YNode } from './tree';
import { baseName, dirOf, resolvePath } from './uris';

/**
 * `extends` (spec 05-services.md#extends, compose-go loader/extends.go): the base service comes
 * from the same document (after its includes are pulled in) or from `file` (relative to the
 * extending file; only its services are read, never its networks or volumes). The base is
 * resolved first, then the extending service is merged onto it. Problems are recorded, and the
 * service then stands without its base.
 */
export class ExtendsResolver {
  private readonly resolved = new WeakMap<YMap, Map<string, YNode | undefined>>();
  private readonly fileServices = new Map<string, YMap | undefined>();

  constructor(private readonly loader: Loader) {}

  /** Resolves `extends` for every service of one document, in place. */
  applyAll(cfg: YMap): void {
    const services = asMap(get(cfg, 'services'));
    if (!services) return;
    for (const [name, e] of services.entries) {
      const value = this.resolve(services, name, []);
      if (value && value !== e.value) services.entries.set(name, { ...e, value });
    }
  }

  private resolve(services: YMap, name: string, trail: string[]): YNode | undefined {
    let cache = this.resolved.get(services);
    if (!cache) this.resolved.set(services, (cache = new Map()));
    if (cache.has(name)) return cache.get(name);
    const node = services.entries.get(name)?.value;
    const service = asMap(node);
    const ext = service?.entries.get('extends');
    if (!service || !ext) return node;
    const own: YMap = { ...service, entries: new Map(service.entries) };
    own.entries.delete('extends');
    cache.set(name, own); // provisional: a cycle back to this service sees it without its base
    const uri = services.origin.src.file.uri;
    const id = `${uri}#${name}`;
    const refNode = asScalar(ext.value) ? ext.value : get(ext.value, 'service');
    const ref = str(refNode);
    const fileNode = get(ext.value, 'file');
    if (ref === undefined || !refNode) return own;
    let baseServices = services;
    if (fileNode) {
      const path = str(fileNode);
      const target = path === undefined ? undefined : resolvePath(path, dirOf(uri));
      if (path === undefined || target === undefined) return own; // unset variable, remote or home path
      const file = this.loader.workspace.getFile(target);
      if (!file) {
        this.problem({ kind: 'file-missing', service: name, base: ref, at: fileNode.origin, file: path });
        return own;
      }
      const found = this.servicesOf(file);
      if (!found?.entries.has(ref)) {
        this.problem({ kind: 'service-missing', service: name, base: ref, at: refNode.origin, file: path, candidates: found });
        return own;
      }
      baseServices = found;
    } else if (!services.entries.has(ref)) {
      this.problem({ kind: 'service-missing', service: name, base: ref, at: refNode.origin, candidates: services });
      return own;
    }
    const baseId = `${baseServices.origin.src.file.uri}#${ref}`;
    const chain = [...trail, id];
    if (chain.includes(baseId)) {
      // told from the service where the circle closes: "b -> a -> b"
      const members = chain.slice(chain.indexOf(baseId));
      const names = [id, ...members.slice(0, -1), id].map((s) => label(s, uri));
      this.problem({ kind: 'cycle', service: name, base: ref, at: ext.origins[0]!, chain: names });
      return own;
    }
    const base = asMap(this.resolve(baseServices, ref, chain));
    if (!base) return own;
    const merged = merge(base, own, ['services', 'x']) as YMap;
    const link = { at: ext.origins[0]!, service: name, base: ref, baseUri: baseServices.origin.src.file.uri };
    const result: YMap = { ...merged, origin: service.origin, inherited: [...(merged.inherited ?? []), link] };
    cache.set(name, result);
    return result;
  }

  private problem(p: ExtendsProblem): void {
    this.loader.extendsProblems.push(p);
  }

  // The services of an extends file: its documents merged, without its includes or extends (resolved lazily).
  private servicesOf(file: ManifestFile): YMap | undefined {
    if (this.fileServices.has(file.uri)) return this.fileServices.get(file.uri);
    let model: YMap | undefined;
    for (const cfg of this.loader.trees(file, dirOf(file.uri), true)) {
      model = model ? ((merge(model, cfg, []) as YMap | undefined) ?? model) : (strip(cfg) as YMap);
    }
    const services = asMap(get(model, 'services'));
    this.fileServices.set(file.uri, services);
    return services;
  }
}

// "web" for a service of the extending file, "base (common.yml)" for one elsewhere.
function label(id: string, uri: string): string {
  const at = id.lastIndexOf('#');
  const file = id.slice(0, at);
  return file === uri ? id.slice(at + 1) : `${id.slice(at + 1)} (${baseName(file)})`;
}
