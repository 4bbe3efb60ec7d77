/**
 * eks:index:Cluster and eks:index:ManagedNodeGroup (@pulumi/eks v4, nodejs/eks/cluster/cluster.ts
 * createCore and nodes.ts): the AWS resources they create from the arguments we pass.
 *
 * The cluster: its service role (trusting eks.amazonaws.com, AmazonEKSClusterPolicy attached)
 * unless one is given, the EKS cluster, the kube-proxy add-on (unless disabled), the VPC CNI
 * add-on (unless useDefaultVpcCni), the IAM OIDC provider (createOidcProvider), one access entry
 * per accessEntries key with its policy associations, and, without skipDefaultSecurityGroups, a
 * cluster security group with an allow-all egress rule. A managed node group: one EKS node group. EKS itself creates the
 * access entry of a managed node group's role, so the component creates none.
 */
import type { ExpandContext, SynthesizedResource } from "../expand";
import { child, known } from "../expand";
import { autoname, hex } from "../ids";
import type { RecordedResource } from "../recorder";

const CLUSTER_POLICY = "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy";
/** The audience IRSA tokens carry; the only client id the component registers. */
const STS_AUDIENCE = "sts.amazonaws.com";

/** The EKS cluster name: the `name` argument, else the provider's autoname of `<name>-eksCluster`. */
export function eksClusterName(component: RecordedResource): string {
  return typeof component.inputs.name === "string" ? component.inputs.name : autoname(`${component.name}-eksCluster`);
}

function serviceRole(c: RecordedResource, ctx: ExpandContext): SynthesizedResource[] {
  const name = `${c.name}-eksRole`;
  const roleName = autoname(`${name}-role`);
  const arn = `arn:aws:iam::${ctx.account}:role/${roleName}`;
  const trust = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { Service: "eks.amazonaws.com" }, Action: ["sts:AssumeRole", "sts:TagSession"] }] };
  return [
    child(c, ctx.region, "aws:iam/role:Role", `${name}-role`, {
      name: roleName, assumeRolePolicy: JSON.stringify(trust), description: "Allows EKS to manage clusters on your behalf.", tags: c.inputs.tags,
    }, { id: roleName, arn, name: roleName }),
    child(c, ctx.region, "aws:iam/rolePolicyAttachment:RolePolicyAttachment", `${name}-AmazonEKSClusterPolicy`, { role: roleName, policyArn: CLUSTER_POLICY }),
  ];
}

/** The component's cluster security group and its allow-all egress rule, without skipDefaultSecurityGroups. */
function securityGroup(c: RecordedResource, ctx: ExpandContext): SynthesizedResource[] {
  const name = `${c.name}-eksClusterSecurityGroup`;
  const id = known(c.outputs.clusterSecurityGroupId) ? c.outputs.clusterSecurityGroupId : `sg-${hex(`component-cluster-sg:${c.name}`, 17)}`;
  return [
    child(c, ctx.region, "aws:ec2/securityGroup:SecurityGroup", name, {
      vpcId: c.inputs.vpcId, revokeRulesOnDelete: true, tags: { Name: name, ...(c.inputs.clusterSecurityGroupTags ?? {}), ...(c.inputs.tags ?? {}) },
    }, { id, arn: `arn:aws:ec2:${ctx.region}:${ctx.account}:security-group/${id}` }),
    child(c, ctx.region, "aws:ec2/securityGroupRule:SecurityGroupRule", `${c.name}-eksClusterInternetEgressRule`, {
      description: "Allow internet access.", type: "egress", fromPort: 0, toPort: 0, protocol: "-1", cidrBlocks: ["0.0.0.0/0"], securityGroupId: id,
    }),
  ];
}

function addon(c: RecordedResource, ctx: ExpandContext, clusterName: string, addonName: string, opts: Record<string, any>, configurationValues?: string): SynthesizedResource {
  return child(c, ctx.region, "aws:eks/addon:Addon", `${c.name}-${addonName}`, {
    clusterName, addonName, addonVersion: opts.version ?? opts.addonVersion, preserve: true, tags: c.inputs.tags,
    resolveConflictsOnCreate: opts.resolveConflictsOnCreate ?? "OVERWRITE", resolveConflictsOnUpdate: opts.resolveConflictsOnUpdate ?? "OVERWRITE",
    serviceAccountRoleArn: opts.serviceAccountRoleArn, configurationValues,
  });
}

function accessEntries(c: RecordedResource, ctx: ExpandContext, clusterName: string): SynthesizedResource[] {
  const out: SynthesizedResource[] = [];
  for (const [key, entry] of Object.entries<Record<string, any>>(c.inputs.accessEntries ?? {})) {
    out.push(child(c, ctx.region, "aws:eks/accessEntry:AccessEntry", `${c.name}-${key}`, {
      clusterName, principalArn: entry.principalArn, kubernetesGroups: entry.kubernetesGroups, type: entry.type, username: entry.username, tags: c.inputs.tags,
    }));
    for (const [policyKey, p] of Object.entries<Record<string, any>>(entry.accessPolicies ?? {})) {
      out.push(child(c, ctx.region, "aws:eks/accessPolicyAssociation:AccessPolicyAssociation", `${c.name}-${key}-${policyKey}`, {
        clusterName, principalArn: entry.principalArn, policyArn: p.policyArn, accessScope: p.accessScope,
      }));
    }
  }
  return out;
}

