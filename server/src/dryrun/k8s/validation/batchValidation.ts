import type { KObject } from '../../kobject';
import { readLabels, readSelector, selectorMatches } from '../../../crossref/labelSelector';
import { cloneJson, isRecord, type JsonMap } from '../jsonValue';
import { nameOf } from '../objectMeta';
import { semanticEqual } from '../semanticEqual';
import { invalid, notSupported, required, type FieldError } from './fieldError';
import { validateNonnegative } from './intOrPercent';

/** batch/v1 validation: Job (create, update and its immutable template) and CronJob. */

const recordAt = (value: unknown, key: string): JsonMap => (isRecord(value) && isRecord(value[key]) ? value[key] : {});

function validateJobSpec(spec: JsonMap, path: string): FieldError[] {
  const errors = [
    ...validateNonnegative(spec.parallelism, `${path}.parallelism`),
    ...validateNonnegative(spec.completions, `${path}.completions`),
    ...validateNonnegative(spec.backoffLimit, `${path}.backoffLimit`),
  ];
  const podSpec = recordAt(spec.template, 'spec');
  if (podSpec.restartPolicy !== 'OnFailure' && podSpec.restartPolicy !== 'Never') {
    errors.push(notSupported(`${path}.template.spec.restartPolicy`, podSpec.restartPolicy ?? '', ['OnFailure', 'Never']));
  }
  return errors;
}

export function validateJob(object: KObject, old?: KObject): FieldError[] {
  const spec = recordAt(object, 'spec');
  const errors = validateJobSpec(spec, 'spec');
  const selector = readSelector(spec.selector);
  if (!selector) errors.push(required('spec.selector'));
  else if (!selectorMatches(selector, readLabels(recordAt(spec.template, 'metadata').labels))) {
    errors.push(invalid('spec.template.metadata.labels', recordAt(spec.template, 'metadata').labels ?? {}, '`selector` does not match template `labels`'));
  }
  if (!old) return errors;
  const oldSpec = recordAt(old, 'spec');
  const immutable = (field: string) => (semanticEqual(spec[field], oldSpec[field]) ? [] : [invalid(`spec.${field}`, spec[field] ?? null, 'field is immutable')]);
  errors.push(...validateCompletions(spec, oldSpec), ...immutable('selector'), ...validateTemplateUpdate(spec, oldSpec, old));
  for (const field of ['completionMode', 'podFailurePolicy', 'backoffLimitPerIndex', 'managedBy', 'successPolicy']) errors.push(...immutable(field));
  return errors;
}

function validateCompletions(spec: JsonMap, oldSpec: JsonMap): FieldError[] {
  if (semanticEqual(spec.completions, oldSpec.completions)) return [];
  // Elastic Indexed Jobs may change completions in tandem with parallelism.
  if (spec.completionMode === 'Indexed' && spec.completions !== undefined) {
    return spec.completions === spec.parallelism ? [] : [invalid('spec.completions', spec.completions, 'can only be modified in tandem with spec.parallelism')];
  }
  return [invalid('spec.completions', spec.completions ?? null, 'field is immutable')];
}

/** The pod template is immutable, except scheduling directives and labels/annotations of a suspended Job that never started. */
function validateTemplateUpdate(spec: JsonMap, oldSpec: JsonMap, old: KObject): FieldError[] {
  const template = isRecord(spec.template) ? spec.template : {};
  let oldTemplate = isRecord(oldSpec.template) ? oldSpec.template : {};
  const neverStarted = oldSpec.suspend === true && recordAt(old, 'status').startTime === undefined;
  if (neverStarted) {
    oldTemplate = cloneJson(oldTemplate);
    const podSpec = recordAt(template, 'spec');
    const oldPodSpec = (oldTemplate.spec = { ...recordAt(oldTemplate, 'spec') }) as JsonMap;
    for (const field of ['nodeSelector', 'tolerations', 'schedulingGates']) oldPodSpec[field] = podSpec[field];
    const affinity = isRecord(podSpec.affinity) ? podSpec.affinity : undefined;
    const oldAffinity = isRecord(oldPodSpec.affinity) ? { ...oldPodSpec.affinity } : undefined;
    if (!affinity && oldAffinity) {
      delete oldAffinity.nodeAffinity;
      oldPodSpec.affinity = Object.keys(oldAffinity).length ? oldAffinity : undefined;
    } else if (affinity) {
      oldPodSpec.affinity = { ...(oldAffinity ?? {}), nodeAffinity: affinity.nodeAffinity };
    }
    const metadata = (oldTemplate.metadata = { ...recordAt(oldTemplate, 'metadata') }) as JsonMap;
    metadata.labels = recordAt(template, 'metadata').labels;
    metadata.annotations = recordAt(template, 'metadata').annotations;
  }
  return semanticEqual(template, oldTemplate) ? [] : [invalid('spec.template', template, 'field is immutable')];
}

export function validateCronJob(object: KObject, old?: KObject): FieldError[] {
  const spec = recordAt(object, 'spec');
  const errors: FieldError[] = [];
  const name = nameOf(object);
  // The controller appends an 11-character suffix to name Jobs, and Job names stop at 63.
  if (!old && name.length > 52) errors.push(invalid('metadata.name', name, 'must be no more than 52 characters'));
  if (typeof spec.schedule !== 'string' || spec.schedule === '') errors.push(required('spec.schedule'));
  if (!['Allow', 'Forbid', 'Replace'].includes(String(spec.concurrencyPolicy))) {
    errors.push(notSupported('spec.concurrencyPolicy', spec.concurrencyPolicy ?? '', ['Allow', 'Forbid', 'Replace']));
  }
  errors.push(...validateJobSpec(recordAt(spec.jobTemplate, 'spec'), 'spec.jobTemplate.spec'));
  return errors;
}
