import type { JobRollout } from '../../shared/dryrunPlan';
import type { KObject } from '../kobject';
import type { ControllerInput, ControllerResult } from './controllerTypes';
import { at, clone, intField, objectName, objectNamespace, record } from './objectFields';
import { semanticEqual } from '../k8s/semanticEqual';

/**
 * Jobs and CronJobs do not roll (reference §6): the summary says what happens to running,
 * finished and future Jobs. Nothing is said when nothing that matters changed.
 */

export function simulateJob(input: ControllerInput): ControllerResult {
  const summary = input.after.kind === 'CronJob' ? cronJobSummary(input) : jobSummary(input);
  const objects = [clone(input.after)];
  if (summary === undefined) return { objects, deleted: [] };
  const rollout: JobRollout = {
    kind: input.after.kind === 'CronJob' ? 'CronJob' : 'Job',
    namespace: objectNamespace(input.after),
    name: objectName(input.after),
    summary,
    steps: [],
  };
  return { rollout, objects, deleted: [] };
}

function jobSummary({ before, after }: ControllerInput): string | undefined {
  const name = objectName(after);
  const spec = record(after.spec);
  const parallelism = intField(spec.parallelism, 1);
  const completions = spec.completions === undefined || spec.completions === null ? undefined : intField(spec.completions, 1);
  if (!before) {
    if (spec.suspend === true) return `Job ${name} is created suspended: no pod starts until spec.suspend is false.`;
    if (completions === undefined) return `Job ${name} starts ${parallelism} pod(s); it completes when one succeeds and the others finish.`;
    const first = Math.min(parallelism, completions);
    return `Job ${name} starts ${first} pod(s) at a time until ${completions} succeed${spec.completionMode === 'Indexed' ? ' (one per index)' : ''}.`;
  }
  if (isFinished(before)) {
    return semanticEqual(before.spec, after.spec) ? undefined : `Job ${name} has already finished: re-applying it never runs it again (delete it, or apply it under a new name, to run it again).`;
  }
  const parts: string[] = [];
  const was = record(before.spec);
  if (!semanticEqual(was.template, spec.template)) parts.push('the pod template is immutable once the Job has started: delete and re-create the Job to run the new one');
  const wasParallelism = intField(was.parallelism, 1);
  if (wasParallelism !== parallelism) parts.push(`parallelism ${wasParallelism} → ${parallelism}: the running Job keeps up to ${parallelism} pod(s) running from now on`);
  if ((was.suspend === true) !== (spec.suspend === true)) parts.push(spec.suspend === true ? 'suspended: its active pods are deleted and no new ones start' : 'resumed: its pods start now');
  if (parts.length === 0) return undefined;
  return `Job ${name}: ${parts.join('; ')}.`;
}

function isFinished(job: KObject): boolean {
  const conditions = at(job, 'status', 'conditions');
  if (!Array.isArray(conditions)) return false;
  return conditions.some((c) => (record(c).type === 'Complete' || record(c).type === 'Failed') && record(c).status === 'True');
}

function cronJobSummary({ before, after }: ControllerInput): string | undefined {
  const name = objectName(after);
  const spec = record(after.spec);
  const schedule = String(spec.schedule ?? '');
  const zone = typeof spec.timeZone === 'string' ? ` (${spec.timeZone})` : '';
  if (!before) {
    if (spec.suspend === true) return `CronJob ${name} is created suspended: no Job is scheduled until spec.suspend is false.`;
    return `CronJob ${name}: the first Job starts at the next time matching "${schedule}"${zone}.`;
  }
  const was = record(before.spec);
  const changes: string[] = [];
  if (!semanticEqual(was.jobTemplate, spec.jobTemplate)) changes.push('jobTemplate');
  if (was.schedule !== spec.schedule || was.timeZone !== spec.timeZone) changes.push('schedule');
  if ((was.suspend === true) !== (spec.suspend === true)) {
    return spec.suspend === true
      ? `CronJob ${name} is suspended: running Jobs finish, no new Job is scheduled.`
      : `CronJob ${name} is resumed: the next Job starts at the next time matching "${schedule}"${zone}.`;
  }
  if (changes.length === 0) return undefined;
  return `CronJob ${name}: ${changes.join(' and ')} changed. Running and finished Jobs are untouched and keep the old template; the next Job (schedule "${schedule}"${zone}) uses the new one.`;
}
