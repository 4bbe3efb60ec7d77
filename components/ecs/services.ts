/**
 * The ECS services' model, names, defaults and validation (EcsServices). Pure; no Pulumi imports.
 */
import { AUTONAME_SUFFIX_LENGTH, AWS_NAME_LIMITS, childName } from "../naming";
import { ServiceGrants, assertResolvable } from "../cluster/servicePolicy";
import { withDefaults } from "../defaults";
import { ComponentArgsError } from "../errors";
import { DEFAULT_LOG_RETENTION_DAYS, retentionProblem } from "../logs";
import { AutoscalingTargets, ECS_SERVICES_DEFAULTS, EcsServicesSettings } from "./presets";

export type { AutoscalingTargets };

/**
 * One service, as platform:services describes it (stacks/config/sections/services.ts); fields the
 * ECS engine does not use (namespace, gpu) may be present and are ignored.
 */
export interface EcsService extends ServiceGrants {
  /** Container port the service listens on, 1..65535. */
  port: number;
  /** Task count bounds for service autoscaling; 1 ≤ min ≤ max. The service starts at min. */
  replicas: { min: number; max: number };
  /** CPU units of the task and its container (1024 = 1 vCPU). */
  cpu: number;
  /** Memory of the task and its container in MiB (the container's hard limit). */
  memory: number;
  /** Path pattern the ALB routes here; absent for internal-only services. */
  routePath?: string;
  /** ALB health check path; the edge tier applies it to the target group. */
  healthCheckPath?: string;
  /** A full image reference (third-party images such as redis:7.4-alpine); absent: the service's own ECR repository. */
  image?: string;
  /** EFS volumes, each mounted through the access point of the same name. */
  volumes: Array<{ name: string; mountPath: string; source: "efs" }>;
  /** Plain, non-secret environment variables. */
  environment?: Record<string, string>;
}

/** The storage tier's file system, for services with volumes. */
export interface EfsRefs<T> {
  fileSystemId: T;
  fileSystemArn: T;
  /** Access point id by name. */
  accessPointIds: Record<string, T>;
}

/** Seconds ECS ignores failing ALB health checks on a new task, so a slow start is not a crash loop. */
export const HEALTH_CHECK_GRACE_SECONDS = 60;

/** Seconds a Cloud Map A record is cached: short, so replaced tasks drop out quickly. */
export const DNS_TTL_SECONDS = 10;

/**
 * Spread each service's tasks over AZs first, then pack them by memory onto as few instances as
 * possible, so the capacity provider can scale in empty instances.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement-strategies.html
 */
export const PLACEMENT_STRATEGIES = [
  { type: "spread", field: "attribute:ecs.availability-zone" },
  { type: "binpack", field: "memory" },
] as const;

/**
 * Rolling deployments: new tasks start before old ones stop (100 % healthy, up to 200 %), and a
 * deployment that cannot reach a steady state rolls back by itself.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-circuit-breaker.html
 * A service with EFS volumes stops its old task first (0 % / 100 %): two writers on one data
 * directory (Qdrant's storage) would corrupt it.
 */
export function deploymentPercents(s: Pick<EcsService, "volumes">): { minimumHealthyPercent: number; maximumPercent: number } {
  return s.volumes.length > 0 ? { minimumHealthyPercent: 0, maximumPercent: 100 } : { minimumHealthyPercent: 100, maximumPercent: 200 };
}

/** The environment variable a secret reaches the container as: "api-keys" → API_KEYS_SECRET. */
export function secretEnvName(secret: string): string {
  return `${secret.toUpperCase().replace(/[^A-Z0-9]+/g, "_").replace(/^_+|_+$/g, "")}_SECRET`;
}

/** The service's log group. https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_CreateLogGroup.html */
export function logGroupName(clusterName: string, service: string): string {
  return `/ecs/${clusterName}/${service}`;
}

/** Task definition family: unique per cluster and service. Letters, digits, '-' and '_', ≤ 255. */
export function taskFamily(clusterName: string, service: string): string {
  return `${clusterName}-${service}`;
}

/** Application Auto Scaling's id of an ECS service. https://docs.aws.amazon.com/autoscaling/application/APIReference/API_RegisterScalableTarget.html */
export function scalingResourceId(clusterName: string, service: string): string {
  return `service/${clusterName}/${service}`;
}

/** Logical names of a service's two roles; Pulumi auto-names them, so they must leave room for its suffix under IAM's 64. */
export function roleLogicalNames(parentName: string, service: string): { execution: string; task: string } {
  return { execution: childName(parentName, `exec-${service}`), task: childName(parentName, `task-${service}`) };
}

export interface ServiceContext {
  /** Known names of the maps the other tiers hand over. */
  buckets: string[];
  secrets: string[];
  queues: string[];
  /** Services with a target group from the edge tier. */
  targetGroups: string[];
  /** The storage tier's access point names; undefined without EFS. */
  accessPoints?: string[];
}

/**
 * Problems with one service beyond its bucket, secret and queue references (assertResolvable), as
 * readable phrases; empty when it can be built.
 */
