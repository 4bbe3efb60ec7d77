/**
 * Kubernetes versions in Amazon EKS standard support, and the add-ons and charts the cluster tier
 * installs. Pure; no Pulumi imports.
 *
 * A minor version gets 14 months of standard support, then 12 months of extended support at an
 * extra per-cluster-hour charge. The cluster runs with upgradePolicy STANDARD, so EKS upgrades it
 * at the end of standard support instead of billing extended support silently.
 * https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html
 */

/**
 * Versions in standard support, with the day standard support ends (AWS release calendar,
 * cross-checked with endoflife.date/amazon-eks). 1.34 left standard support on 2026-12-02 and 1.33
 * on 2026-07-29, so both are left out. Add a version here when AWS publishes it, with its date from
 * the calendar, and remove one the day its standard support ends; the policy pack's
 * eks-require-supported-version has the same floor (oldestSupportedVersion).
 */
export const STANDARD_SUPPORT: Readonly<Record<string, string>> = {
  "1.35": "2027-03-27",
};

export const SUPPORTED_KUBERNETES_VERSIONS = Object.keys(STANDARD_SUPPORT);

/** "1.35 (standard support until 2027-03-27), ..." for config messages and docs. */
export function describeSupportedVersions(): string {
  return SUPPORTED_KUBERNETES_VERSIONS.map((v) => `${v} (standard support until ${STANDARD_SUPPORT[v]})`).join(", ");
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
