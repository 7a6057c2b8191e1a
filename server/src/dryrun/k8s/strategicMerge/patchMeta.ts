import type { SchemaAt, SchemaNavigator } from '../../../schema/schemaNavigator';

/**
 * The strategic-merge facts of one position in an object (the Go struct tags `patchStrategy` and
 * `patchMergeKey`, published in the OpenAPI as `x-kubernetes-patch-*`). Without a schema (custom
 * resources, unknown fields) every list is atomic and every map merges: JSON merge patch semantics,
 * which is what kubectl falls back to for kinds it has no Go type for.
 */
export class PatchMeta {
  private constructor(
    private readonly navigator: SchemaNavigator | undefined,
    private readonly at: SchemaAt | undefined,
  ) {}

  static forKind(navigator: SchemaNavigator, apiVersion: string, kind: string): PatchMeta {
    return new PatchMeta(navigator, navigator.root(apiVersion, kind));
  }

  /** Merge semantics everywhere, lists atomic: for kinds without a schema. */
  static untyped(): PatchMeta {
    return new PatchMeta(undefined, undefined);
  }

  /** The member `key` of this object. */
  field(key: string): PatchMeta {
    return new PatchMeta(this.navigator, this.at && this.navigator?.child(this.at, key));
  }

  /** The items of this list. */
  item(): PatchMeta {
    return new PatchMeta(this.navigator, this.at && this.navigator?.child(this.at, 0));
  }

  /** The definition this position resolves to (`io.k8s.api.core.v1.Container`), when known. */
  get definition(): string | undefined {
    return this.at?.definition;
  }

  get known(): boolean {
    return this.at !== undefined;
  }

  private get strategies(): string[] {
    const value = this.at?.field?.['x-kubernetes-patch-strategy'];
    return typeof value === 'string' ? value.split(',').map((s) => s.trim()) : [];
  }

  /** `merge` for merge lists, `replace` for fields replaced wholesale, '' otherwise. */
  get strategy(): 'merge' | 'replace' | '' {
    const strategies = this.strategies;
    return strategies.includes('merge') ? 'merge' : strategies.includes('replace') ? 'replace' : '';
  }

  get retainKeys(): boolean {
    return this.strategies.includes('retainKeys');
  }

  get mergeKey(): string | undefined {
    const value = this.at?.field?.['x-kubernetes-patch-merge-key'];
    return typeof value === 'string' ? value : undefined;
  }
}
