/**
 * What the mock cloud returns for the cluster tier: the @pulumi/eks components' plain outputs, the
 * low-level types the tier declares, and the add-on version look-up.
 */
import type { ComponentShape } from "../componentShapes";
import { hex } from "../ids";
import type { Invoke } from "../invokes";
import type { Ctx, Shape } from "../resourceShapes";

/** The kubeconfig @pulumi/eks generates: exec auth through `aws eks get-token`. */
function kubeconfig(clusterName: string, endpoint: string, region: string) {
  return {
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "kubernetes", cluster: { server: endpoint, "certificate-authority-data": Buffer.from(`mock-ca:${clusterName}`).toString("base64") } }],
    contexts: [{ name: "aws", context: { cluster: "kubernetes", user: "aws" } }],
    "current-context": "aws",
    users: [{
      name: "aws",
      user: { exec: { apiVersion: "client.authentication.k8s.io/v1beta1", command: "aws", args: ["--region", region, "eks", "get-token", "--cluster-name", clusterName, "--output", "json"] } },
    }],
  };
}

/**
 * eks:index:Cluster. With skipDefaultSecurityGroups the component creates no groups of its own and
 * both ids are the security group EKS creates for the cluster (vpcConfig.clusterSecurityGroupId),
 * which is what the component returns in that case.
 */
const eksCluster: ComponentShape = (name, inputs, ctx: Ctx) => {
  const clusterName: string = inputs.name ?? `${name}-eksCluster-${hex(name, 7)}`;
  const oidcId = hex(`oidc:${clusterName}`, 32).toUpperCase();
  const endpoint = `https://${hex(`endpoint:${clusterName}`, 32).toUpperCase()}.gr7.${ctx.region}.eks.amazonaws.com`;
  const eksSg = `sg-${hex(`eks-cluster-sg:${clusterName}`, 17)}`;
  const ownSgs = !inputs.skipDefaultSecurityGroups;
  const config = kubeconfig(clusterName, endpoint, ctx.region);
  const issuer = `oidc.eks.${ctx.region}.amazonaws.com/id/${oidcId}`;
  return {
    kubeconfig: config,
    kubeconfigJson: JSON.stringify(config),
    clusterSecurityGroupId: ownSgs ? `sg-${hex(`component-cluster-sg:${name}`, 17)}` : eksSg,
    nodeSecurityGroupId: ownSgs ? `sg-${hex(`component-node-sg:${name}`, 17)}` : eksSg,
    clusterIngressRuleId: "",
    defaultNodeGroupAsgName: "",
    fargateProfileId: "",
    fargateProfileStatus: "",
    oidcProviderArn: inputs.createOidcProvider ? `arn:aws:iam::${ctx.account}:oidc-provider/${issuer}` : "",
    oidcProviderUrl: `https://${issuer}`,
    oidcIssuer: issuer,
    autoModeNodeRoleName: "",
  };
};

export const CLUSTER_COMPONENT_SHAPES: Record<string, ComponentShape> = {
  "eks:index:Cluster": eksCluster,
  "eks:index:ManagedNodeGroup": () => ({ placementGroupName: "" }),
};

export const CLUSTER_SHAPES: Record<string, Shape> = {
  "aws:ecr/repository:Repository": {
    nameProp: "name",
    nameLimit: 256,
    id: (name) => name,
    extra: (_id, name, _i, ctx) => ({
      arn: `arn:aws:ecr:${ctx.region}:${ctx.account}:repository/${name}`,
      registryId: ctx.account,
      repositoryUrl: `${ctx.account}.dkr.ecr.${ctx.region}.amazonaws.com/${name}`,
    }),
  },
  "aws:ecr/lifecyclePolicy:LifecyclePolicy": { id: (_n, inputs) => String(inputs.repository), extra: (_id, _n, inputs) => ({ registryId: "123456789012", repository: inputs.repository }) },
  "aws:ec2/launchTemplate:LaunchTemplate": {
    nameProp: "name",
    nameLimit: 128,
    id: (name) => `lt-${hex(`lt:${name}`, 17)}`,
    extra: (id, _n, _i, ctx) => ({ arn: `arn:aws:ec2:${ctx.region}:${ctx.account}:launch-template/${id}`, latestVersion: 1, defaultVersion: 1 }),
  },
  "aws:eks/addon:Addon": {
    id: (_n, inputs) => `${inputs.clusterName}:${inputs.addonName}`,
    extra: (_id, _n, inputs, ctx) => ({ arn: `arn:aws:eks:${ctx.region}:${ctx.account}:addon/${inputs.clusterName}/${inputs.addonName}/${hex(String(inputs.addonName), 8)}` }),
  },
  "aws:eks/accessEntry:AccessEntry": {
    id: (_n, inputs) => `${inputs.clusterName}:${inputs.principalArn}`,
    extra: (_id, _n, inputs, ctx) => ({ accessEntryArn: `arn:aws:eks:${ctx.region}:${ctx.account}:access-entry/${inputs.clusterName}/${hex(String(inputs.principalArn), 8)}` }),
  },
  "aws:kms/grant:Grant": { id: (name, inputs) => `${inputs.keyId}:${hex(`grant:${name}`, 64)}`, extra: (id) => ({ grantId: id.split(":").pop() }) },
  "aws:sqs/queue:Queue": {
    nameProp: "name",
    nameLimit: 80,
    id: (name, _i) => name,
    extra: (_id, name, _i, ctx) => ({ arn: `arn:aws:sqs:${ctx.region}:${ctx.account}:${name}`, url: `https://sqs.${ctx.region}.amazonaws.com/${ctx.account}/${name}` }),
  },
  "aws:cloudwatch/eventRule:EventRule": {
    nameProp: "name",
    nameLimit: 64,
    id: (name) => name,
    extra: (_id, name, _i, ctx) => ({ arn: `arn:aws:events:${ctx.region}:${ctx.account}:rule/${name}` }),
  },
  "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": {
    id: (name) => `sgr-${hex(`sgr:${name}`, 17)}`,
    extra: (id, _n, _i, ctx) => ({ arn: `arn:aws:ec2:${ctx.region}:${ctx.account}:security-group-rule/${id}`, securityGroupRuleId: id }),
  },
};

/** Builds of each add-on as describe-addon-versions lists them, by add-on name. */
const ADDON_BUILDS: Record<string, string> = {
  "vpc-cni": "v1.20.4-eksbuild.2",
  "kube-proxy": "v1.35.0-eksbuild.2",
  coredns: "v1.12.4-eksbuild.1",
  "aws-ebs-csi-driver": "v1.53.0-eksbuild.1",
  "metrics-server": "v0.8.0-eksbuild.3",
  "amazon-cloudwatch-observability": "v4.7.0-eksbuild.1",
};

export const CLUSTER_INVOKES: Record<string, Invoke> = {
  "aws:eks/getAddonVersion:getAddonVersion": (inputs) => {
    const version = ADDON_BUILDS[inputs.addonName];
    if (!version) throw new Error(`the mock cloud knows no EKS add-on named ${inputs.addonName}`);
    return { id: inputs.addonName, addonName: inputs.addonName, kubernetesVersion: inputs.kubernetesVersion, mostRecent: inputs.mostRecent ?? false, version };
  },
};
