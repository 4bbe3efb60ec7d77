/**
 * Fixed settings, names, defaults and validation of the ECS cluster (EcsCluster). Pure; Pulumi
 * appears only as types.
 */
import { describeProblem, ec2InstanceTypeProblem } from "../aws/checks";
import { withDefaults } from "../defaults";
import { ComponentArgsError } from "../errors";
import { DEFAULT_LOG_RETENTION_DAYS, retentionProblem } from "../logs";
import type { EcsClusterArgs } from "./ecsCluster";
import { ECS_CLUSTER_DEFAULTS, EcsClusterSettings } from "./presets";

/**
 * Container Insights with enhanced observability (task- and container-level metrics). The provider
 * accepts `enhanced`, `enabled` or `disabled` for the `containerInsights` setting (@pulumi/aws
 * types/input.d.ts ecs.ClusterSetting). https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cloudwatch-container-insights.html
 */
export const CONTAINER_INSIGHTS = { name: "containerInsights", value: "enhanced" } as const;

/**
 * Where Container Insights writes the cluster's performance log events. CloudWatch would create it
 * unencrypted, so the tier creates it first, with the logs key and a retention.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/deploy-container-insights-ECS-OTEL.html
 */
export function insightsLogGroupName(clusterName: string): string {
  return `/aws/ecs/containerinsights/${clusterName}/performance`;
}

/**
 * The recommended ECS-optimized Amazon Linux 2023 (x86_64) AMI, as AWS publishes it in SSM:
 * /aws/service/ecs/optimized-ami/amazon-linux-2023/<version>, sub-parameter image_id.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/retrieve-ecs-optimized_AMI.html
 */
export const ECS_AMI_PARAMETER = "/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id";

/**
 * IMDSv2 only, with a hop limit of 1: the token cannot travel the extra hop into a container, so no
 * task reaches the instance role's credentials (the agent runs in the host network and still can).
 * AL2023 AMIs default to a hop limit of 2 for containers, so it is set explicitly.
 * https://docs.aws.amazon.com/linux/al2023/ug/imdsv2.html
 * https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/instancedata-data-retrieval.html#imds-considerations
 */
export const INSTANCE_METADATA_OPTIONS = {
  httpEndpoint: "enabled",
  httpTokens: "required",
  httpPutResponseHopLimit: 1,
  instanceMetadataTags: "disabled",
} as const;

/** AL2023 ECS-optimized AMIs boot from /dev/xvda. */
export const ROOT_DEVICE = "/dev/xvda";

/**
 * The AL2023 ECS-optimized AMI's root snapshot is 30 GiB; EC2 refuses a root volume smaller than
 * the snapshot it is created from.
 */
export const MIN_DISK_SIZE_GIB = 30;

/**
 * The agent on the instance role; Session Manager for break-glass access instead of SSH.
 * https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEC2ContainerServiceforEC2Role.html
 * https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonSSMManagedInstanceCore.html
 */
export const INSTANCE_MANAGED_POLICIES = ["service-role/AmazonEC2ContainerServiceforEC2Role", "AmazonSSMManagedInstanceCore"] as const;

/**
 * Tag ECS puts on an Auto Scaling group it manages through a capacity provider. Declared on the
 * group so the provider does not try to remove it and the first instances carry it.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/asg-capacity-providers-create-auto-scaling-group.html
 */
export const ECS_MANAGED_TAG = "AmazonECSManaged";

/** ECS cluster, service and capacity provider names: 1 to 255 letters, digits, '-' and '_'. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html */
export const ECS_NAME_PATTERN = /^[A-Za-z0-9_-]{1,255}$/;

/** Why ECS would refuse the name, or undefined. */
export function ecsNameProblem(name: string, what: string): string | undefined {
  return ECS_NAME_PATTERN.test(name) ? undefined : `ECS rejects the ${what} name "${name}": 1 to 255 letters, digits, '-' and '_'`;
}

/** Prefixes a capacity provider name may not start with. https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCapacityProvider.html */
export const RESERVED_CAPACITY_PROVIDER_PREFIXES = ["aws", "ecs", "fargate"] as const;

/**
 * The capacity provider's name. Prefixed, because a system named "ecs…" would otherwise produce a
 * name AWS refuses; trimmed to ECS's 255 characters.
 */
export function capacityProviderName(clusterName: string): string {
  return `cp-${clusterName}`.slice(0, 255);
}

/** Problems with the capacity settings as [field, allowed] pairs; empty when valid. */
export function capacityProblems(c: EcsClusterSettings): Array<[keyof EcsClusterSettings, string]> {
  const out: Array<[keyof EcsClusterSettings, string]> = [];
  if (!Number.isInteger(c.minSize) || c.minSize < 0) out.push(["minSize", "an integer ≥ 0"]);
  if (!Number.isInteger(c.maxSize) || c.maxSize < 1) out.push(["maxSize", "an integer ≥ 1"]);
  if (c.minSize > c.maxSize) out.push(["minSize", `at most maxSize (${c.maxSize})`]);
  // https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedScaling.html (targetCapacity 1..100)
  if (!Number.isInteger(c.targetCapacityPercent) || c.targetCapacityPercent < 1 || c.targetCapacityPercent > 100) {
    out.push(["targetCapacityPercent", "an integer from 1 to 100 (ECS managed scaling target)"]);
  }
  if (!Number.isInteger(c.diskSizeGiB) || c.diskSizeGiB < MIN_DISK_SIZE_GIB) out.push(["diskSizeGiB", `an integer ≥ ${MIN_DISK_SIZE_GIB} (the AMI's root snapshot)`]);
  if (!/^[a-z][a-z0-9-]*\.[a-z0-9]+$/.test(c.instanceType)) out.push(["instanceType", "an EC2 instance type such as t3.large"]);
  return out;
}

