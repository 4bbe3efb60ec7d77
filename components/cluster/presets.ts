/**
 * Settings of the Cluster component, what a direct caller gets by default, the per-profile presets
 * the platform's stacks start from, and the rules EKS holds them to. Pure; no Pulumi imports.
 */
import { LOGGING_PRESETS, LogRetentionDays } from "../logs";
import { Profile, mapProfiles } from "../profiles";
import { REGISTRY_PRESETS, RegistrySettings } from "../registry";
import { SettingProblem, assertNoProblems, logRetentionProblems, problem } from "../settings";
import { NodeGroupConfig, Taint, scalingProblems } from "./nodeGroups";
import type { AddonKey } from "./versions";

/** A node group the caller may turn off; its sizes stay written down for when it is turned on. */
export type OptionalNodeGroup = NodeGroupConfig & {
  /** Create the group. */
  enabled: boolean;
};

/** Pinned Helm chart versions of the node autoscalers and the load balancer controller. */
export const CLUSTER_AUTOSCALER_CHART_VERSION = "9.52.1";
export const KARPENTER_CHART_VERSION = "1.8.1";
export const LOAD_BALANCER_CONTROLLER_CHART_VERSION = "1.14.1";

/** The node autoscalers: cluster-autoscaler resizes the managed node groups; karpenter launches nodes itself. */
export const AUTOSCALER_KINDS = ["cluster-autoscaler", "karpenter"] as const;
export type AutoscalerKind = (typeof AUTOSCALER_KINDS)[number];

/** Each autoscaler's pinned chart: what a caller that names only the kind gets. */
export const AUTOSCALER_CHART_VERSIONS: Record<AutoscalerKind, string> = { "cluster-autoscaler": CLUSTER_AUTOSCALER_CHART_VERSION, karpenter: KARPENTER_CHART_VERSION };

/**
 * The node autoscaler: its kind and that kind's chart. One shape for both kinds, on purpose: the
 * Cluster needs only the kind (it builds that kind's IAM role, and for Karpenter its interruption
 * queue and node role); Karpenter's NodePool bounds (instance families, architecture, Spot, disk,
 * vCPU ceiling) are not settings of their own but derived from the application node group
 * (nodeGroups.ts karpenterPoolOf), so its extra nodes are the kind that group sized; and the Cluster
 * Autoscaler's options (balance similar groups, least-waste expander) are hard-wired HA choices. The
 * kind-specific values live where they differ: ClusterControllers' AutoscalerRelease is a
 * discriminated union whose karpenter branch carries the queue, node role, subnets and pool.
 */
export type AutoscalerSettings = { kind: AutoscalerKind; chartVersion: string };

export interface ClusterSettings {
  /**
   * Kubernetes minor version in EKS standard support (versions.ts); the upgrade policy is STANDARD,
   * so extended support is never billed silently.
   * https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html
   * @default "1.35"
   */
  kubernetesVersion: string;
  /**
   * API endpoint. The private endpoint is always on (not a knob). publicAccess needs an explicit
   * CIDR list, never empty (EKS would open it to 0.0.0.0/0). privateAccessCidrs and
   * clientSecurityGroupIds (the deploy runner's group) are admitted on 443 to the private endpoint.
   * https://docs.aws.amazon.com/eks/latest/userguide/cluster-endpoint.html
   * @default { publicAccess: false, publicAccessCidrs: [], privateAccessCidrs: [] }
   */
  endpoint: { publicAccess: boolean; publicAccessCidrs: string[]; privateAccessCidrs: string[] };
  /**
   * IAM principals given AmazonEKSClusterAdminPolicy through access entries (the creator gets
   * access at creation). https://docs.aws.amazon.com/eks/latest/userguide/access-entries.html
   * @default []
   */
  adminPrincipalArns: string[];
  /**
   * EKS deletion protection. https://docs.aws.amazon.com/eks/latest/userguide/deletion-protection.html
   * @default true
   */
  deletionProtection: boolean;
  /**
   * Managed node groups: instance types, ON_DEMAND or SPOT, sizes (min ≤ desired ≤ max), gp3 disk
   * GiB, labels and taints. `system` holds the critical add-ons (tainted CriticalAddonsOnly); off, they
   * run on the application nodes (a dev cost option). `gpu` only when enabled.
   * https://docs.aws.amazon.com/eks/latest/userguide/managed-node-groups.html
   * @default prod: 3 on-demand t3.medium system nodes, 3..10 on-demand t3.large application nodes, no GPU group
   */
  nodeGroups: { system: OptionalNodeGroup; application: NodeGroupConfig; gpu: OptionalNodeGroup };
  /**
   * Node autoscaler and its pinned chart version.
   * https://docs.aws.amazon.com/eks/latest/best-practices/cas.html
   * @default { kind: "cluster-autoscaler", chartVersion: CLUSTER_AUTOSCALER_CHART_VERSION }
   */
  autoscaler: AutoscalerSettings;
  /** Pinned AWS Load Balancer Controller chart version. @default LOAD_BALANCER_CONTROLLER_CHART_VERSION */
  loadBalancerControllerChartVersion: string;
  /**
   * Add-on builds per add-on: an exact build or "default" (the EKS default for the version).
   * https://docs.aws.amazon.com/eks/latest/userguide/eks-add-ons.html
   * @default "default" for every add-on
   */
  addonVersions: Record<AddonKey, string>;
  /**
   * Days control-plane logs (audit among them) are kept; a CloudWatch Logs retention value.
   * https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html
   * @default 400 (LOGGING_DEFAULTS.auditRetentionDays)
   */
  controlPlaneLogRetentionDays: LogRetentionDays;
  /** Days Container Insights logs are kept. @default 90 (LOGGING_DEFAULTS.retentionDays) */
  insightsLogRetentionDays: LogRetentionDays;
}

