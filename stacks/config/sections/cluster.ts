/**
 * `platform:cluster`: the container tier. `engine: eks` (the default) builds the EKS cluster, its
 * node groups, add-ons and controllers; `engine: ecs` builds an ECS cluster on EC2 from `ecs`
 * (sections/ecs.ts). Both get the registry. A stack without `enabled: true` gets no cluster.
 */
import { z } from "zod";
import { AUTOSCALER_CHART_VERSIONS, AUTOSCALER_KINDS, CLUSTER_PRESETS, HPA_CPU_TARGET_MAX, HPA_CPU_TARGET_MIN, KUBERNETES_WORKLOADS_PRESETS } from "../../../components/cluster/presets";
import { architecturesOf, scalingProblems } from "../../../components/cluster/nodeGroups";
import { ADDON_VERSION_PATTERN, describeSupportedVersions, isSupportedKubernetesVersion } from "../../../components/cluster/versions";
import { AUTONAME_SUFFIX_LENGTH, AWS_NAME_LIMITS } from "../../../components/naming";
import { REGISTRY_PRESETS } from "../../../components/registry";
import type { ConfigProblem } from "../problems";
import { Profile, mapProfiles } from "../values";
import { cidrBlock } from "./common";
import { ECS_DEFAULTS, EcsConfig, ecsProblems, ecsSchema } from "./ecs";
import type { ServiceConfig } from "./services";

