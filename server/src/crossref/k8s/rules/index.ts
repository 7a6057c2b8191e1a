import type { K8sRule } from '../ruleContext';
import { workloadSelectorMissingOrEmpty, workloadSelectorTemplateMismatch } from './workloadSelector';
import { serviceSelectorNoPods } from './serviceSelector';
import { configMapKeyMissing, configMapMissing, secretKeyMissing, secretMissing } from './configReferences';
import { invalidLabelSelector } from './invalidLabelSelector';
import { overlappingControllerSelectors } from './overlappingControllers';
import { servicePortNames, serviceTargetPortNameUnknown, serviceTargetPortNumberUndeclared } from './servicePorts';
import { orphanEndpoints, podSubdomainServiceMissing, selectorlessServiceWithoutEndpoints } from './serviceEndpoints';
import { ingressBackendPortMismatch, ingressBackendServiceMissing } from './ingressBackends';
import { ingressClassUnknown, ingressTlsSecretMissing } from './ingressTls';
import { affinitySelectorMatchesNothing } from './affinitySelectors';
import { ingressAnnotationsRefs } from './ingressAnnotations';
import { netpolNamedPortUnknown, netpolNamespaceSelectorNoNamespaces, netpolPeerPodSelectorNoPods, netpolPodSelectorNoPods } from './networkPolicy';
import { hpaTargetMissing, hpaTargetNotScalable, multipleAutoscalersSamePods, replicasSetWithHpa } from './autoscaling';
import { multiplePdbsSamePods, pdbBlocksDisruption, pdbSelectorNoPods } from './podDisruption';
import { stsServiceMissing, stsServiceNotHeadless, stsServiceSelectorMismatch } from './statefulSetService';
import { saTokenSecretSaMissing, serviceAccountFieldConflict, serviceAccountMissing } from './serviceAccounts';
import { imagePullSecretMissing } from './imagePullSecrets';
import { pvPvcBinding, pvcMissing } from './storage';
import { priorityClassMissing, runtimeClassMissing, storageClassMissing } from './podClasses';
import { roleRefInvalid, roleRefMissing } from './rbacRoleRef';
import { crbSaSubjectNamespaceRequired, subjectServiceAccountMissing } from './rbacSubjects';
import { duplicateVolumeOrMountPath, volumeMountUnknownVolume } from './podVolumes';
import { containerPortNames, duplicateContainerName, hostPortConflictInPod, resourceFieldRefContainerUnknown } from './podContainers';
import { duplicateEnvVar, envDependentVarUndefined } from './containerEnv';
import { probeNamedPortUnknown } from './probes';
import { serviceMonitorNoServices } from './serviceMonitor';
import { webhookServiceMissing } from './webhookService';
import { gatewayRouteRefs } from './gatewayRoutes';
import { vpaKedaTargetMissing } from './vpaKeda';
import { vapBindingRefs } from './admissionPolicyBinding';
import { ownerReferenceInManifest } from './ownerReferences';
import { automountTokenViaServiceAccount, podNotIsolated, workloadWithoutPdb } from './coverage';

/** Every Kubernetes cross-reference rule on by default, in reporting order. */
export const K8S_RULES: readonly K8sRule[] = [
  // Selectors (§3.1)
  workloadSelectorTemplateMismatch,
  workloadSelectorMissingOrEmpty,
  invalidLabelSelector,
  overlappingControllerSelectors,
  // Service (§3.2)
  serviceSelectorNoPods,
  servicePortNames,
  serviceTargetPortNameUnknown,
  serviceTargetPortNumberUndeclared,
  selectorlessServiceWithoutEndpoints,
  orphanEndpoints,
  podSubdomainServiceMissing,
  // Ingress (§3.3)
  ingressBackendServiceMissing,
  ingressBackendPortMismatch,
  ingressTlsSecretMissing,
  ingressClassUnknown,
  // NetworkPolicy (§3.4)
  netpolPodSelectorNoPods,
  netpolPeerPodSelectorNoPods,
  netpolNamedPortUnknown,
  netpolNamespaceSelectorNoNamespaces,
  affinitySelectorMatchesNothing,
  ingressAnnotationsRefs,
  // Autoscaling & disruption (§3.5)
  hpaTargetMissing,
  hpaTargetNotScalable,
  replicasSetWithHpa,
  multipleAutoscalersSamePods,
  pdbSelectorNoPods,
  multiplePdbsSamePods,
  pdbBlocksDisruption,
  // StatefulSet (§3.6)
  stsServiceMissing,
  stsServiceSelectorMismatch,
  stsServiceNotHeadless,
  // Config / identity / storage (§3.7)
  configMapMissing,
  configMapKeyMissing,
  secretMissing,
  secretKeyMissing,
  imagePullSecretMissing,
  serviceAccountMissing,
  serviceAccountFieldConflict,
  pvcMissing,
  storageClassMissing,
  pvPvcBinding,
  priorityClassMissing,
  runtimeClassMissing,
  saTokenSecretSaMissing,
  // RBAC (§3.8)
  roleRefMissing,
  roleRefInvalid,
  subjectServiceAccountMissing,
  crbSaSubjectNamespaceRequired,
  // Pod spec (§3.9)
  volumeMountUnknownVolume,
  duplicateVolumeOrMountPath,
  duplicateContainerName,
  duplicateEnvVar,
  envDependentVarUndefined,
  probeNamedPortUnknown,
  containerPortNames,
  resourceFieldRefContainerUnknown,
  hostPortConflictInPod,
  // Ecosystem (§3.10)
  serviceMonitorNoServices,
  webhookServiceMissing,
  gatewayRouteRefs,
  vpaKedaTargetMissing,
  ownerReferenceInManifest,
  vapBindingRefs,
];

/** Coverage rules (best practices, Information) that run only when enabled in settings. */
export const OPT_IN_K8S_RULES: readonly K8sRule[] = [podNotIsolated, workloadWithoutPdb, automountTokenViaServiceAccount];
