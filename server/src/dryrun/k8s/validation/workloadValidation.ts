import type { KObject } from '../../kobject';
import { isEmptySelector, readLabels, readSelector, selectorMatches } from '../../../crossref/labelSelector';
import { isRecord, type JsonMap } from '../jsonValue';
import { semanticEqual } from '../semanticEqual';
import { forbidden, invalid, notSupported, required, type FieldError } from './fieldError';
import { intOrPercentValue, notMoreThan100Percent, validateNonnegative, validatePositiveIntOrPercent } from './intOrPercent';

/** apps/v1 validation (`pkg/apis/apps/validation`) and the registry strategies' update rules. */

const specOf = (object: KObject): JsonMap => (isRecord(object.spec) ? object.spec : {});
const templateOf = (spec: JsonMap): JsonMap => (isRecord(spec.template) ? spec.template : {});
const templateLabels = (template: JsonMap) => (isRecord(template.metadata) ? template.metadata.labels : undefined);
const podSpecOf = (template: JsonMap): JsonMap => (isRecord(template.spec) ? template.spec : {});

/** The selector must be set and non-empty, and select the template's labels. */
function validateSelectorAndTemplate(spec: JsonMap, noun: string, selectorRequired: boolean): FieldError[] {
  const errors: FieldError[] = [];
  const selector = readSelector(spec.selector);
  if (!selector) {
    if (selectorRequired) errors.push(required('spec.selector'));
  } else if (isEmptySelector(selector)) {
    errors.push(invalid('spec.selector', spec.selector, `empty selector is invalid for ${noun}`));
  }
  const template = templateOf(spec);
  if (selector && !isEmptySelector(selector) && !selectorMatches(selector, readLabels(templateLabels(template)))) {
    errors.push(invalid('spec.template.metadata.labels', templateLabels(template) ?? {}, '`selector` does not match template `labels`'));
  }
  return errors;
}

function validatePodTemplate(spec: JsonMap, activeDeadline: (value: unknown) => FieldError): FieldError[] {
  const podSpec = podSpecOf(templateOf(spec));
  const errors: FieldError[] = [];
  if (podSpec.restartPolicy !== 'Always') errors.push(notSupported('spec.template.spec.restartPolicy', podSpec.restartPolicy ?? '', ['Always']));
  if (podSpec.activeDeadlineSeconds !== undefined) errors.push(activeDeadline(podSpec.activeDeadlineSeconds));
  return errors;
}

function immutableSelector(object: KObject, old: KObject | undefined): FieldError[] {
  if (!old || semanticEqual(specOf(object).selector, specOf(old).selector)) return [];
  return [invalid('spec.selector', specOf(object).selector ?? null, 'field is immutable')];
}

const replicaSetDeadline = () => forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in ReplicaSet is not Supported');

