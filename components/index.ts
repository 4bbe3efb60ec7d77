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

export { KeyRing } from "./security/keyRing";
export type { KeyRingArgs } from "./security/keyRing";
export { ApplicationSecrets } from "./security/appSecrets";
export type { ApplicationSecretsArgs } from "./security/appSecrets";
export type { AccountContext, DataClass } from "./security/keyPolicy";

export { Cluster } from "./cluster/cluster";
export type { ClusterArgs } from "./cluster/cluster";
export { Workloads } from "./cluster/serviceWorkloads";
export type { WorkloadsArgs } from "./cluster/serviceWorkloads";

export { EcsCluster } from "./ecs/ecsCluster";
export type { EcsClusterArgs } from "./ecs/ecsCluster";
export { EcsServices } from "./ecs/ecsServices";
export type { EcsServicesArgs } from "./ecs/ecsServices";

export { Database } from "./data/database";
export type { DatabaseArgs } from "./data/database";
export { Cache } from "./data/cache";
export type { CacheArgs } from "./data/cache";
export { Messaging } from "./data/messaging";
export type { MessagingArgs } from "./data/messaging";
export type { DataKeyArgs, DataNetworkArgs } from "./data/common";
export type { DataTierOutputs } from "./data/outputs";

export { Storage } from "./storage/storage";
export type { BucketSpec, StorageArgs } from "./storage/storage";

export { Edge } from "./edge/edge";
export type { BucketRef, EdgeArgs, EdgeDomain, HostedZone } from "./edge/args";
export type { RoutedService } from "./edge/routing";

export { Monitoring } from "./monitoring/monitoring";
export type { MonitoringArgs } from "./monitoring/monitoring";

export { PROFILES } from "./profiles";
export type { Profile } from "./profiles";
export { LOG_RETENTION_DAYS } from "./logs";
export type { LogRetentionDays } from "./logs";

export { ComponentArgsError } from "./errors";
