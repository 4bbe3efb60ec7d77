/**
 * ClusterControllers' arguments with their defaults filled in (presets.ts CLUSTER_CONTROLLERS_DEFAULTS,
 * and Karpenter's pool from the default application node group), and every rule Helm, Karpenter or
 * EBS would reject them for, all reported at once before any object. Pure: the Pulumi types are
 * type-only imports.
 */
import type * as pulumi from "@pulumi/pulumi";
import { SettingProblem, assertNoProblems, intRange, problem } from "../settings";
import type { AutoscalerRelease, ClusterControllersArgs } from "./clusterControllers";
import { NodeGroupConfig, instanceFamilies, kubernetesArchitectures } from "./nodeGroups";
import { CLUSTER_CONTROLLERS_DEFAULTS, CLUSTER_DEFAULTS } from "./presets";

/** Where Karpenter's NodePool may go, and how far. */
export interface KarpenterPool {
  /** Instance families the NodePool may launch (c5 for c5.2xlarge). */
  instanceFamilies: string[];
  /** Their kubernetes.io/arch values (amd64, arm64), so its nodes run the images the group's do. */
  architectures: Array<"amd64" | "arm64">;
  /** Spot allowed (dev only). */
  spot: boolean;
  /** Root volume, GiB, 20 to 16384: gp3, encrypted with the data key. */
  diskSizeGiB: number;
  /** vCPU ceiling of the pool. */
  cpuLimit: number;
}

/** vCPUs the pool's ceiling counts per node of the group's maxSize. */
export const KARPENTER_VCPUS_PER_NODE = 8;

/**
 * Karpenter's extra nodes are the kind the application group sized (its families, architecture,
 * capacity type and disk), at most maxSize nodes of KARPENTER_VCPUS_PER_NODE vCPUs: so the policy
 * pack's allowed families cover them. Without it Karpenter would pick any type.
 */
export function karpenterPoolOf(app: Pick<NodeGroupConfig, "instanceTypes" | "capacityType" | "diskSizeGiB" | "maxSize">): KarpenterPool {
  return {
    instanceFamilies: instanceFamilies(app.instanceTypes), architectures: kubernetesArchitectures(app.instanceTypes),
    spot: app.capacityType === "SPOT", diskSizeGiB: app.diskSizeGiB, cpuLimit: app.maxSize * KARPENTER_VCPUS_PER_NODE,
  };
}

/** The node autoscaler's release with its chart (and, for Karpenter, its pool) filled in. */
export type ResolvedAutoscalerRelease =
  | (Extract<AutoscalerRelease, { kind: "cluster-autoscaler" }> & { chartVersion: string })
  | (Extract<AutoscalerRelease, { kind: "karpenter" }> & KarpenterPool & { chartVersion: string });

export type ResolvedClusterControllersArgs = Omit<ClusterControllersArgs, "loadBalancerController" | "autoscaler" | "storageClass" | "dependsOn"> & {
  loadBalancerController: { chartVersion: string; roleArn: pulumi.Input<string> };
  autoscaler: ResolvedAutoscalerRelease;
  storageClass: { dataKeyArn: pulumi.Input<string>; retainVolumes: boolean };
  dependsOn: pulumi.Resource[];
};

/** A Helm chart version pinned exactly, as the charts publish them: MAJOR.MINOR.PATCH. https://helm.sh/docs/topics/charts/#charts-and-versioning */
export const CHART_VERSION = /^\d+\.\d+\.\d+$/;

function poolProblems(p: KarpenterPool): SettingProblem[] {
  const arches = ["amd64", "arm64"];
  return [
    ...(p.instanceFamilies.length > 0 ? [] : [problem("autoscaler.instanceFamilies", p.instanceFamilies, "at least one EC2 instance family, e.g. [\"t3\"]: without one Karpenter may launch any type")]),
    ...(p.architectures.length > 0 && p.architectures.every((a) => arches.includes(a)) ? [] : [problem("autoscaler.architectures", p.architectures, "one or both of amd64, arm64")]),
    // EBS gp3 volumes are 1 to 16384 GiB; the AL2023 EKS AMI needs 20. https://docs.aws.amazon.com/ebs/latest/userguide/general-purpose.html
    ...intRange("autoscaler.diskSizeGiB", p.diskSizeGiB, 20, 16384, "GiB of a gp3 root volume"),
    ...(Number.isInteger(p.cpuLimit) && p.cpuLimit >= 1 ? [] : [problem("autoscaler.cpuLimit", p.cpuLimit, "a whole number of vCPUs, at least 1")]),
  ];
}

/** Every rule ClusterControllers' resolved arguments break. */
export function checkClusterControllersArgs(a: ResolvedClusterControllersArgs): SettingProblem[] {
  const chart = (field: string, v: string) => (CHART_VERSION.test(v) ? [] : [problem(field, v, "an exact chart version such as 1.14.1")]);
  return [
    ...chart("loadBalancerController.chartVersion", a.loadBalancerController.chartVersion),
    ...chart("autoscaler.chartVersion", a.autoscaler.chartVersion),
    ...(a.autoscaler.kind === "karpenter" ? poolProblems(a.autoscaler) : []),
  ];
}

/**
 * The autoscaler's chart by kind, and Karpenter's pool from the default application group, field by
 * field; families given without architectures take theirs (t4g is arm64), so the pool stays launchable.
 */
function resolveAutoscaler(given: AutoscalerRelease): ResolvedAutoscalerRelease {
  const chartVersion = given.chartVersion ?? CLUSTER_CONTROLLERS_DEFAULTS.autoscalerChartVersions[given.kind];
  if (given.kind === "cluster-autoscaler") return { ...given, chartVersion };
  const pool = karpenterPoolOf(CLUSTER_DEFAULTS.nodeGroups.application);
  const set = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined));
  const architectures = given.architectures ?? (given.instanceFamilies?.length ? kubernetesArchitectures(given.instanceFamilies) : pool.architectures);
  return { ...pool, ...set, architectures, kind: "karpenter", chartVersion } as ResolvedAutoscalerRelease;
}

/** ClusterControllers' arguments over CLUSTER_CONTROLLERS_DEFAULTS; throws listing every problem. */
export function resolveClusterControllersArgs(name: string, given: ClusterControllersArgs): ResolvedClusterControllersArgs {
  const d = CLUSTER_CONTROLLERS_DEFAULTS;
  const a: ResolvedClusterControllersArgs = {
    ...given,
    loadBalancerController: { ...given.loadBalancerController, chartVersion: given.loadBalancerController.chartVersion ?? d.loadBalancerControllerChartVersion },
    autoscaler: resolveAutoscaler(given.autoscaler),
    storageClass: { ...given.storageClass, retainVolumes: given.storageClass.retainVolumes ?? d.retainVolumes },
    dependsOn: given.dependsOn ?? [],
  };
  assertNoProblems(name, checkClusterControllersArgs(a));
  return a;
}