/** The capacity problems as one sentence naming each field and its value, or undefined. */
export function capacityProblem(c: EcsClusterSettings): string | undefined {
  const problems = capacityProblems(c);
  if (problems.length === 0) return undefined;
  return `ECS capacity: ${problems.map(([field, allowed]) => `${field} (${JSON.stringify(c[field])}) must be ${allowed}`).join("; ")}`;
}

/** Why Cloud Map would refuse the private DNS namespace name, or undefined. https://docs.aws.amazon.com/cloud-map/latest/api/API_CreatePrivateDnsNamespace.html */
export function namespaceProblem(name: string): string | undefined {
  const label = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
  if (name.length <= 253 && name.split(".").every((l) => label.test(l))) return undefined;
  return `Cloud Map rejects the namespace name "${name}": lowercase DNS labels separated by dots, at most 253 characters (for example ecsai-prod.local)`;
}

/** ASGs, the ALB and Multi-AZ placement need subnets in two AZs at least. */
export function availabilityZoneProblem(count: number): string | undefined {
  return count >= 2 ? undefined : `ECS cluster: container instances must spread over at least 2 AZs (an ALB needs 2); got ${count}`;
}

/** What EcsCluster builds from: its Args with every default filled in. */
export interface ResolvedEcsCluster extends EcsClusterSettings {
  clusterName: string;
  serviceDiscoveryNamespace: string;
  servicePorts: number[];
  insightsLogRetentionDays: number;
  /** AZs the instances spread over: the given list's length, else the subnets' count when known before deployment. */
  azCount?: number;
}

/** Every problem with resolved cluster arguments, each naming the field and the value. */
export function checkEcsClusterArgs(r: ResolvedEcsCluster): string[] {
  const badPorts = r.servicePorts.filter((p) => !Number.isInteger(p) || p < 1 || p > 65535);
  return [
    ecsNameProblem(r.clusterName, "cluster"),
    r.azCount === undefined ? undefined : availabilityZoneProblem(r.azCount),
    capacityProblem(r),
    namespaceProblem(r.serviceDiscoveryNamespace),
    retentionProblem("insightsLogRetentionDays", r.insightsLogRetentionDays),
    badPorts.length > 0 ? `servicePorts: got ${JSON.stringify(badPorts)}; allowed: TCP ports from 1 to 65535` : undefined,
  ].filter((p): p is string => p !== undefined);
}

/**
 * EcsCluster's arguments with the defaults filled in: ECS_CLUSTER_DEFAULTS for the capacity, the
 * component's name for the cluster, `<cluster>.local` for Cloud Map, no service ports, 90 days of
 * Container Insights logs. Throws once, naming every problem.
 */
export function resolveEcsClusterArgs(name: string, args: EcsClusterArgs): ResolvedEcsCluster {
  const clusterName = args.clusterName ?? name;
  const resolved: ResolvedEcsCluster = {
    ...withDefaults(ECS_CLUSTER_DEFAULTS, args),
    clusterName,
    serviceDiscoveryNamespace: args.serviceDiscoveryNamespace ?? `${clusterName.toLowerCase().replace(/_/g, "-")}.local`,
    servicePorts: args.servicePorts ?? [],
    insightsLogRetentionDays: args.insightsLogRetentionDays ?? DEFAULT_LOG_RETENTION_DAYS,
    azCount: args.availabilityZones?.length ?? (Array.isArray(args.privateSubnetIds) ? args.privateSubnetIds.length : undefined),
  };
  const type = ec2InstanceTypeProblem(args.account.region, resolved.instanceType);
  const problems = [...checkEcsClusterArgs(resolved), ...(type ? [describeProblem("instanceType", resolved.instanceType, type)] : [])];
  if (problems.length > 0) throw new ComponentArgsError(problems.join("; "), problems);
  return resolved;
}

/**
 * /etc/ecs/ecs.config of every container instance: join the cluster; block awsvpc tasks from the
 * instance metadata service (credentials of the instance role); refuse privileged containers;
 * put the instance's tags on its container instance.
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-agent-config.html
 * https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ec2-security-considerations.html
 */
export function ecsAgentConfig(clusterName: string): string[] {
  return [
    `ECS_CLUSTER=${clusterName}`,
    "ECS_AWSVPC_BLOCK_IMDS=true",
    "ECS_DISABLE_PRIVILEGED=true",
    "ECS_CONTAINER_INSTANCE_PROPAGATE_TAGS_FROM=ec2_instance",
  ];
}

/** The launch template's user data (base64, as EC2 requires): writes the agent configuration. */
export function userData(clusterName: string): string {
  const script = ["#!/bin/bash", "set -euo pipefail", "cat >> /etc/ecs/ecs.config <<'EOF'", ...ecsAgentConfig(clusterName), "EOF", ""].join("\n");
  return Buffer.from(script, "utf8").toString("base64");
}