const SYSTEM_TAINT: Taint[] = [{ key: "CriticalAddonsOnly", value: "true", effect: "NoSchedule" }];
/** The GPU group, off in every profile: a system turns it on for its services with gpu: true. */
const gpuGroup = (): OptionalNodeGroup => ({
  enabled: false, instanceTypes: ["g5.xlarge"], capacityType: "ON_DEMAND", minSize: 0, desiredSize: 0, maxSize: 2, diskSizeGiB: 100,
  labels: { workload: "gpu" }, taints: [{ key: "nvidia.com/gpu", value: "true", effect: "NoSchedule" }],
});
const systemGroup = (g: Omit<OptionalNodeGroup, "labels" | "taints">): OptionalNodeGroup => ({ ...g, labels: { workload: "system" }, taints: SYSTEM_TAINT });
const applicationGroup = (g: Omit<NodeGroupConfig, "labels" | "taints">): NodeGroupConfig => ({ ...g, labels: { workload: "application" }, taints: [] });

const common = (p: Profile) => ({
  kubernetesVersion: "1.35",
  endpoint: { publicAccess: false, publicAccessCidrs: [], privateAccessCidrs: [] },
  adminPrincipalArns: [],
  autoscaler: { kind: "cluster-autoscaler" as const, chartVersion: AUTOSCALER_CHART_VERSIONS["cluster-autoscaler"] },
  loadBalancerControllerChartVersion: LOAD_BALANCER_CONTROLLER_CHART_VERSION,
  addonVersions: { vpcCni: "default", kubeProxy: "default", coredns: "default", ebsCsiDriver: "default", metricsServer: "default", cloudwatchObservability: "default" },
  controlPlaneLogRetentionDays: LOGGING_PRESETS[p].auditRetentionDays,
  insightsLogRetentionDays: LOGGING_PRESETS[p].retentionDays,
});

/**
 * dev: small, Spot for the services, the add-ons beside them. prod: three on-demand system nodes
 * (one per AZ), private endpoint only, deletion protection.
 */
