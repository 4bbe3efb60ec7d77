import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";
import { read } from "../../lib/unknowns";

/**
 * The oldest Kubernetes minor version in Amazon EKS standard support when this pack version was
 * released: 1.34 left standard support on 2026-12-02; 1.35 stays until 2027-03-27. Raise it in the
 * pack's config (or here, in a new pack version) as AWS's release calendar moves.
 * https://docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html
 */
const OLDEST_IN_STANDARD_SUPPORT = "1.35";

const VERSION_PATTERN = /^(\d+)\.(\d+)$/;

/** Minor versions compare by number: 1.9 is older than 1.10. */
function older(version: string, than: string): boolean {
  const [a, b] = [VERSION_PATTERN.exec(version), VERSION_PATTERN.exec(than)];
  if (!a || !b) return false;
  return Number(a[1]) !== Number(b[1]) ? Number(a[1]) < Number(b[1]) : Number(a[2]) < Number(b[2]);
}

/**
 * EKS.2: clusters run a Kubernetes version in standard support. A version past it moves to
 * extended support (billed per cluster-hour) and, a year later, is upgraded by AWS unasked.
 * Security Hub judges the running cluster against AWS's calendar; a policy sees no calendar, so
 * the oldest acceptable version is a setting. Both @pulumi/eks and aws.eks.Cluster create the
 * latest version when `version` is unset, which passes.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/eks-controls.html#eks-2
 */
export const requireSupportedVersion: PackResourcePolicy = {
  name: "eks-require-supported-version",
  resourceTypes: [T.eksComponentCluster, T.eksCluster],
  description: `EKS clusters run a Kubernetes minor version in EKS standard support: oldestSupportedVersion (default ${OLDEST_IN_STANDARD_SUPPORT}) or newer.`,
  severity: "high",
  framework: fsbp("EKS.2"),
  remediationSteps: "Upgrade the cluster one minor version at a time to a version in EKS standard support (platform config: cluster.kubernetesVersion), after checking the release notes for removed APIs.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      oldestSupportedVersion: {
        type: "string",
        pattern: "^[0-9]+\\.[0-9]+$",
        default: OLDEST_IN_STANDARD_SUPPORT,
        description: "The oldest Kubernetes minor version (\"1.35\") in EKS standard support, from AWS's release calendar; clusters on an older version fail.",
      },
    },
  },
  validateResource: (args, reportViolation) => {
    if (args.type !== T.eksComponentCluster && args.type !== T.eksCluster) return;
    const version = read<string>(args.props, "version");
    if (version.unknown || version.value === undefined) return;
    const { oldestSupportedVersion } = args.getConfig<{ oldestSupportedVersion: string }>();
    if (!VERSION_PATTERN.test(String(version.value))) {
      reportViolation(`EKS cluster version "${version.value}" is not a Kubernetes minor version; set version to "${oldestSupportedVersion}" or newer.`);
    } else if (older(String(version.value), oldestSupportedVersion)) {
      reportViolation(`EKS cluster runs Kubernetes ${version.value}, which is out of EKS standard support; upgrade it to ${oldestSupportedVersion} or newer.`);
    }
  },
};