const label = z.string().regex(/^([a-z0-9.-]+\/)?[A-Za-z0-9]([A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?$/, "a Kubernetes label key such as workload or example.com/role");

const nodeGroup = z.strictObject({
  instanceTypes: z.array(z.string().regex(/^[a-z][a-z0-9-]*\.[a-z0-9]+$/, "an EC2 instance type such as t3.large")).min(1)
    .describe("EC2 instance types. Several let Spot draw from more capacity pools."),
  capacityType: z.enum(["ON_DEMAND", "SPOT"]).describe("ON_DEMAND, or SPOT (dev only: Spot nodes can be reclaimed with two minutes' notice)."),
  minSize: z.number().int().min(0).max(450).describe("Fewest nodes. minSize ≤ desiredSize ≤ maxSize (EKS scaling config)."),
  desiredSize: z.number().int().min(0).max(450).describe("Nodes at creation; the autoscaler moves it afterwards."),
  maxSize: z.number().int().min(1).max(450).describe("Most nodes the autoscaler may run."),
  diskSizeGiB: z.number().int().min(20).max(16384).describe("Root volume size in GiB: gp3, encrypted with the data key (not a knob)."),
  labels: z.record(label, z.string().max(63)).describe("Kubernetes labels on every node of the group."),
  taints: z.array(z.strictObject({
    key: label,
    value: z.string().max(63),
    effect: z.enum(["NoSchedule", "PreferNoSchedule", "NoExecute"]),
  })).describe("Kubernetes taints on every node of the group, at most 50 (EKS limit)."),
});

const addonVersion = z.string().regex(ADDON_VERSION_PATTERN, "an exact add-on build such as v1.19.2-eksbuild.1, or default")
  .describe("Exact build from `aws eks describe-addon-versions`, or default: the build EKS marks default for the cluster's Kubernetes version, resolved at deploy time.");
const chartVersion = z.string().regex(/^\d+\.\d+\.\d+$/, "an exact chart version such as 1.14.1").describe("Exact Helm chart version.");

const principalArn = z.string().regex(/^arn:aws[\w-]*:iam::\d{12}:(role|user)\/[\w+=,.@-]+$/, "an IAM role or user ARN without a path, such as arn:aws:iam::123456789012:role/platform-admin");

/** What runs the services: Amazon EKS, or Amazon ECS on EC2 container instances. */
export const ENGINES = ["eks", "ecs"] as const;
export type Engine = (typeof ENGINES)[number];

const KEY = "platform:cluster";

/** Keys only the EKS engine reads, in the order the reference lists them. */
const eksShape = {
  kubernetesVersion: z.string().describe(`Kubernetes minor version in EKS standard support: ${describeSupportedVersions()}. Upgrade policy is STANDARD, so EKS never bills extended support silently.`),
  endpoint: z.strictObject({
    publicAccess: z.boolean().describe("Public API endpoint (EKS's default is on; ours is off). The private endpoint is always on. With publicAccess, publicAccessCidrs must list the allowed networks, never 0.0.0.0/0 in prod; prod keeps it off."),
    publicAccessCidrs: z.array(cidrBlock(0, 32)).describe("Networks allowed to reach the public endpoint (your office or CI egress), when publicAccess is on."),
    privateAccessCidrs: z.array(cidrBlock(8, 32)).describe("Networks inside or connected to the VPC (a CI runner's subnet, a VPN) admitted on 443 to the private endpoint."),
  }),
  adminPrincipalArns: z.array(principalArn).describe("IAM roles or users given cluster-admin through EKS access entries (the deploying principal is added by EKS at creation)."),
  deletionProtection: z.boolean().describe("EKS deletion protection: the cluster cannot be deleted until it is turned off. Required in prod."),
  nodeGroups: z.strictObject({
    system: nodeGroup.extend({
      enabled: z.boolean().describe("Run the critical add-ons on their own group. false (dev's default) runs them beside the services on the application nodes, which they tolerate; required in prod."),
    }).describe("Critical add-ons (CoreDNS, controllers), tainted CriticalAddonsOnly."),
    application: nodeGroup.describe("The services."),
    gpu: nodeGroup.extend({ enabled: z.boolean().describe("Create the GPU group (AL2023 NVIDIA AMI) for services with gpu: true.") }).describe("GPU nodes for the AI service."),
  }),
  autoscaler: z.strictObject({
    kind: z.enum(AUTOSCALER_KINDS).describe("Node autoscaler: cluster-autoscaler resizes the managed node groups; karpenter launches nodes itself."),
    clusterAutoscalerChartVersion: chartVersion,
    karpenterChartVersion: chartVersion,
  }),
  podAutoscaling: z.strictObject({
    cpuTargetPercent: z.number().int().min(HPA_CPU_TARGET_MIN).max(HPA_CPU_TARGET_MAX)
      .describe(`Average CPU, in percent of the pods' requests, each service's HorizontalPodAutoscaler holds its pods at: ${HPA_CPU_TARGET_MIN} to ${HPA_CPU_TARGET_MAX}.`),
  }),
  loadBalancerController: z.strictObject({ chartVersion }),
  addons: z.strictObject({
    vpcCni: addonVersion,
    kubeProxy: addonVersion,
    coredns: addonVersion,
    ebsCsiDriver: addonVersion,
    metricsServer: addonVersion,
    cloudwatchObservability: addonVersion,
  }),
};

/** Keys only the EKS engine reads; a stack with engine: ecs that sets one has misread the schema. */
export const EKS_ONLY_KEYS = Object.keys(eksShape) as Array<keyof typeof eksShape>;

/** A key the chosen engine does not read: any value is a problem that says which engine reads it. */
const notWith = (allowed: string) => z.never({ error: allowed }).optional();

const enabled = z.boolean().describe("Build the container tier.");
const engineDoc = "eks: an EKS cluster (every key below except ecs); ecs: an ECS cluster on EC2 (the ecs key; the EKS-only keys must then be left out).";
const registry = z.strictObject({
  immutableTags: z.boolean().describe("ECR tag immutability: a pushed tag can never point at another image. Required in prod."),
  keepImages: z.number().int().min(1).max(1000).describe("Tagged images kept per repository; older ones expire."),
  untaggedExpiryDays: z.number().int().min(1).max(365).describe("Days an untagged image is kept."),
});

const eksCluster = z.strictObject({
  enabled,
  engine: z.literal("eks").describe(engineDoc),
  ecs: notWith("no value when engine is eks: set engine: ecs to use it"),
  ...eksShape,
  registry,
});

const ecsCluster = z.strictObject({
  enabled,
  engine: z.literal("ecs").describe(engineDoc),
  ecs: ecsSchema.describe("The ECS engine: container instances, capacity provider, service autoscaling. Only with engine: ecs."),
  ...Object.fromEntries(EKS_ONLY_KEYS.map((k) => [k, notWith(`no value when engine is ecs: ${k} configures EKS only (the ECS engine reads ${KEY}.ecs and ${KEY}.registry)`)])) as {
    [K in keyof typeof eksShape]: ReturnType<typeof notWith>;
  },
  registry,
});

/**
 * `engine` chooses the branch: eks with its keys, or ecs with `ecs`. Either engine's keys under the
 * other are a problem naming the key; the registry and `enabled` belong to both.
 */
export const clusterSchema = z.discriminatedUnion("engine", [eksCluster, ecsCluster]);
export type ClusterConfig = z.infer<typeof clusterSchema>;
export type EksClusterConfig = z.infer<typeof eksCluster>;
export type EcsClusterConfig = z.infer<typeof ecsCluster>;

/** The cluster config of one engine; a tier's wiring builds only its own engine, and says so if asked for the other. */
export function clusterOf<E extends Engine>(c: ClusterConfig, engine: E): Extract<ClusterConfig, { engine: E }> {
  if (c.engine !== engine) throw new Error(`${KEY}.engine is ${c.engine}; the ${engine} engine's wiring cannot build it`);
  return c as Extract<ClusterConfig, { engine: E }>;
}

/** A profile's cluster defaults carry both engines' values; the stack file's engine picks one set (clusterDefaultsFor). */
export type ClusterDefaults = Omit<EksClusterConfig, "ecs"> & { ecs: EcsConfig };

/**
 * The Cluster's presets (components/cluster/presets.ts) in the stack's shape: the stack adds
 * `enabled`, the engine and the ECS and registry presets, keeps both autoscalers' chart versions,
 * the pod autoscaling target, and takes log retention from platform:logging.
 */
export const CLUSTER_DEFAULTS: Record<Profile, ClusterDefaults> = mapProfiles((p) => {
  const { kubernetesVersion, endpoint, adminPrincipalArns, deletionProtection, nodeGroups, autoscaler, loadBalancerControllerChartVersion, addonVersions } = CLUSTER_PRESETS[p];
  return {
    kubernetesVersion,
    adminPrincipalArns: [...adminPrincipalArns],
    autoscaler: { kind: autoscaler.kind, clusterAutoscalerChartVersion: AUTOSCALER_CHART_VERSIONS["cluster-autoscaler"], karpenterChartVersion: AUTOSCALER_CHART_VERSIONS.karpenter },
    podAutoscaling: { cpuTargetPercent: KUBERNETES_WORKLOADS_PRESETS[p].podCpuTargetPercent },
    loadBalancerController: { chartVersion: loadBalancerControllerChartVersion },
    addons: { ...addonVersions },
    enabled: false,
    engine: "eks" as const,
    ecs: ECS_DEFAULTS[p],
    endpoint: { ...endpoint },
    deletionProtection,
    nodeGroups,
    registry: REGISTRY_PRESETS[p],
  };
});

const GROUPS = ["system", "application", "gpu"] as const;

/** The logical name of a service's IAM role; Pulumi appends 8 characters, IAM allows 64. */
export const serviceRoleLogicalName = (system: string, service: string) => `${system}-cluster-svc-${service}`;

function groupProblems(c: EksClusterConfig, profile: Profile | undefined): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  for (const g of GROUPS) {
    const group = c.nodeGroups[g];
    for (const [field, allowed] of scalingProblems(group)) out.push({ key: `${KEY}.nodeGroups.${g}.${field}`, value: group[field as "minSize"], allowed });
    if (group.capacityType === "SPOT" && profile !== "dev") {
      out.push({ key: `${KEY}.nodeGroups.${g}.capacityType`, value: group.capacityType, allowed: `"ON_DEMAND" when profile is ${profile}: Spot is allowed in dev only` });
    }
    if (architecturesOf(group.instanceTypes).length > 1) {
      out.push({ key: `${KEY}.nodeGroups.${g}.instanceTypes`, value: group.instanceTypes, allowed: "instance types of one architecture: all Graviton (arm64, e.g. t4g, m7g) or all x86_64 (e.g. t3, m6i), since a managed node group runs one AMI type" });
    }
    if (group.taints.length > 50) out.push({ key: `${KEY}.nodeGroups.${g}.taints`, value: group.taints.length, allowed: "at most 50 taints (EKS limit)" });
  }
  return out;
}

function endpointProblems(c: EksClusterConfig, profile: Profile | undefined): ConfigProblem[] {
  const e = c.endpoint;
  if (!e.publicAccess) {
    return e.publicAccessCidrs.length > 0 ? [{ key: `${KEY}.endpoint.publicAccessCidrs`, value: e.publicAccessCidrs, allowed: "[] when publicAccess is false (EKS rejects CIDRs for a closed endpoint)" }] : [];
  }
  // EKS opens a public endpoint to 0.0.0.0/0 when no CIDRs are given.
  if (e.publicAccessCidrs.length === 0) return [{ key: `${KEY}.endpoint.publicAccessCidrs`, value: e.publicAccessCidrs, allowed: "at least one CIDR when publicAccess is true; EKS would otherwise open the endpoint to 0.0.0.0/0" }];
  const out: ConfigProblem[] = [];
  // prod is private-only: the policy pack rejects any public endpoint there (eks-disallow-public-endpoint).
  if (profile === "prod") out.push({ key: `${KEY}.endpoint.publicAccess`, value: true, allowed: "false when profile is prod: deploy from a runner inside the VPC listed in endpoint.privateAccessCidrs" });
  if (profile === "prod" && e.publicAccessCidrs.some((cidr) => cidr.endsWith("/0"))) {
    out.push({ key: `${KEY}.endpoint.publicAccessCidrs`, value: e.publicAccessCidrs, allowed: "CIDRs other than 0.0.0.0/0 when profile is prod: the API server is never open to the internet" });
  }
  return out;
}

/** ECS container instances are one instance type, without GPUs. */
function ecsGpuProblems(services: ServiceConfig[]): ConfigProblem[] {
  return services.flatMap((s, i) => (s.gpu ? [{ key: `platform:services[${i}].gpu`, value: true, allowed: "false with engine ecs: its container instances are one instance type without GPUs; use engine eks with nodeGroups.gpu" }] : []));
}

function serviceProblems(c: EksClusterConfig, services: ServiceConfig[], system: string | undefined): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  services.forEach((s, i) => {
    if (s.gpu && !c.nodeGroups.gpu.enabled) out.push({ key: `platform:services[${i}].gpu`, value: true, allowed: `false, or set ${KEY}.nodeGroups.gpu.enabled: true so the service has GPU nodes` });
    const role = serviceRoleLogicalName(system ?? "", s.name);
    if (system && role.length + AUTONAME_SUFFIX_LENGTH > AWS_NAME_LIMITS.iamRole) {
      out.push({ key: `platform:services[${i}].name`, value: s.name, allowed: `at most ${AWS_NAME_LIMITS.iamRole - AUTONAME_SUFFIX_LENGTH - role.length + s.name.length} characters with platform:name "${system}": its IAM role name "${role}" plus Pulumi's 8-character suffix must fit IAM's 64` });
    }
  });
  return out;
}

