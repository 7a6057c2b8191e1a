import { COMPOSE_RULE_DESCRIPTIONS } from '../crossref/compose/rules';

/**
 * One-line descriptions of rule ids, for SARIF `rules[].shortDescription` (GitHub shows them
 * as the alert title). Rules not listed get a description made from their id.
 */
const DESCRIPTIONS: Record<string, string> = {
  'yaml-syntax': 'YAML syntax error',
  'duplicate-key': 'Duplicate key in a YAML mapping',
  'collection-key': 'A list or map used as a mapping key',
  'resource-limit': 'Document too large or too deeply nested to validate',
  'file-too-large': 'File too large to validate',
  'binary-file': 'Binary file, not validated',
  'invalid-encoding': 'File is not UTF-8',
  'too-many-problems': 'Too many problems in one file',
  'unknown-field': 'Field not defined by the schema',
  'missing-required-field': 'Required field is missing',
  'invalid-type': 'Value has the wrong type',
  'invalid-value': 'Value not allowed by the schema',
  'invalid-format': 'Value does not have the expected format',
  'duplicate-item': 'Duplicate item in a list that must be unique',
  'missing-name': 'Object has no metadata.name',
  'unknown-kind': 'Unknown kind for a built-in apiVersion',
  'unknown-api-version': 'apiVersion not served by Kubernetes',
  'removed-api-version': 'apiVersion removed from Kubernetes',
  'deprecated-api-version': 'apiVersion deprecated',
  'unavailable-api-version': 'apiVersion not served by the chosen Kubernetes version',
  'invalid-crd-schema': 'CustomResourceDefinition schema cannot be used',
  'invalid-interpolation': 'Invalid Compose variable interpolation',
  'kustomization-path-missing': 'A path named in a kustomization does not exist',
};

export function ruleDescription(id: string): string {
  const known = DESCRIPTIONS[id] ?? COMPOSE_RULE_DESCRIPTIONS[id];
  if (known) return known;
  const words = id.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
