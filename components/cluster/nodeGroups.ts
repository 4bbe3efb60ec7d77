/**
 * Managed node group settings: validation and the launch template every group uses. Pure; no
 * Pulumi imports.
 */

/** Kubernetes taint effects as config spells them, and as the EKS API does. */
export const TAINT_EFFECTS = { NoSchedule: "NO_SCHEDULE", PreferNoSchedule: "PREFER_NO_SCHEDULE", NoExecute: "NO_EXECUTE" } as const;
export type TaintEffect = keyof typeof TAINT_EFFECTS;

export interface Taint {
  key: string;
  value: string;
  effect: TaintEffect;
}

/** One managed node group. Documented field by field in stacks/config/sections/cluster.ts. */
export interface NodeGroupConfig {
  /** EC2 instance types offered in the region (aws/snapshot.json); more than one lets Spot pick from several pools. */
  instanceTypes: string[];
  /** ON_DEMAND or SPOT. https://docs.aws.amazon.com/eks/latest/userguide/managed-node-groups.html#managed-node-group-capacity-types */
  capacityType: "ON_DEMAND" | "SPOT";
  /** Nodes: minSize ≤ desiredSize ≤ maxSize, maxSize ≥ 1 (EKS NodegroupScalingConfig). */
  minSize: number;
  desiredSize: number;
  maxSize: number;
  /** Root volume size in GiB (gp3, encrypted). */
  diskSizeGiB: number;
  labels: Record<string, string>;
  taints: Taint[];
}

export type NodeGroupRole = "system" | "application" | "gpu";

/** Problems with a group's scaling, as [field, allowed] pairs; empty when valid. */
export function scalingProblems(g: Pick<NodeGroupConfig, "minSize" | "desiredSize" | "maxSize">): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (g.minSize > g.maxSize) out.push(["minSize", `at most maxSize (${g.maxSize})`]);
  if (g.desiredSize < g.minSize || g.desiredSize > g.maxSize) out.push(["desiredSize", `between minSize (${g.minSize}) and maxSize (${g.maxSize})`]);
  return out;
}

/** EKS spells taint effects in upper snake case. https://docs.aws.amazon.com/eks/latest/APIReference/API_Taint.html */
export function eksTaints(taints: Taint[]): Array<{ key: string; value: string; effect: string }> {
  return taints.map((t) => ({ key: t.key, value: t.value, effect: TAINT_EFFECTS[t.effect] }));
}

export type Architecture = "arm64" | "x86_64";

/**
 * The CPU architecture of an instance type: AWS Graviton (arm64) families carry a "g" right after
 * their generation digit (t4g, m7g, c6gn, r8gd, g5g) or are a1; every other family is x86_64.
 * https://docs.aws.amazon.com/ec2/latest/instancetypes/instance-type-names.html
 */
export function architectureOf(instanceType: string): Architecture {
  const family = instanceType.split(".")[0].toLowerCase();
  return family === "a1" || /^[a-z]+\d+g/.test(family) ? "arm64" : "x86_64";
}

/** The architectures of a group's types, once each; a managed node group's AMI serves one. */
export const architecturesOf = (instanceTypes: readonly string[]): Architecture[] => [...new Set(instanceTypes.map(architectureOf))];

/**
 * The kubernetes.io/arch label values of a group's types: Kubernetes says amd64 where EC2 says
 * x86_64. Karpenter's NodePool requires these, so its nodes run the images the group's do.
 * https://kubernetes.io/docs/reference/labels-annotations-taints/#kubernetes-io-arch
 */
export const kubernetesArchitectures = (instanceTypes: readonly string[]): Array<"amd64" | "arm64"> =>
  architecturesOf(instanceTypes).map((a) => (a === "x86_64" ? "amd64" : "arm64"));

type AmiType = "AL2023_x86_64_STANDARD" | "AL2023_x86_64_NVIDIA" | "AL2023_ARM_64_STANDARD" | "AL2023_ARM_64_NVIDIA";

/**
 * EKS-optimized Amazon Linux 2023 AMI type for a group: the NVIDIA variant for the GPU group, the
 * ARM_64 one for Graviton instance types (config validation keeps a group to one architecture).
 * https://docs.aws.amazon.com/eks/latest/APIReference/API_Nodegroup.html#AmazonEKS-Type-Nodegroup-amiType
 */
export function amiType(role: NodeGroupRole, instanceTypes: readonly string[] = []): AmiType {
  const arm = instanceTypes.length > 0 && architectureOf(instanceTypes[0]) === "arm64";
  if (role === "gpu") return arm ? "AL2023_ARM_64_NVIDIA" : "AL2023_x86_64_NVIDIA";
  return arm ? "AL2023_ARM_64_STANDARD" : "AL2023_x86_64_STANDARD";
}

/**
 * The instance families of some instance types, once each in first-seen order: "c5.2xlarge" is
 * family c5, "m7i-flex.large" m7i-flex (everything before the dot, as the EC2 API names families).
 * Karpenter's NodePool launches only these, so its extra nodes are the kind the stack sized.
 * https://karpenter.sh/docs/concepts/nodepools/#well-known-labels (karpenter.k8s.aws/instance-family)
 */
export function instanceFamilies(instanceTypes: readonly string[]): string[] {
  return [...new Set(instanceTypes.map((t) => t.split(".")[0]))];
}

/**
 * IMDSv2 only, with a hop limit of 2 so pods behind the node's network namespace can still reach
 * the metadata service when they must (the EKS recommendation for containers); the instance's own
 * tags stay out of IMDS. https://docs.aws.amazon.com/eks/latest/userguide/launch-templates.html
 */
export const METADATA_OPTIONS = {
  httpEndpoint: "enabled",
  httpTokens: "required",
  httpPutResponseHopLimit: 2,
  instanceMetadataTags: "disabled",
} as const;

/** AL2023 EKS AMIs boot from /dev/xvda. */
export const ROOT_DEVICE = "/dev/xvda";

/**
 * The root volume of every node: gp3, encrypted with the given key, deleted with the instance.
 * EBS wants booleans as strings in a launch template mapping.
 */
export function rootVolume<K>(sizeGiB: number, kmsKeyArn: K) {
  return {
    deviceName: ROOT_DEVICE,
    ebs: { volumeSize: sizeGiB, volumeType: "gp3", encrypted: "true", kmsKeyId: kmsKeyArn, deleteOnTermination: "true" },
  };
}

/** Tags the cluster autoscaler discovers managed node groups by (EKS adds them to the ASG itself). */
export function autoscalerDiscoveryTags(clusterName: string): Record<string, string> {
  return { "k8s.io/cluster-autoscaler/enabled": "true", [`k8s.io/cluster-autoscaler/${clusterName}`]: "owned" };
}
