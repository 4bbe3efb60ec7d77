/**
 * The knobs of the ECS engine's two components, their secure defaults and their per-profile presets.
 * A direct caller gets `*_DEFAULTS` for every field it omits; the platform's stacks start from
 * `*_PRESETS[profile]` (stacks/config/sections/ecs.ts) and override them from the stack file. Pure.
 *
 * Not knobs, because no profile may turn them off: IMDSv2 with a hop limit of 1, encrypted root
 * volumes, private subnets without public IPs, Container Insights, the deployment circuit breaker
 * with rollback, encrypted and retained log groups, ECS Exec off (see README.md).
 */
import type { Profile } from "../profiles";
import { REGISTRY_PRESETS, RegistrySettings } from "../registry";

/** The container instances of an EcsCluster: one Auto Scaling group behind one capacity provider. */
export interface EcsClusterSettings {
  /**
   * EC2 instance type of the container instances, such as `m6i.large`. Each awsvpc task takes one
   * ENI of its instance, so the type's ENI limit caps the tasks per instance.
   * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking-awsvpc.html
   * @default "m6i.large"
   */
  instanceType: string;
  /**
   * Fewest container instances, an integer ≥ 0 and ≤ maxSize.
   * @default 2 (one per AZ of two, so losing an AZ leaves capacity while the group replaces it)
   */
  minSize: number;
  /**
   * Most container instances, an integer ≥ 1; the capacity provider scales between minSize and maxSize.
   * @default 10
   */
  maxSize: number;
  /**
   * How full, in percent (integer 1 to 100), ECS managed scaling keeps the group: 100 fills the
   * instances before adding one. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedScaling.html
   * @default 100
   */
  targetCapacityPercent: number;
  /**
   * Root volume in GiB, an integer ≥ 30 (the ECS-optimized AL2023 AMI's snapshot; EC2 refuses a
   * smaller root volume). Always gp3 and encrypted with the data key: not a knob.
   * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-optimized_AMI.html
   * @default 50
   */
  diskSizeGiB: number;
}

/** Target tracking on a service's average utilization, in percent (integers 1 to 100) of the tasks' reservation. */
export interface AutoscalingTargets {
  /** Average CPU, percent of the tasks' reserved CPU, that target tracking holds each service at. */
  cpuTargetPercent: number;
  /** Average memory, percent of the tasks' reserved memory, that target tracking holds each service at. */
  memoryTargetPercent: number;
}

/** The services of an EcsServices: image tag, service autoscaling and their ECR repositories. */
export interface EcsServicesSettings {
  /**
   * Tag deployed from a service's own ECR repository when the service names no `image`: 1 to 128 of
   * A-Z, a-z, 0-9, `_`, `.` and `-`, not starting with `.` or `-`. Set it per release; with
   * immutable tags a tag always means one image. https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_PutImage.html
   * @default "latest"
   */
  imageTag: string;
  /**
   * Target tracking on each service's average CPU and memory utilization, between the service's
   * replicas.min and replicas.max. https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-autoscaling-targettracking.html
   * @default { cpuTargetPercent: 70, memoryTargetPercent: 80 }
   */
  autoscaling: AutoscalingTargets;
  /**
   * The services' own ECR repositories: `immutableTags` (a pushed tag can never point at another
   * image, FSBP ECR.2), `keepImages` (tagged images kept, 1 to 1000), `untaggedExpiryDays` (1 to 365).
   * Scanning on push and KMS encryption are not knobs.
   * https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html
   * @default { immutableTags: true, keepImages: 100, untaggedExpiryDays: 14 }
   */
  registry: RegistrySettings;
}

const autoscaling: AutoscalingTargets = { cpuTargetPercent: 70, memoryTargetPercent: 80 };

/**
 * dev: one burstable instance that may grow to three. staging and prod: two instances at least, so
 * losing one AZ leaves capacity in the other while the capacity provider replaces it.
 */
export const ECS_CLUSTER_PRESETS: Record<Profile, EcsClusterSettings> = {
  dev: { instanceType: "t3.large", minSize: 1, maxSize: 3, targetCapacityPercent: 100, diskSizeGiB: 30 },
  staging: { instanceType: "m6i.large", minSize: 2, maxSize: 5, targetCapacityPercent: 100, diskSizeGiB: 30 },
  prod: { instanceType: "m6i.large", minSize: 2, maxSize: 10, targetCapacityPercent: 100, diskSizeGiB: 50 },
};

/** The same autoscaling targets everywhere; the registry keeps tags mutable in dev only. */
export const ECS_SERVICES_PRESETS: Record<Profile, EcsServicesSettings> = {
  dev: { imageTag: "latest", autoscaling, registry: REGISTRY_PRESETS.dev },
  staging: { imageTag: "latest", autoscaling, registry: REGISTRY_PRESETS.staging },
  prod: { imageTag: "latest", autoscaling, registry: REGISTRY_PRESETS.prod },
};

/** What a direct caller gets: the prod preset, highly available (two instances at least). */
export const ECS_CLUSTER_DEFAULTS: EcsClusterSettings = ECS_CLUSTER_PRESETS.prod;

/** What a direct caller gets: the prod preset, immutable image tags. */
export const ECS_SERVICES_DEFAULTS: EcsServicesSettings = ECS_SERVICES_PRESETS.prod;
