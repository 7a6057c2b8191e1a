import { isMap, isScalar, type YAMLMap } from 'yaml';
import type { ManifestFile } from '../documents/manifestFile';
import { isRecord } from '../documents/plainValues';
import { readLabels, type Labels } from '../crossref/labelSelector';
import { findOwnPair, insertPair, insertPairs, replaceValue, type OffsetEdit } from './textEdits';

/** Kinds whose `spec.selector` is a LabelSelector that must select `spec.template`. */
export const SELECTOR_WORKLOADS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'Job']);
/** Kinds whose `spec.selector` is a plain label map (equality only). */
export const MAP_SELECTOR_WORKLOADS = new Set(['ReplicationController', 'DeploymentConfig']);

/** The labels of a workload's pod template (`spec.template.metadata.labels`). */
export function templateLabels(object: Record<string, unknown>): Labels {
  const spec = isRecord(object.spec) ? object.spec : {};
  const template = isRecord(spec.template) ? spec.template : {};
  const metadata = isRecord(template.metadata) ? template.metadata : {};
  return readLabels(metadata.labels);
}

/** A selector that selects exactly the pod template's labels, or undefined when the template has none. */
export function selectorForTemplate(object: Record<string, unknown>, kind: string): Record<string, string> | { matchLabels: Record<string, string> } | undefined {
  const labels = { ...templateLabels(object) };
  if (Object.keys(labels).length === 0) return undefined;
  return MAP_SELECTOR_WORKLOADS.has(kind) ? labels : { matchLabels: labels };
}

/**
 * Edits giving a pod template (the map with `metadata` and `spec`) these labels: missing ones
 * are added, different values replaced, wherever `metadata` or `labels` are still missing.
 */
export function addTemplateLabels(file: ManifestFile, template: YAMLMap, labels: Record<string, string>): Array<OffsetEdit | undefined> {
  const metadata = findOwnPair(template, 'metadata');
  if (!metadata) return [insertPair(file, template, 'metadata', { labels }, { before: template.items[0] })];
  if (!isMap(metadata.value)) return [replaceValue(file, metadata, { labels })];
  const existing = findOwnPair(metadata.value, 'labels');
  if (!existing) return [insertPair(file, metadata.value, 'labels', labels)];
  if (!isMap(existing.value)) return [replaceValue(file, existing, labels)];
  const map = existing.value;
  const edits: Array<OffsetEdit | undefined> = [];
  const missing: Array<[string, string]> = [];
  for (const [key, value] of Object.entries(labels)) {
    const pair = findOwnPair(map, key);
    if (!pair) missing.push([key, value]);
    else if (!isScalar(pair.value) || String(pair.value.value) !== value) edits.push(replaceValue(file, pair, value));
  }
  if (missing.length) edits.push(insertPairs(file, map, missing));
  return edits;
}