export const CLUSTER_PRESETS: Record<Profile, ClusterSettings> = {
  dev: {
    ...common("dev"),
    deletionProtection: false,
    nodeGroups: {
      // Off: the add-ons run on the application nodes (docs/cost.md). When turned on: Graviton (every
      // add-on on it ships arm64 images) and Spot, like the services.
      system: systemGroup({ enabled: false, instanceTypes: ["t4g.medium"], capacityType: "SPOT", minSize: 1, desiredSize: 1, maxSize: 2, diskSizeGiB: 20 }),
      // Graviton (docs/cost.md): the services' images must be built for linux/arm64 (or be
      // multi-arch); for amd64-only images set instanceTypes to ["t3.large", "t3a.large"].
      application: applicationGroup({ instanceTypes: ["t4g.large", "m6g.large"], capacityType: "SPOT", minSize: 1, desiredSize: 2, maxSize: 4, diskSizeGiB: 30 }),
      gpu: gpuGroup(),
    },
  },
  staging: {
    ...common("staging"),
    deletionProtection: true,
    nodeGroups: {
      system: systemGroup({ enabled: true, instanceTypes: ["t3.medium"], capacityType: "ON_DEMAND", minSize: 3, desiredSize: 3, maxSize: 4, diskSizeGiB: 20 }),
      application: applicationGroup({ instanceTypes: ["t3.large"], capacityType: "ON_DEMAND", minSize: 3, desiredSize: 3, maxSize: 6, diskSizeGiB: 50 }),
      gpu: gpuGroup(),
    },
  },
  prod: {
    ...common("prod"),
    deletionProtection: true,
    nodeGroups: {
      system: systemGroup({ enabled: true, instanceTypes: ["t3.medium"], capacityType: "ON_DEMAND", minSize: 3, desiredSize: 3, maxSize: 4, diskSizeGiB: 20 }),
      application: applicationGroup({ instanceTypes: ["t3.large"], capacityType: "ON_DEMAND", minSize: 3, desiredSize: 3, maxSize: 10, diskSizeGiB: 50 }),
      gpu: gpuGroup(),
    },
  },
};

/** A direct caller's cluster: the prod preset. */
export const CLUSTER_DEFAULTS: ClusterSettings = CLUSTER_PRESETS.prod;

/** Every rule EKS would reject these settings for (the Kubernetes version is checked by addons/versions). */
export function checkClusterSettings(s: ClusterSettings): SettingProblem[] {
  const groups = (["system", "application", "gpu"] as const).filter((g) => g === "application" || s.nodeGroups[g].enabled);
  return [
    ...(s.endpoint.publicAccess && s.endpoint.publicAccessCidrs.length === 0
      ? [problem("endpoint.publicAccessCidrs", [], "at least one CIDR with publicAccess: an empty list opens the endpoint to 0.0.0.0/0")]
      : []),
    ...groups.flatMap((g) => scalingProblems(s.nodeGroups[g]).map(([field, allowed]) => problem(`nodeGroups.${g}.${field}`, s.nodeGroups[g][field as "minSize"], allowed))),
    ...logRetentionProblems("controlPlaneLogRetentionDays", s.controlPlaneLogRetentionDays),
    ...logRetentionProblems("insightsLogRetentionDays", s.insightsLogRetentionDays),
  ];
}

/** What a caller may give of the settings: any field, node groups and the endpoint field by field. */
export type ClusterSettingsInput = Partial<Omit<ClusterSettings, "endpoint" | "nodeGroups" | "autoscaler">> & {
  endpoint?: Partial<ClusterSettings["endpoint"]>;
  /** The kind alone takes that kind's pinned chart (AUTOSCALER_CHART_VERSIONS). */
  autoscaler?: { kind: AutoscalerKind; chartVersion?: string };
  /** A group given is created unless it says enabled: false; a group left out takes the default's. */
  nodeGroups?: { system?: NodeGroupConfig & { enabled?: boolean }; application?: NodeGroupConfig; gpu?: NodeGroupConfig & { enabled?: boolean } };
};

/** The caller's settings over CLUSTER_DEFAULTS; throws listing every problem, naming the cluster. */
export function resolveClusterSettings(name: string, given: ClusterSettingsInput): ClusterSettings {
  const d = CLUSTER_DEFAULTS;
  const pick = <K extends Exclude<keyof ClusterSettings, "autoscaler">>(k: K): ClusterSettings[K] => (given[k] ?? d[k]) as ClusterSettings[K];
  const g = given.nodeGroups ?? {};
  const s: ClusterSettings = {
    kubernetesVersion: pick("kubernetesVersion"),
    endpoint: { ...d.endpoint, ...Object.fromEntries(Object.entries(given.endpoint ?? {}).filter(([, v]) => v !== undefined)) },
    adminPrincipalArns: pick("adminPrincipalArns"),
    deletionProtection: pick("deletionProtection"),
    nodeGroups: {
      system: g.system ? { ...g.system, enabled: g.system.enabled ?? true } : d.nodeGroups.system,
      application: g.application ?? d.nodeGroups.application,
      gpu: g.gpu ? { ...g.gpu, enabled: g.gpu.enabled ?? true } : d.nodeGroups.gpu,
    },
    autoscaler: given.autoscaler ? { kind: given.autoscaler.kind, chartVersion: given.autoscaler.chartVersion ?? AUTOSCALER_CHART_VERSIONS[given.autoscaler.kind] } : d.autoscaler,
    loadBalancerControllerChartVersion: pick("loadBalancerControllerChartVersion"),
    addonVersions: pick("addonVersions"),
    controlPlaneLogRetentionDays: pick("controlPlaneLogRetentionDays"),
    insightsLogRetentionDays: pick("insightsLogRetentionDays"),
  };
  assertNoProblems(name, checkClusterSettings(s));
  return s;
}

