import { isScalar, visit, type Node } from 'yaml';
import type { ManifestDoc } from '../../documents/manifestFile';
import { LIMITS } from '../../documents/limits';

// kubectl decodes YAML with YAML 1.1 rules (sigs.k8s.io/yaml, go-yaml v2): these plain scalars
// are booleans there, strings in YAML 1.2. `nodeSelector: {gpu: yes}` fails to apply.
const YAML11_BOOLEAN = /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/;
const MAY_CONTAIN = /(?:^|[:\-[,{]\s)\s*(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)\s*(?:[#,\]}]|$)/m;

export function isYaml11Boolean(node: Node | null | undefined): boolean {
  return isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'string' && YAML11_BOOLEAN.test(node.value);
}

/** The document's value as kubectl decodes it; the parsed value itself when no such scalar is present. */
export function kubectlValue(doc: ManifestDoc, text: string): unknown {
  if (!MAY_CONTAIN.test(text.slice(doc.start, doc.end))) return doc.value;
  const copy = doc.yaml.clone();
  let changed = false;
  visit(copy, {
    Scalar(key, node) {
      if (key === 'key' || !isYaml11Boolean(node)) return;
      node.value = /^(?:y|yes|on)$/i.test(node.value as string);
      changed = true;
    },
  });
  return changed ? copy.toJS({ maxAliasCount: LIMITS.maxAliasCount }) : doc.value;
}

export const YAML11_HINT = ' (kubectl reads this unquoted value as a YAML 1.1 boolean; quote it to keep a string)';
