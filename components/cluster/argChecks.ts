/**
 * The cluster components' own checks on values EKS and EC2 would reject mid-deployment, for
 * callers that build them directly (the stack config runs the same checks with full config keys).
 * Pure: one sentence per problem, naming the argument, the value, what is allowed and the nearest.
 */
import { describeProblem, ec2InstanceTypeProblem } from "../aws/checks";
import { didYouMean } from "../suggest";
import { SUPPORTED_KUBERNETES_VERSIONS, describeSupportedVersions, isSupportedKubernetesVersion } from "./versions";

/** Every instance type of every group must be one EC2 offers in the region. */
export function instanceTypeProblems(region: string, groups: Record<string, { instanceTypes: string[] } | undefined>): string[] {
  return Object.entries(groups).flatMap(([group, g]) => (g?.instanceTypes ?? []).flatMap((t, i) => {
    const p = ec2InstanceTypeProblem(region, t);
    return p ? [describeProblem(`nodeGroups.${group}.instanceTypes[${i}]`, t, p)] : [];
  }));
}

/** The version must be in standard support; with a known region, every instance type offered there. */
export function clusterArgProblems(a: { region: string | undefined; kubernetesVersion: string; nodeGroups: Record<string, { instanceTypes: string[] } | undefined> }): string[] {
  const version = isSupportedKubernetesVersion(a.kubernetesVersion) ? [] : [describeProblem("kubernetesVersion", a.kubernetesVersion, {
    allowed: `a version in EKS standard support: ${describeSupportedVersions()}`, suggestions: didYouMean(a.kubernetesVersion, SUPPORTED_KUBERNETES_VERSIONS),
  })];
  return [...version, ...(a.region ? instanceTypeProblems(a.region, a.nodeGroups) : [])];
}