/** HorizontalPodAutoscaler CPU target bounds: below 10 % pods scale out on idle noise; above 100 % they run past their requests. */
export const HPA_CPU_TARGET_MIN = 10;
export const HPA_CPU_TARGET_MAX = 100;

/** The knobs of KubernetesWorkloads (the Kubernetes side of the services). */
export interface KubernetesWorkloadsSettings {
  /**
   * Average CPU each service's HPA holds its pods at, in percent of their CPU requests: an integer
   * from 10 to 100 (platform:cluster.podAutoscaling.cpuTargetPercent).
   * https://kubernetes.io/docs/tasks/run-application/horizontal-pod-autoscale/#algorithm-details
   * @default 70
   */
  podCpuTargetPercent: number;
}

/** The same target in every profile: headroom for a burst while new pods start. */
export const KUBERNETES_WORKLOADS_PRESETS: Record<Profile, KubernetesWorkloadsSettings> = mapProfiles(() => ({ podCpuTargetPercent: 70 }));
/** A direct caller's target: the prod preset. */
export const KUBERNETES_WORKLOADS_DEFAULTS: KubernetesWorkloadsSettings = KUBERNETES_WORKLOADS_PRESETS.prod;

/** The knobs of ClusterControllers: the pinned charts and what the default StorageClass does with released volumes. */
export interface ClusterControllersSettings {
  /** Pinned AWS Load Balancer Controller chart. https://docs.aws.amazon.com/eks/latest/userguide/lbc-helm.html @default LOAD_BALANCER_CONTROLLER_CHART_VERSION */
  loadBalancerControllerChartVersion: string;
  /** Pinned chart per autoscaler kind. @default AUTOSCALER_CHART_VERSIONS */
  autoscalerChartVersions: Record<AutoscalerKind, string>;
  /**
   * The encrypted default StorageClass's reclaimPolicy: Retain (true) keeps a volume, and its data,
   * after its claim is deleted; Delete (false) removes it with the claim.
   * https://kubernetes.io/docs/concepts/storage/persistent-volumes/#reclaiming
   * @default true (the platform's stacks retain wherever the cluster has deletion protection)
   */
  retainVolumes: boolean;
}

/** A direct caller's controllers: the pinned charts, volumes kept (the prod choice). */
export const CLUSTER_CONTROLLERS_DEFAULTS: ClusterControllersSettings = {
  loadBalancerControllerChartVersion: CLUSTER_DEFAULTS.loadBalancerControllerChartVersion,
  autoscalerChartVersions: AUTOSCALER_CHART_VERSIONS,
  retainVolumes: CLUSTER_DEFAULTS.deletionProtection,
};

/** The knobs of Workloads (the AWS side of the services). */
export interface WorkloadsSettings {
  /**
   * The services' ECR repositories: `immutableTags` (a pushed tag never points at another image,
   * FSBP ECR.2), `keepImages` (tagged images kept, 1 to 1000), `untaggedExpiryDays` (1 to 365).
   * Scanning on push and KMS encryption are not knobs.
   * https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html
   * @default REGISTRY_PRESETS.prod: { immutableTags: true, keepImages: 100, untaggedExpiryDays: 14 }
   */
  registry: RegistrySettings;
}

/** The registry presets the ECS engine shares (components/registry.ts). */
export const WORKLOADS_PRESETS: Record<Profile, WorkloadsSettings> = mapProfiles((p) => ({ registry: REGISTRY_PRESETS[p] }));
/** A direct caller's registry: the prod preset, immutable tags. */
export const WORKLOADS_DEFAULTS: WorkloadsSettings = WORKLOADS_PRESETS.prod;