/**
 * The profile's cluster defaults for what the stack file gives: the ECS engine's (`enabled`,
 * `registry`, `ecs`) when it names engine ecs, else the EKS engine's. Only the stack file can then
 * set the other engine's keys, and the schema rejects them by name.
 */
export function clusterDefaultsFor(d: ClusterDefaults, given: unknown): ClusterConfig {
  const engine = typeof given === "object" && given !== null ? (given as { engine?: unknown }).engine : undefined;
  if (engine === "ecs") return { enabled: d.enabled, engine: "ecs", ecs: d.ecs, registry: d.registry };
  const { ecs: _ecs, ...eks } = d;
  return eks;
}

export function clusterRules(
  c: { profile?: Profile; name?: string; cluster?: ClusterConfig; services?: ServiceConfig[]; edge?: { enabled: boolean } },
): ConfigProblem[] {
  const cluster = c.cluster;
  if (!cluster) return [];
  const out: ConfigProblem[] = [];
  if (cluster.engine === "ecs") {
    if (c.profile === "prod" && !cluster.registry.immutableTags) out.push({ key: `${KEY}.registry.immutableTags`, value: false, allowed: "true when profile is prod: a deployed tag must always mean the same image" });
    if (cluster.enabled) out.push(...ecsProblems(cluster.ecs, c.services ?? [], c.name), ...ecsGpuProblems(c.services ?? []));
    // ECS services register with the edge tier's target groups; without the edge nothing routes to them.
    const routed = (c.services ?? []).filter((s) => s.routePath).map((s) => s.name);
    if (cluster.enabled && c.edge && !c.edge.enabled && routed.length > 0) {
      out.push({ key: "platform:edge.enabled", value: false, allowed: `true with engine ecs while services have a routePath (${routed.join(", ")}): the edge tier's load balancer is what routes to them` });
    }
    return out;
  }
  if (!isSupportedKubernetesVersion(cluster.kubernetesVersion)) {
    out.push({ key: `${KEY}.kubernetesVersion`, value: cluster.kubernetesVersion, allowed: `a version in EKS standard support: ${describeSupportedVersions()}` });
  }
  out.push(...endpointProblems(cluster, c.profile), ...groupProblems(cluster, c.profile));
  if (c.profile === "prod") {
    if (!cluster.nodeGroups.system.enabled) out.push({ key: `${KEY}.nodeGroups.system.enabled`, value: false, allowed: "true when profile is prod: critical add-ons run on their own on-demand nodes, never beside the services" });
    if (!cluster.deletionProtection) out.push({ key: `${KEY}.deletionProtection`, value: false, allowed: "true when profile is prod" });
    if (!cluster.registry.immutableTags) out.push({ key: `${KEY}.registry.immutableTags`, value: false, allowed: "true when profile is prod: a deployed tag must always mean the same image" });
  }
  if (cluster.enabled) out.push(...serviceProblems(cluster, c.services ?? [], c.name));
  return out;
}