export function serviceProblems(parentName: string, s: EcsService, ctx: ServiceContext): string[] {
  const out: string[] = [];
  if (s.routePath && !ctx.targetGroups.includes(s.name)) out.push(`is routed (${s.routePath}) but the edge tier gave it no target group`);
  if (!s.routePath && ctx.targetGroups.includes(s.name)) out.push("has a target group but no routePath");
  for (const v of s.volumes) {
    if (!ctx.accessPoints) out.push(`mounts volume "${v.name}", but the stack has no EFS file system`);
    else if (!ctx.accessPoints.includes(v.name)) out.push(`mounts volume "${v.name}", which is not an access point of the file system (${ctx.accessPoints.join(", ") || "none"})`);
  }
  for (const secret of s.secrets) {
    const env = secretEnvName(secret);
    if (s.environment && env in s.environment) out.push(`sets environment ${env}, the variable its secret "${secret}" arrives in`);
  }
  if (s.replicas.min < 1 || s.replicas.min > s.replicas.max) out.push(`has replicas ${JSON.stringify(s.replicas)}; needs 1 ≤ min ≤ max`);
  const roles = roleLogicalNames(parentName, s.name);
  for (const name of [roles.execution, roles.task]) {
    if (name.length + AUTONAME_SUFFIX_LENGTH > AWS_NAME_LIMITS.iamRole) out.push(`would get the role name ${name}-xxxxxxx, over IAM's ${AWS_NAME_LIMITS.iamRole} characters; shorten the system or service name`);
  }
  return out;
}

/**
 * Throws naming the service and the reference when a bucket, secret or queue has no ARN (the
 * cluster tier's rule), then naming each service and each of its other problems.
 */
export function assertServices(parentName: string, services: EcsService[], ctx: ServiceContext): void {
  services.forEach((s) => assertResolvable(s, ctx));
  const problems = services.flatMap((s) => serviceProblems(parentName, s, ctx).map((p) => `service ${s.name} ${p}`));
  const names = services.map((s) => s.name);
  names.filter((n, i) => names.indexOf(n) !== i).forEach((n) => problems.push(`service ${n} is listed twice`));
  if (problems.length > 0) throw new ComponentArgsError(`ECS services: ${problems.join("; ")}`, problems);
}

/** Problems with the autoscaling targets; empty when each is an integer from 1 to 100. */
export function autoscalingProblems(t: AutoscalingTargets): string[] {
  return (Object.entries(t) as Array<[string, number]>)
    .filter(([, v]) => !Number.isInteger(v) || v < 1 || v > 100)
    .map(([k, v]) => `${k} (${v}) must be an integer from 1 to 100 (percent of the tasks' reservation)`);
}

/** Seconds between scale-outs (react to load within minutes) and scale-ins (shed tasks slowly). */
export const SCALE_OUT_COOLDOWN_SECONDS = 60;
export const SCALE_IN_COOLDOWN_SECONDS = 300;

/** An image tag as Docker and ECR accept it. https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_PutImage.html */
export const IMAGE_TAG_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

/** Why the tag the services' own repositories are deployed at is not a valid image tag, or undefined. */
export function imageTagProblem(tag: string): string | undefined {
  return IMAGE_TAG_PATTERN.test(tag) ? undefined : `ECS services: image tag "${tag}" is not a valid tag: 1 to 128 of A-Z, a-z, 0-9, '_', '.' and '-', not starting with '.' or '-'`;
}

/** ECR's bounds on the lifecycle settings. https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html */
function registryProblems(r: EcsServicesSettings["registry"]): string[] {
  const out: string[] = [];
  if (!Number.isInteger(r.keepImages) || r.keepImages < 1 || r.keepImages > 1000) out.push(`registry.keepImages: got ${r.keepImages}; allowed: an integer from 1 to 1000`);
  if (!Number.isInteger(r.untaggedExpiryDays) || r.untaggedExpiryDays < 1 || r.untaggedExpiryDays > 365) out.push(`registry.untaggedExpiryDays: got ${r.untaggedExpiryDays}; allowed: an integer from 1 to 365`);
  return out;
}

/** EcsServices' settings with the defaults filled in, and the log retention. */
export interface ResolvedEcsServices extends EcsServicesSettings {
  logRetentionDays: number;
}

/** Every problem with the resolved settings, each naming the field and the value. */
export function checkEcsServicesArgs(r: ResolvedEcsServices): string[] {
  const scaling = autoscalingProblems(r.autoscaling);
  return [
    imageTagProblem(r.imageTag),
    scaling.length > 0 ? `ECS services: ${scaling.join("; ")}` : undefined,
    ...registryProblems(r.registry),
    retentionProblem("logRetentionDays", r.logRetentionDays),
  ].filter((p): p is string => p !== undefined);
}

/**
 * EcsServices' settings with ECS_SERVICES_DEFAULTS (the prod preset) for those its caller left out
 * and 90 days of service logs. Throws once, naming every problem.
 */
export function resolveEcsServicesArgs(args: Partial<EcsServicesSettings> & { logRetentionDays?: number }): ResolvedEcsServices {
  const resolved = { ...withDefaults(ECS_SERVICES_DEFAULTS, args), logRetentionDays: args.logRetentionDays ?? DEFAULT_LOG_RETENTION_DAYS };
  const problems = checkEcsServicesArgs(resolved);
  if (problems.length > 0) throw new ComponentArgsError(problems.join("; "), problems);
  return resolved;
}
