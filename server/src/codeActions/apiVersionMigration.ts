import { isScalar, type Scalar } from 'yaml';
import type { CodeAction } from 'vscode-languageserver-types';
import { objectAt, quickFix, type FixContext, type ObjectAt } from './fixContext';
import { restyled } from './renderYaml';
import { findOwnPair, type OffsetEdit } from './textEdits';
import { migrateWorkload } from './workloadMigration';
import { migrateIngress } from './ingressMigration';
import { migrateHorizontalPodAutoscaler } from './hpaMigration';

/** The structural part of a migration: edits besides the apiVersion, and what they do (for the title). */
export interface MigrationPlan {
  edits: Array<OffsetEdit | undefined>;
  changes: string[];
}

export type Migrate = (ctx: FixContext, object: ObjectAt, from: string) => MigrationPlan;

// Kinds whose shape changed between the old version and its replacement, by "kind to-apiVersion".
const MIGRATIONS: Record<string, Migrate> = {
  'Deployment apps/v1': migrateWorkload,
  'DaemonSet apps/v1': migrateWorkload,
  'ReplicaSet apps/v1': migrateWorkload,
  'StatefulSet apps/v1': migrateWorkload,
  'Ingress networking.k8s.io/v1': migrateIngress,
  'HorizontalPodAutoscaler autoscaling/v2': migrateHorizontalPodAutoscaler,
};

/**
 * removed-, deprecated- and unavailable-api-version: move the object to the replacement
 * apiVersion (when the chosen Kubernetes version serves it) and rewrite what changed shape on
 * the way. Edits touch only the fields that change, so comments and layout elsewhere stay.
 */
export function apiVersionFixes(ctx: FixContext): CodeAction[] {
  const object = objectAt(ctx.doc, ctx.start);
  if (!object) return [];
  const { apiVersion, kind } = object.value;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return [];
  const replacement = ctx.schemas.lifecycle[`${apiVersion}/${kind}`]?.replacement;
  if (!replacement || replacement === apiVersion || !ctx.schemas.forVersion(ctx.version).kindInfo(replacement, kind)) return [];
  const pair = findOwnPair(object.node, 'apiVersion');
  const node = pair?.value;
  // The diagnostic must still sit on this apiVersion value (not a stale one).
  if (!isScalar(node) || !node.range || node.range[0] !== ctx.start || node.range[1] !== ctx.end) return [];
  const plan = MIGRATIONS[`${kind} ${replacement}`]?.(ctx, object, apiVersion) ?? { edits: [], changes: [] };
  const edits = [{ start: node.range[0], end: node.range[1], text: restyled(node as Scalar, replacement) }, ...plan.edits];
  const detail = plan.changes.length ? ` (${plan.changes.join('; ')})` : '';
  const action = quickFix(ctx, `Migrate ${kind} to ${replacement}${detail}`, edits, true);
  return action ? [action] : [];
}