function cluster(c: RecordedResource, ctx: ExpandContext, clusterName: string, roleArn: string | undefined, securityGroupId: string | undefined): SynthesizedResource {
  const a = c.inputs;
  const subnetIds = a.subnetIds ?? [...(a.publicSubnetIds ?? []), ...(a.privateSubnetIds ?? [])];
  const outputs: Record<string, any> = { id: clusterName, name: clusterName, arn: `arn:aws:eks:${ctx.region}:${ctx.account}:cluster/${clusterName}` };
  if (known(c.outputs.clusterSecurityGroupId)) outputs.clusterSecurityGroupId = c.outputs.clusterSecurityGroupId;
  return child(c, ctx.region, "aws:eks/cluster:Cluster", `${c.name}-eksCluster`, {
    name: clusterName,
    roleArn,
    version: a.version,
    bootstrapSelfManagedAddons: a.bootstrapSelfManagedAddons ?? true,
    vpcConfig: {
      subnetIds, endpointPrivateAccess: a.endpointPrivateAccess, endpointPublicAccess: a.endpointPublicAccess, publicAccessCidrs: a.publicAccessCidrs,
      securityGroupIds: securityGroupId ? [securityGroupId] : undefined,
    },
    enabledClusterLogTypes: a.enabledClusterLogTypes,
    encryptionConfig: a.encryptionConfigKeyArn ? { provider: { keyArn: a.encryptionConfigKeyArn }, resources: ["secrets"] } : undefined,
    accessConfig: a.authenticationMode ? { authenticationMode: a.authenticationMode, bootstrapClusterCreatorAdminPermissions: true } : undefined,
    upgradePolicy: a.upgradePolicy,
    deletionProtection: a.deletionProtection,
    kubernetesNetworkConfig: a.kubernetesServiceIpAddressRange || a.ipFamily ? { serviceIpv4Cidr: a.kubernetesServiceIpAddressRange, ipFamily: a.ipFamily ?? "ipv4" } : undefined,
    tags: { Name: `${c.name}-eksCluster`, ...(a.clusterTags ?? {}), ...(a.tags ?? {}) },
  }, outputs);
}

export function expandEksCluster(c: RecordedResource, ctx: ExpandContext): SynthesizedResource[] {
  const a = c.inputs;
  const clusterName = eksClusterName(c);
  const role = a.serviceRole ? [] : serviceRole(c, ctx);
  const group = a.skipDefaultSecurityGroups || a.clusterSecurityGroup ? [] : securityGroup(c, ctx);
  const out: SynthesizedResource[] = [...role, ...group, cluster(c, ctx, clusterName, role[0]?.outputs.arn, group[0]?.outputs.id)];
  if (a.kubeProxyAddonOptions?.enabled ?? true) out.push(addon(c, ctx, clusterName, "kube-proxy", a.kubeProxyAddonOptions ?? {}));
  if (a.useDefaultVpcCni !== true) {
    const cni = a.vpcCniOptions ?? {};
    const config = cni.enableNetworkPolicy === undefined ? undefined : JSON.stringify({ enableNetworkPolicy: String(cni.enableNetworkPolicy) });
    out.push(addon(c, ctx, clusterName, "vpc-cni", cni, config));
  }
  if (a.corednsAddonOptions?.enabled === true) out.push(addon(c, ctx, clusterName, "coredns", a.corednsAddonOptions));
  if (a.createOidcProvider) {
    const issuer = known(c.outputs.oidcProviderUrl) ? c.outputs.oidcProviderUrl : undefined;
    out.push(child(c, ctx.region, "aws:iam/openIdConnectProvider:OpenIdConnectProvider", `${c.name}-oidcProvider`, {
      url: issuer, clientIdLists: [STS_AUDIENCE], tags: a.tags,
    }, known(c.outputs.oidcProviderArn) ? { id: c.outputs.oidcProviderArn, arn: c.outputs.oidcProviderArn } : {}));
  }
  return [...out, ...accessEntries(c, ctx, clusterName)];
}

/** The eks:index:Cluster a node group's `cluster` argument names (a resource reference or a URN). */
function clusterOf(group: RecordedResource, resources: RecordedResource[]): RecordedResource | undefined {
  const ref = group.inputs.cluster;
  const clusters = resources.filter((r) => r.type === "eks:index:Cluster");
  if (typeof ref === "string") return clusters.find((r) => r.urn === ref);
  if (ref && typeof ref === "object" && typeof ref.__name === "string") return clusters.find((r) => r.name === ref.__name);
  return clusters.length === 1 ? clusters[0] : undefined;
}

/** aws.eks.NodeGroup arguments the component passes through unchanged. */
const PASSED = ["amiType", "capacityType", "diskSize", "forceUpdateVersion", "instanceTypes", "labels", "launchTemplate", "releaseVersion", "remoteAccess", "taints", "updateConfig", "version", "nodeRepairConfig"];

export function expandManagedNodeGroup(g: RecordedResource, ctx: ExpandContext): SynthesizedResource[] {
  const a = g.inputs;
  const owner = clusterOf(g, ctx.resources);
  const clusterName = a.clusterName ?? (owner ? eksClusterName(owner) : undefined);
  const nodeGroupName = a.nodeGroupName ?? autoname(g.name);
  const passed = Object.fromEntries(PASSED.filter((k) => a[k] !== undefined).map((k) => [k, a[k]]));
  return [child(g, ctx.region, "aws:eks/nodeGroup:NodeGroup", g.name, {
    clusterName,
    nodeGroupName,
    nodeRoleArn: a.nodeRoleArn ?? a.nodeRole?.arn,
    subnetIds: a.subnetIds ?? owner?.inputs.privateSubnetIds ?? owner?.inputs.subnetIds,
    // The component's default scaling when none is given (nodes.ts).
    scalingConfig: a.scalingConfig ?? { desiredSize: 2, minSize: 1, maxSize: 2 },
    ...passed,
    tags: a.tags,
  }, { id: `${clusterName}:${nodeGroupName}`, arn: `arn:aws:eks:${ctx.region}:${ctx.account}:nodegroup/${clusterName}/${nodeGroupName}` })];
}
