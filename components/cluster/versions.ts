/**
 * Kubernetes versions in Amazon EKS standard support, and the add-ons and charts the cluster tier
 * installs. Pure; no Pulumi imports.
 *
 * A minor version gets 14 months of standard support, then 12 months of extended support at an
 * extra per-cluster-hour charge. The cluster runs with upgradePolicy STANDARD, so EKS upgrades it
 * at the end of standard support instead of billing extended support silently.
 * https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html
 */
import type { Sourced } from "../aws/sourced";

/** A Kubernetes minor version in EKS standard support, with the day that support ends. */
export interface StandardSupport extends Sourced {
  /** Last day of standard support (YYYY-MM-DD), from the AWS release calendar. */
  until: string;
}

/**
 * Versions in standard support on 2026-12-06, each with the day its standard support ends. 1.34
 * left standard support on 2026-12-02 and 1.33 on 2026-07-29, so both are left out. Add a version
 * when AWS publishes it and remove one the day its standard support ends; the policy pack's
 * eks-require-supported-version keeps the same floor (oldestSupportedVersion, 1.35), which
 * versions.spec.ts checks. 1.36 and 1.37 rest on secondary sources: their calendar rows were read
 * quoted by third parties, not on the AWS page itself.
 */
export const STANDARD_SUPPORT: Readonly<Record<string, StandardSupport>> = {
  "1.35": {
    until: "2027-03-27", source: "https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html", checked: "2026-12-06", sourceKind: "aws-doc",
  },
  "1.36": {
    until: "2027-08-02", source: "https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html", checked: "2026-12-06", sourceKind: "secondary",
    note: "Calendar row \"1.36 | April 22, 2026 | June 2, 2026 | August 2, 2027 | August 2, 2028\" as two third-party repositories quote it (verified by them 2026-08-09 and 2026-09-29); AWS What's New of 2026-06-02.",
  },
  "1.37": {
    until: "2027-12-01", source: "https://aws.amazon.com/about-aws/whats-new/2026/10/amazon-eks-distro-kubernetes-version-1-37/", checked: "2026-12-06", sourceKind: "secondary",
    note: "Released on EKS 2026-10-01/02 (What's New, as third-party feeds cite it); the end date is one third party's reading of the AWS API and matches EKS's 14-month rule, not read on the AWS calendar.",
  },
};

export const SUPPORTED_KUBERNETES_VERSIONS = Object.keys(STANDARD_SUPPORT);

/** "1.35 (standard support until 2027-03-27), ..." for config messages and docs. */
export function describeSupportedVersions(): string {
  return SUPPORTED_KUBERNETES_VERSIONS.map((v) => `${v} (standard support until ${STANDARD_SUPPORT[v].until})`).join(", ");
}

export function isSupportedKubernetesVersion(v: string): boolean {
  return Object.prototype.hasOwnProperty.call(STANDARD_SUPPORT, v);
}

/**
 * The EKS add-ons the tier manages, by config key and EKS add-on name. vpc-cni and kube-proxy are
 * created by the @pulumi/eks Cluster component itself (we pass their versions); the rest are
 * aws.eks.Addon resources of this tier. metrics-server is an EKS community add-on;
 * amazon-cloudwatch-observability is the Container Insights add-on.
 * https://docs.aws.amazon.com/eks/latest/userguide/workloads-add-ons-available-eks.html
 */
export const ADDON_NAMES = {
  vpcCni: "vpc-cni",
  kubeProxy: "kube-proxy",
  coredns: "coredns",
  ebsCsiDriver: "aws-ebs-csi-driver",
  metricsServer: "metrics-server",
  cloudwatchObservability: "amazon-cloudwatch-observability",
} as const;
export type AddonKey = keyof typeof ADDON_NAMES;
export const ADDON_KEYS = Object.keys(ADDON_NAMES) as AddonKey[];

/**
 * An add-on version in config: an exact build ("v1.19.2-eksbuild.1", as `aws eks
 * describe-addon-versions` lists them) or "default": the build EKS marks default for the cluster's
 * Kubernetes version, looked up at deploy time.
 */
export const ADDON_VERSION_PATTERN = /^(default|v\d+\.\d+\.\d+-eksbuild\.\d+)$/;

/** Helm chart repositories, pinned by chart version in config. */
export const CHARTS = {
  loadBalancerController: { chart: "aws-load-balancer-controller", repo: "https://aws.github.io/eks-charts" },
  clusterAutoscaler: { chart: "cluster-autoscaler", repo: "https://kubernetes.github.io/autoscaler" },
  karpenter: { chart: "oci://public.ecr.aws/karpenter/karpenter" },
} as const;