export function validateDeployment(object: KObject, old?: KObject): FieldError[] {
  const spec = specOf(object);
  const errors = [...validateNonnegative(spec.replicas, 'spec.replicas'), ...validateSelectorAndTemplate(spec, 'deployment', true), ...validatePodTemplate(spec, replicaSetDeadline)];
  const strategy = isRecord(spec.strategy) ? spec.strategy : {};
  if (strategy.type === 'Recreate') {
    if (strategy.rollingUpdate !== undefined) errors.push(forbidden('spec.strategy.rollingUpdate', "may not be specified when strategy `type` is 'Recreate'"));
  } else if (strategy.type === 'RollingUpdate') {
    const rolling = isRecord(strategy.rollingUpdate) ? strategy.rollingUpdate : undefined;
    if (!rolling) errors.push(required('spec.strategy.rollingUpdate', 'this should be defaulted and never be nil'));
    else {
      const path = 'spec.strategy.rollingUpdate';
      errors.push(...validatePositiveIntOrPercent(rolling.maxUnavailable, `${path}.maxUnavailable`), ...validatePositiveIntOrPercent(rolling.maxSurge, `${path}.maxSurge`));
      if (intOrPercentValue(rolling.maxUnavailable) === 0 && intOrPercentValue(rolling.maxSurge) === 0) {
        errors.push(invalid(`${path}.maxUnavailable`, rolling.maxUnavailable, 'may not be 0 when `maxSurge` is 0'));
      }
      errors.push(...notMoreThan100Percent(rolling.maxUnavailable, `${path}.maxUnavailable`));
    }
  } else {
    errors.push(notSupported('spec.strategy', strategy, ['Recreate', 'RollingUpdate']));
  }
  errors.push(...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'), ...validateNonnegative(spec.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (typeof spec.progressDeadlineSeconds === 'number') {
    errors.push(...validateNonnegative(spec.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    const minReady = typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0;
    if (spec.progressDeadlineSeconds <= minReady) errors.push(invalid('spec.progressDeadlineSeconds', spec.progressDeadlineSeconds, 'must be greater than minReadySeconds'));
  }
  return [...errors, ...immutableSelector(object, old)];
}

export function validateReplicaSet(object: KObject, old?: KObject): FieldError[] {
  const spec = specOf(object);
  return [
    ...validateNonnegative(spec.replicas, 'spec.replicas'),
    ...validateSelectorAndTemplate(spec, 'replicaset', true),
    ...validatePodTemplate(spec, replicaSetDeadline),
    ...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'),
    ...immutableSelector(object, old),
  ];
}

export function validateDaemonSet(object: KObject, old?: KObject): FieldError[] {
  const spec = specOf(object);
  const errors = [
    ...validateSelectorAndTemplate(spec, 'daemonset', true),
    ...validatePodTemplate(spec, (value) => invalid('spec.template.spec.activeDeadlineSeconds', value, 'activeDeadlineSeconds must be nil for daemon set pods')),
  ];
  const strategy = isRecord(spec.updateStrategy) ? spec.updateStrategy : {};
  const rolling = isRecord(strategy.rollingUpdate) ? strategy.rollingUpdate : undefined;
  if (strategy.type === 'RollingUpdate' && rolling) {
    const path = 'spec.updateStrategy.rollingUpdate';
    errors.push(
      ...validatePositiveIntOrPercent(rolling.maxUnavailable, `${path}.maxUnavailable`),
      ...validatePositiveIntOrPercent(rolling.maxSurge, `${path}.maxSurge`),
      ...notMoreThan100Percent(rolling.maxUnavailable, `${path}.maxUnavailable`),
      ...notMoreThan100Percent(rolling.maxSurge, `${path}.maxSurge`),
    );
    const hasUnavailable = intOrPercentValue(rolling.maxUnavailable) !== 0;
    const hasSurge = intOrPercentValue(rolling.maxSurge) !== 0;
    if (hasUnavailable && hasSurge) errors.push(invalid(`${path}.maxSurge`, rolling.maxSurge, 'may not be set when maxUnavailable is non-zero'));
    if (!hasUnavailable && !hasSurge) errors.push(required(`${path}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
  } else if (strategy.type !== 'RollingUpdate' && strategy.type !== 'OnDelete') {
    errors.push(notSupported('spec.updateStrategy', strategy, ['OnDelete', 'RollingUpdate']));
  }
  return [...errors, ...validateNonnegative(spec.minReadySeconds, 'spec.minReadySeconds'), ...immutableSelector(object, old)];
}

/** The spec fields a StatefulSet update may change; anything else is Forbidden. */
const STATEFULSET_MUTABLE = ['replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy', 'minReadySeconds'];

export function validateStatefulSet(object: KObject, old?: KObject): FieldError[] {
  const spec = specOf(object);
  const errors = [
    ...validateNonnegative(spec.replicas, 'spec.replicas'),
    ...validateSelectorAndTemplate(spec, 'statefulset', true),
    ...validatePodTemplate(spec, () => forbidden('spec.template.spec.activeDeadlineSeconds', 'activeDeadlineSeconds in StatefulSet is not Supported')),
  ];
  if (spec.podManagementPolicy !== 'OrderedReady' && spec.podManagementPolicy !== 'Parallel') {
    errors.push(invalid('spec.podManagementPolicy', spec.podManagementPolicy ?? '', "must be 'OrderedReady' or 'Parallel'"));
  }
  const strategy = isRecord(spec.updateStrategy) ? spec.updateStrategy : {};
  const rolling = isRecord(strategy.rollingUpdate) ? strategy.rollingUpdate : undefined;
  if (strategy.type === 'OnDelete' && rolling) {
    errors.push(invalid('spec.updateStrategy.rollingUpdate', rolling, "only allowed for updateStrategy 'RollingUpdate'"));
  } else if (strategy.type === 'RollingUpdate' && rolling) {
    const path = 'spec.updateStrategy.rollingUpdate';
    errors.push(...validateNonnegative(rolling.partition, `${path}.partition`));
    if (rolling.maxUnavailable !== undefined) {
      errors.push(...validatePositiveIntOrPercent(rolling.maxUnavailable, `${path}.maxUnavailable`));
      if (intOrPercentValue(rolling.maxUnavailable) === 0) errors.push(invalid(`${path}.maxUnavailable`, rolling.maxUnavailable, 'cannot be 0'));
      errors.push(...notMoreThan100Percent(rolling.maxUnavailable, `${path}.maxUnavailable`));
    }
  } else if (strategy.type !== 'RollingUpdate' && strategy.type !== 'OnDelete') {
    errors.push(invalid('spec.updateStrategy', strategy, "must be 'RollingUpdate' or 'OnDelete'"));
  }
  if (old) {
    const rest = (s: JsonMap) => Object.fromEntries(Object.entries(s).filter(([k]) => !STATEFULSET_MUTABLE.includes(k)));
    if (!semanticEqual(rest(spec), rest(specOf(old)))) {
      errors.push(
        forbidden(
          'spec',
          "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
        ),
      );
    }
  }
  return errors;
}
