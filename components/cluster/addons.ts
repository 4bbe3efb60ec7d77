/**
 * The EKS add-ons this tier creates itself (the @pulumi/eks component creates vpc-cni and
 * kube-proxy): CoreDNS after the node groups, the EBS CSI driver and Container Insights with their
 * own IRSA roles, and metrics-server for the HPA.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument } from "../iam/policyDocument";
import { childName } from "../naming";
import { tierTags } from "../tags";
import { ebsKeyStatements } from "./controllerPolicies";
import { Oidc, irsaRole } from "./roles";
import { ADDON_NAMES, AddonKey } from "./versions";

/** The add-on build to install: the pinned one, or the default EKS lists for the Kubernetes version. */
export function addonVersion(key: AddonKey, configured: string, kubernetesVersion: string, parent: pulumi.Resource): pulumi.Input<string> {
  if (configured !== "default") return configured;
  return aws.eks.getAddonVersionOutput({ addonName: ADDON_NAMES[key], kubernetesVersion, mostRecent: false }, { parent }).version;
}

export interface AddonsInput {
  clusterName: pulumi.Input<string>;
  kubernetesVersion: string;
  versions: Record<AddonKey, string>;
  oidc: Oidc;
  partition: pulumi.Input<string>;
  region: pulumi.Input<string>;
  dataKeyArn: pulumi.Input<string>;
  /** Add-ons that run Deployments wait for nodes, or EKS reports them DEGRADED and creation fails. */
  nodes: pulumi.Resource[];
  /** Container Insights log groups, created first so they are encrypted and expire. */
  insightsLogGroups: pulumi.Resource[];
}

function addon(parentName: string, key: AddonKey, input: AddonsInput, parent: pulumi.Resource, extra: Partial<aws.eks.AddonArgs> = {}, dependsOn: pulumi.Resource[] = []): aws.eks.Addon {
  return new aws.eks.Addon(
    childName(parentName, ADDON_NAMES[key]),
    {
      clusterName: input.clusterName,
      addonName: ADDON_NAMES[key],
      addonVersion: addonVersion(key, input.versions[key], input.kubernetesVersion, parent),
      // EKS bootstraps self-managed CoreDNS; OVERWRITE adopts it as a managed add-on.
      resolveConflictsOnCreate: "OVERWRITE",
      resolveConflictsOnUpdate: "OVERWRITE",
      tags: tierTags("cluster"),
      ...extra,
    },
    { parent, dependsOn: [...input.nodes, ...dependsOn] },
  );
}

export function createAddons(parentName: string, input: AddonsInput, parent: pulumi.Resource): aws.eks.Addon[] {
  const coredns = addon(parentName, "coredns", input, parent);
  const metrics = addon(parentName, "metricsServer", input, parent);

  // https://docs.aws.amazon.com/eks/latest/userguide/ebs-csi.html: the managed policy, plus use of
  // the data key, which encrypts every volume the driver creates.
  const ebs = irsaRole(parentName, "irsa-ebs-csi", { namespace: "kube-system", name: "ebs-csi-controller-sa" }, input.oidc, {
    managedPolicies: ["service-role/AmazonEBSCSIDriverPolicy"],
    policy: pulumi.all([input.dataKeyArn, input.region]).apply(([key, region]) => policyDocument(...ebsKeyStatements(key, region))),
    partition: input.partition,
  }, parent);
  const ebsCsi = addon(parentName, "ebsCsiDriver", input, parent, { serviceAccountRoleArn: ebs.role.arn }, ebs.resources);

  // https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/install-CloudWatch-Observability-EKS-addon.html
  const cw = irsaRole(parentName, "irsa-cloudwatch", { namespace: "amazon-cloudwatch", name: "cloudwatch-agent" }, input.oidc, {
    managedPolicies: ["CloudWatchAgentServerPolicy"],
    partition: input.partition,
  }, parent);
  const insights = addon(parentName, "cloudwatchObservability", input, parent, { serviceAccountRoleArn: cw.role.arn }, [...cw.resources, ...input.insightsLogGroups]);
  return [coredns, metrics, ebsCsi, insights];
}

/** Log groups Container Insights writes to; the agent would otherwise create them unencrypted, kept forever. */
export const INSIGHTS_LOG_GROUPS = ["application", "dataplane", "host", "performance"] as const;
