/**
 * Managed node groups: one launch template each (IMDSv2 only, encrypted gp3 root volume), AL2023
 * AMIs, private subnets in every AZ of the stack.
 */
import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../naming";
import { awsProviders } from "../providers";
import { tierTags } from "../tags";
import { METADATA_OPTIONS, NodeGroupConfig, NodeGroupRole, amiType, eksTaints, rootVolume } from "./nodeGroups";

export interface NodeGroupsInput {
  cluster: eks.Cluster;
  clusterName: string;
  privateSubnetIds: pulumi.Input<string[]>;
  nodeRoleArn: pulumi.Output<string>;
  /** KMS key of the root volumes (the platform's data key). */
  dataKeyArn: pulumi.Input<string>;
  groups: Partial<Record<NodeGroupRole, NodeGroupConfig>>;
  /** Resources the node groups must wait for: role policies, the volume-key grant. */
  dependsOn: pulumi.Resource[];
}

/**
 * The launch template of one group. It names no AMI, so EKS supplies the AL2023 image of the
 * group's amiType and merges its own nodeadm bootstrap; it names no security group, so EKS puts
 * the cluster security group on the nodes. Instance types live on the node group, as EKS requires
 * when the template omits them. https://docs.aws.amazon.com/eks/latest/userguide/launch-templates.html
 */
function launchTemplate(parentName: string, role: NodeGroupRole, g: NodeGroupConfig, input: NodeGroupsInput, parent: pulumi.ComponentResource): aws.ec2.LaunchTemplate {
  const tags = tierTags("cluster", { NodeGroup: role, Cluster: input.clusterName });
  return new aws.ec2.LaunchTemplate(
    childName(parentName, `${role}-lt`),
    {
      description: `EKS ${input.clusterName} ${role} nodes: IMDSv2 only, encrypted gp3 root volume`,
      metadataOptions: { ...METADATA_OPTIONS },
      // Only the key ARN is an output: the mapping stays plain, so a preview shows it encrypted.
      blockDeviceMappings: [rootVolume(g.diskSizeGiB, input.dataKeyArn)],
      // The provider's default tags reach the template, not the instances and volumes it launches.
      tagSpecifications: ["instance", "volume", "network-interface"].map((resourceType) => ({ resourceType, tags })),
      updateDefaultVersion: true,
      tags: tierTags("cluster"),
    },
    { parent },
  );
}

/** Creates every configured group; returns them by role. */
export function createNodeGroups(parentName: string, input: NodeGroupsInput, parent: pulumi.ComponentResource): Partial<Record<NodeGroupRole, eks.ManagedNodeGroup>> {
  const out: Partial<Record<NodeGroupRole, eks.ManagedNodeGroup>> = {};
  for (const [role, g] of Object.entries(input.groups) as Array<[NodeGroupRole, NodeGroupConfig]>) {
    const lt = launchTemplate(parentName, role, g, input, parent);
    out[role] = new eks.ManagedNodeGroup(
      childName(parentName, `${role}-nodes`),
      {
        cluster: input.cluster,
        nodeRoleArn: input.nodeRoleArn,
        subnetIds: input.privateSubnetIds,
        amiType: amiType(role, g.instanceTypes),
        instanceTypes: g.instanceTypes,
        capacityType: g.capacityType,
        scalingConfig: { minSize: g.minSize, desiredSize: g.desiredSize, maxSize: g.maxSize },
        labels: g.labels,
        taints: eksTaints(g.taints),
        launchTemplate: { id: lt.id, version: lt.latestVersion.apply((v) => String(v)) },
        // The node autoscaler owns desiredSize once the group exists.
        ignoreScalingChanges: true,
        tags: tierTags("cluster", { NodeGroup: role }),
      },
      { parent, providers: awsProviders(parent), dependsOn: input.dependsOn },
    );
  }
  return out;
}
