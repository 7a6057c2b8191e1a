import { additionalContextService } from './additionalContexts';
import { containerNameWithScale, duplicateContainerName } from './containerNames';
import { dependsOnCycle } from './dependencyCycle';
import { completedSuccessfullyOnDaemon, dependsOnUndefined, serviceHealthyWithoutHealthcheck } from './dependsOn';
import { extendsTargetMissing } from './extendsTarget';
import { implicitDependencyUndefined } from './implicitDependencies';
import { networkModeWithNetworks, networkUndefined, portsWithHostNetwork, unusedNetwork } from './networks';
import { profileDependencies } from './profiles';
import { fixedPortWithReplicas, publishedPortConflict } from './publishedPorts';
import { referencedFileMissing } from './referencedFiles';
import { configUndefined, modelUndefined, secretUndefined, secretWithoutSource } from './resources';
import { linkWithoutSharedNetwork, sharedNetworkAlias } from './serviceNetworking';
import { staticIpOutsideSubnet } from './staticIp';
import type { Rule } from './types';
import { mountTargetConflict, unusedVolume, volumeUndefined } from './volumes';

/** Every Compose cross-reference rule, keyed by the crossref-rules.md table id. */
export const COMPOSE_RULES: Record<string, Rule> = {
  'CX-DEP-001': dependsOnUndefined,
  'CX-DEP-002': implicitDependencyUndefined,
  'CX-DEP-003': dependsOnCycle,
  'CX-DEP-004': serviceHealthyWithoutHealthcheck,
  'CX-DEP-005': completedSuccessfullyOnDaemon,
  'CX-EXT-001': extendsTargetMissing,
  'CX-BLD-001': additionalContextService,
  'CX-NET-001': networkUndefined,
  'CX-NET-002': networkModeWithNetworks,
  'CX-NET-003': portsWithHostNetwork,
  'CX-NET-004': staticIpOutsideSubnet,
  'CX-NET-005': unusedNetwork,
  'CX-VOL-001': volumeUndefined,
  'CX-VOL-002': mountTargetConflict,
  'CX-VOL-003': unusedVolume,
  'CX-SEC-001': secretUndefined,
  'CX-SEC-002': secretWithoutSource,
  'CX-CFG-001': configUndefined,
  'CX-MOD-001': modelUndefined,
  'CX-FIL-001': referencedFileMissing,
  'CX-PRF-001/002': profileDependencies,
  'CX-NAM-001': duplicateContainerName,
  'CX-NAM-002': containerNameWithScale,
  'CX-PRT-001': publishedPortConflict,
  'CX-PRT-002': fixedPortWithReplicas,
  'CX-ALS-001': sharedNetworkAlias,
  'CX-LNK-001': linkWithoutSharedNetwork,
};

/** One-line descriptions of the rule codes (for SARIF `rules[].shortDescription` and help texts). */
export const COMPOSE_RULE_DESCRIPTIONS: Record<string, string> = {
  'depends-on-undefined': 'depends_on names a service the Compose project does not define',
  'implicit-dependency-undefined': 'links, volumes_from or a service: namespace names an undefined service',
  'depends-on-cycle': 'Services depend on each other in a cycle',
  'service-healthy-without-healthcheck': 'service_healthy dependency on a service without a healthcheck',
  'completed-successfully-on-daemon': 'service_completed_successfully dependency on a service that always restarts',
  'extends-target-missing': 'extends names a service or file that does not exist, or extends in a circle',
  'extends-dangling-resources': 'An extended service uses resources the extending project does not declare',
  'additional-context-service': 'Additional build context names an unknown or non-buildable service',
  'network-undefined': 'Service refers to a network not declared at top level',
  'network-mode-with-networks': 'network_mode and networks set on one service',
  'ports-with-host-network': 'Ports published by a service on the host network',
  'static-ip-outside-subnet': 'Static IP address outside the network\'s configured subnets',
  'unused-network': 'Declared network not used by any service',
  'volume-undefined': 'Service refers to a named volume not declared at top level',
  'mount-target-conflict': 'Two mounts on the same container path',
  'unused-volume': 'Declared volume not mounted by any service',
  'secret-undefined': 'Service refers to a secret not declared at top level',
  'secret-without-source': 'Secret declares neither file nor environment',
  'config-undefined': 'Service refers to a config not declared at top level',
  'model-undefined': 'Service refers to a model not declared at top level',
  'referenced-file-missing': 'A file or folder the Compose project reads does not exist',
  'dependency-disabled-by-profile': 'depends_on a service that its profiles leave disabled',
  'profile-ref-via-links-extends': 'links or a service: namespace refer to a service its profiles leave disabled',
  'compose-duplicate-container-name': 'Two services use the same container_name',
  'container-name-with-scale': 'container_name on a service with more than one replica',
  'published-port-conflict': 'Two bindings publish the same host port',
  'fixed-port-with-replicas': 'Fixed host port on a service with more than one replica',
  'shared-network-alias': 'Two services use the same alias on one network',
  'link-without-shared-network': 'Linked services share no network',
};
