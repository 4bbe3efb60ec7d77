/**
 * The public API of the platform library: every component, its Args and output types.
 * Import from here (or from a component's own module) in your own Pulumi program:
 *
 *   import { Network, Database } from "aws-platform/components";
 *
 * Nothing under components/ reads Pulumi config or imports the platform program (`stacks/`), so
 * each component works on its own with typed arguments.
 */
export { Network } from "./network/network";
export type { NetworkArgs } from "./network/network";
export { NETWORK_DEFAULTS, NETWORK_PRESETS } from "./network/presets";
export type { NetworkSettings } from "./network/presets";

export { KeyRing } from "./security/keyRing";
export type { KeyRingArgs } from "./security/keyRing";
export { ApplicationSecrets } from "./security/appSecrets";
export type { ApplicationSecretsArgs } from "./security/appSecrets";
export { APPLICATION_SECRETS_DEFAULTS, APPLICATION_SECRETS_PRESETS, KEY_RING_DEFAULTS, KEY_RING_PRESETS } from "./security/presets";
export type { ApplicationSecretsSettings, KeyRingSettings } from "./security/presets";
export type { KeyArns } from "./security/ownKeys";
export type { DataClass } from "./security/keyPolicy";

export { Runner } from "./deploy/runner";
export type { RunnerArgs } from "./deploy/runner";
export type { RunnerComputeType } from "./deploy/settings";

export { Cluster } from "./cluster/cluster";
export {
  AUTOSCALER_CHART_VERSIONS, AUTOSCALER_KINDS, CLUSTER_AUTOSCALER_CHART_VERSION, CLUSTER_CONTROLLERS_DEFAULTS, CLUSTER_DEFAULTS, CLUSTER_PRESETS, HPA_CPU_TARGET_MAX,
  HPA_CPU_TARGET_MIN, KARPENTER_CHART_VERSION, KUBERNETES_WORKLOADS_DEFAULTS, KUBERNETES_WORKLOADS_PRESETS, LOAD_BALANCER_CONTROLLER_CHART_VERSION, WORKLOADS_DEFAULTS,
  WORKLOADS_PRESETS, checkClusterSettings, resolveClusterSettings,
} from "./cluster/presets";
export type {
  AutoscalerKind, AutoscalerSettings, ClusterControllersSettings, ClusterSettings, ClusterSettingsInput, KubernetesWorkloadsSettings, OptionalNodeGroup, WorkloadsSettings,
} from "./cluster/presets";
export type { ClusterArgs } from "./cluster/cluster";
export type { NodeGroupConfig, Taint } from "./cluster/nodeGroups";
export type { Oidc } from "./cluster/roles";
export { Workloads } from "./cluster/serviceWorkloads";
export type { WorkloadsArgs } from "./cluster/serviceWorkloads";
export type { WorkloadService } from "./cluster/workloads";
export type { BucketAccess } from "./cluster/servicePolicy";
export { checkKubernetesWorkloadsArgs, checkWorkloadsArgs, resolveKubernetesWorkloadsArgs, resolveWorkloadsArgs } from "./cluster/workloadsArgs";
export type { ResolvedKubernetesWorkloadsArgs, ResolvedWorkloadsArgs } from "./cluster/workloadsArgs";
export { ClusterControllers } from "./cluster/clusterControllers";
export type { AutoscalerRelease, ClusterControllersArgs } from "./cluster/clusterControllers";
export { checkClusterControllersArgs, karpenterPoolOf, resolveClusterControllersArgs } from "./cluster/controllersArgs";
export type { KarpenterPool, ResolvedClusterControllersArgs } from "./cluster/controllersArgs";
export { KubernetesWorkloads } from "./cluster/kubernetesWorkloads";
export type { KubernetesService, KubernetesWorkloadsArgs } from "./cluster/kubernetesWorkloads";

export { EcsCluster } from "./ecs/ecsCluster";
export type { EcsClusterArgs } from "./ecs/ecsCluster";
export { EcsServices } from "./ecs/ecsServices";
export type { EcsServicesArgs } from "./ecs/ecsServices";
export type { EcsService, EfsRefs } from "./ecs/services";
export { ECS_CLUSTER_DEFAULTS, ECS_CLUSTER_PRESETS, ECS_SERVICES_DEFAULTS, ECS_SERVICES_PRESETS } from "./ecs/presets";
export type { AutoscalingTargets, EcsClusterSettings, EcsServicesSettings } from "./ecs/presets";
export { REGISTRY_PRESETS } from "./registry";
export type { RegistrySettings } from "./registry";

export { Database } from "./data/database";
export type { DatabaseArgs } from "./data/database";
export { Cache } from "./data/cache";
export type { CacheArgs } from "./data/cache";
export { Messaging } from "./data/messaging";
export type { MessagingArgs } from "./data/messaging";
export {
  CACHE_DEFAULTS, CACHE_PRESETS, DATABASE_DEFAULTS, DATABASE_PRESETS, KAFKA_DEFAULTS, KAFKA_PRESETS, MESSAGING_DEFAULTS, MESSAGING_PRESETS,
  RABBITMQ_DEFAULTS, RABBITMQ_PRESETS,
} from "./data/presets";
export type { CacheSettings, DatabaseSettings, KafkaSettings, MessagingEngineArgs, MessagingSettings, RabbitMqSettings } from "./data/presets";
export type { DataStoreNetworkArgs } from "./data/common";
export type { DataTierOutputs } from "./data/outputs";

export { Storage } from "./storage/storage";
export type { BucketSpec, StorageArgs } from "./storage/storage";
export type { BucketRef } from "./storage/refs";
export type { FileSystemArgs } from "./storage/efs";
export type { ReplicationArgs } from "./storage/replica";
export { EFS_IA_TRANSITIONS, FILE_SYSTEM_DEFAULTS, STORAGE_DEFAULTS, STORAGE_PRESETS } from "./storage/presets";
export type { FileSystemSettings, StorageSettings } from "./storage/presets";

export { Edge } from "./edge/edge";
export { TargetBindings } from "./edge/targetBindings";
export type { TargetBindingsArgs } from "./edge/targetBindings";
export type { EdgeArgs, EdgeDomain, HostedZone, ResolvedEdgeArgs } from "./edge/args";
export { resolveEdgeArgs } from "./edge/args";
export { EDGE_DEFAULTS, EDGE_PRESETS, checkEdgeSettings } from "./edge/presets";
export type { EdgeAlbSettings, EdgeSettings, EdgeWafSettings, PriceClass } from "./edge/presets";
export type { RoutedService } from "./edge/routing";

export { Monitoring } from "./monitoring/monitoring";
export type { MonitoringArgs } from "./monitoring/monitoring";
export { MONITORING_DEFAULTS, MONITORING_KEY_DEFAULTS, MONITORING_PRESETS } from "./monitoring/presets";
export type { BudgetLimits, MonitoringSettings } from "./monitoring/presets";
export { DEFAULT_ALARM_SETTINGS } from "./monitoring/settings";
export type { AlarmSettingsConfig } from "./monitoring/settings";
export type { MonitoringTargets } from "./monitoring/targets";
export type { Endpoints } from "./monitoring/endpoints";

export type { AccountContext } from "./account";
export { accountContext } from "./account";
export { PROFILES } from "./profiles";
export type { Profile } from "./profiles";
export { DEFAULT_LOG_RETENTION_DAYS, LOGGING_DEFAULTS, LOGGING_PRESETS, LOG_RETENTION_DAYS } from "./logs";
export type { LogRetentionDays, LoggingSettings } from "./logs";

export { ComponentArgsError } from "./errors";
