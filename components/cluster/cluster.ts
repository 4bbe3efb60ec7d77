import * as aws from "@pulumi/aws";
import * as eks from "@pulumi/eks";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext, accountContext } from "../account";
import { regionOfAz } from "../aws/facts";
import { ComponentArgsError, throwIfProblems } from "../errors";
import { clusterArgProblems } from "./argChecks";
import { KeyArns, keysFor } from "../security/ownKeys";
import { ClusterSettings, ClusterSettingsInput, resolveClusterSettings } from "./presets";
import { childName } from "../naming";
import { awsProviders } from "../providers";
import { tierTags } from "../tags";
import { INSIGHTS_LOG_GROUPS, addonVersion, createAddons } from "./addons";
import { ControllerRoleInput, clusterAutoscalerRole, loadBalancerControllerRole } from "./controllers";
import { karpenterAws } from "./karpenter";
import { CONTROL_PLANE_LOG_TYPES, EKS_ADMIN_POLICY, asgServiceLinkedRoleArn, checkClusterName, controlPlaneLogGroupName, nodeGroupsToCreate } from "./settings";
import { createNodeGroups } from "./nodes";
import { Oidc, nodeRole } from "./roles";
import { AddonKey } from "./versions";

/**
 * The Cluster's arguments: every setting of ClusterSettings is optional (CLUSTER_DEFAULTS, the prod
 * preset, fills what is left out), besides what only the caller knows: the account, the VPC and its
 * private subnets.
 */
export interface ClusterArgs extends Omit<ClusterSettingsInput, "endpoint"> {
  /**
   * Physical EKS cluster name: 1 to 100 of A-Z, a-z, 0-9, '-' and '_', starting alphanumeric.
   * https://docs.aws.amazon.com/eks/latest/APIReference/API_CreateCluster.html
   * @default the component's name
   */
  clusterName?: string;
  /**
   * Account, partition and region, for ARNs in policies and the autoscaling service-linked role.
   * The EC2 instance types are checked against the region's offer when it is known: this one's, else
   * the AZs'.
   * @default what the component's provider answers (aws.getCallerIdentityOutput, getPartitionOutput, getRegionOutput)
   */
  account?: AccountContext;
  vpcId: pulumi.Input<string>;
  /** Private subnets, one per AZ; nodes and control-plane ENIs live only here. */
  privateSubnetIds: pulumi.Input<string[]>;
  /** AZs of the stack, at least 2 (EKS needs subnets in 2 AZs). https://docs.aws.amazon.com/eks/latest/userguide/network-reqs.html */
  availabilityZones: string[];
  /**
   * KMS keys: data (Kubernetes secrets envelope encryption, EBS volumes), logs (log groups). A
   * KeyRing's `keyArns` fits.
   * @default rotating keys of the cluster's own for each class not given (security/ownKeys.ts)
   */
  kmsKeyArns?: KeyArns;
  /**
   * API endpoint (ClusterSettings.endpoint, field by field), and the security groups admitted on
   * 443 to the private endpoint (the deploy runner's).
   * @default private only; clientSecurityGroupIds []
   */
  endpoint?: Partial<ClusterSettings["endpoint"]> & { clientSecurityGroupIds?: pulumi.Input<string>[] };
}

/** An account's fields, each an output of the provider's answer. */
const fieldsOf = (a: pulumi.Output<AccountContext>) => ({ accountId: a.accountId, partition: a.partition, region: a.region });

/** The arguments with every setting filled in. */
type Resolved = Omit<ClusterArgs, keyof ClusterSettings | "clusterName" | "kmsKeyArns" | "endpoint" | "account"> & ClusterSettings & {
  clusterName: string;
  /** The caller's account, or its fields as the provider answers them. */
  account: { [K in keyof AccountContext]: pulumi.Input<string> };
  kmsKeyArns: { data: pulumi.Input<string>; logs: pulumi.Input<string> };
  endpoint: ClusterSettings["endpoint"] & { clientSecurityGroupIds: pulumi.Input<string>[] };
};

/**
 * An EKS cluster with managed node groups, add-ons, and the IAM roles of the load balancer controller
 * and the node autoscaler: everything AWS holds. The controllers themselves are Kubernetes objects,
 * created through the API by the ClusterControllers component (clusterControllers.ts) once a route
 * to the private endpoint exists. Per-service registries and identities are the Workloads component
 * (serviceWorkloads.ts), created once the tiers they reference exist. See README.md beside this file.
 */
export class Cluster extends pulumi.ComponentResource {
  readonly clusterName: string;
  /** The security group on every node: the cluster security group EKS creates. Data stores admit it. */
  readonly nodeSecurityGroupId: pulumi.Output<string>;
  readonly clusterSecurityGroupId: pulumi.Output<string>;
  readonly oidcProviderArn: pulumi.Output<string>;
  readonly oidcProviderUrl: pulumi.Output<string>;
  /** Kubeconfig (exec auth through `aws eks get-token`), as a secret: build the Kubernetes provider from it. */
  readonly kubeconfig: pulumi.Output<string>;
  /** The keys in use, given or its own: data (secrets, volumes; StorageClass and Workloads take it) and logs. */
  readonly kmsKeyArns: { data: pulumi.Input<string>; logs: pulumi.Input<string> };
  /** The IRSA OIDC provider, for the Workloads component's service roles. */
  readonly oidc: Oidc;
  /** IRSA roles of the controllers ClusterControllers installs: the load balancer controller and the node autoscaler. */
  readonly controllerRoleArns: { loadBalancerController: pulumi.Output<string>; autoscaler: pulumi.Output<string> };
  /** With autoscaler karpenter: what its release and node class are configured with. */
  readonly karpenter?: { interruptionQueueName: pulumi.Output<string>; nodeRoleName: pulumi.Output<string> };
  /**
   * What the controllers need to exist before they install: node groups, add-ons (CoreDNS) and their
   * roles. In one program, pass it as ClusterControllers' dependsOn; in two steps the order holds it.
   */
  readonly controllerDependencies: pulumi.Resource[];

  constructor(name: string, given: ClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super("platform:cluster:Cluster", name, {}, opts);
    const settings = resolveClusterSettings(name, given);
    const args: Resolved = {
      ...given,
      ...settings,
      clusterName: given.clusterName ?? name,
      account: given.account ?? fieldsOf(accountContext(this)),
      endpoint: { ...settings.endpoint, clientSecurityGroupIds: given.endpoint?.clientSecurityGroupIds ?? [] },
      kmsKeyArns: keysFor(this, name, ["data", "logs"], given.kmsKeyArns, { account: () => accountContext(this, given.account), protect: settings.deletionProtection, kind: "cluster" }),
    };
    checkClusterName(args.clusterName);
    throwIfProblems(name, clusterArgProblems({ ...args, region: given.account?.region ?? regionOfAz(args.availabilityZones[0] ?? "") }));
    if (args.availabilityZones.length < 2) throw new ComponentArgsError(`${name}: EKS needs subnets in at least 2 AZs; got ${args.availabilityZones.length}`);
    this.clusterName = args.clusterName;
    this.kmsKeyArns = args.kmsKeyArns;

    const cluster = this.controlPlane(name, args);
    this.oidcProviderArn = cluster.oidcProviderArn;
    this.oidcProviderUrl = cluster.oidcProviderUrl;
    this.clusterSecurityGroupId = cluster.clusterSecurityGroupId;
    // With skipDefaultSecurityGroups, @pulumi/eks returns the group EKS created for the cluster,
    // the one EKS puts on managed nodes whose launch template names no security group.
    this.nodeSecurityGroupId = cluster.nodeSecurityGroupId;
    this.kubeconfig = pulumi.secret(cluster.kubeconfigJson);
    const oidc: Oidc = { providerArn: cluster.oidcProviderArn, providerUrl: cluster.oidcProviderUrl };
    this.oidc = oidc;

    const nodes = this.nodes(name, args, cluster);
    const logGroups = INSIGHTS_LOG_GROUPS.map((g) => new aws.cloudwatch.LogGroup(childName(name, `insights-${g}`), {
      name: `/aws/containerinsights/${args.clusterName}/${g}`, retentionInDays: args.insightsLogRetentionDays, kmsKeyId: args.kmsKeyArns.logs, tags: tierTags("cluster"),
    }, { parent: this }));
    const addons = createAddons(name, {
      clusterName: args.clusterName, kubernetesVersion: args.kubernetesVersion, versions: args.addonVersions, oidc, partition: args.account.partition,
      region: args.account.region, dataKeyArn: args.kmsKeyArns.data, nodes, insightsLogGroups: logGroups,
    }, this);

    const roles: ControllerRoleInput = { clusterName: args.clusterName, region: args.account.region, partition: args.account.partition, accountId: args.account.accountId, oidc };
    const lbc = loadBalancerControllerRole(name, roles, this);
    const scaler = args.autoscaler.kind === "cluster-autoscaler"
      ? clusterAutoscalerRole(name, roles, this)
      : karpenterAws(name, { ...roles, dataKeyArn: args.kmsKeyArns.data }, this);
    if ("interruptionQueueName" in scaler) {
      this.karpenter = { interruptionQueueName: scaler.interruptionQueueName, nodeRoleName: scaler.nodeRoleName };
    }
    this.controllerRoleArns = { loadBalancerController: lbc.role.arn, autoscaler: "controllerRoleArn" in scaler ? scaler.controllerRoleArn : scaler.role.arn };
    this.controllerDependencies = [...nodes, addons[0], ...lbc.resources, ...scaler.resources];

    this.registerOutputs({
      clusterName: this.clusterName, nodeSecurityGroupId: this.nodeSecurityGroupId, clusterSecurityGroupId: this.clusterSecurityGroupId,
      oidcProviderArn: this.oidcProviderArn, oidcProviderUrl: this.oidcProviderUrl, kubeconfig: this.kubeconfig,
      controllerRoleArns: this.controllerRoleArns, karpenter: this.karpenter, kmsKeyArns: this.kmsKeyArns,
    });
  }

  /**
   * The control plane. EKS would create /aws/eks/<name>/cluster itself, unencrypted and kept
   * forever, so the group exists (encrypted, with retention) before the cluster does.
   * https://docs.aws.amazon.com/eks/latest/userguide/control-plane-logs.html
   */
  private controlPlane(name: string, args: Resolved): eks.Cluster {
    const logs = new aws.cloudwatch.LogGroup(childName(name, "control-plane"), {
      name: controlPlaneLogGroupName(args.clusterName), retentionInDays: args.controlPlaneLogRetentionDays, kmsKeyId: args.kmsKeyArns.logs, tags: tierTags("cluster"),
    }, { parent: this });
    const accessEntries = Object.fromEntries(args.adminPrincipalArns.map((principalArn, i) => [`admin-${i + 1}`, {
      principalArn,
      accessPolicies: { admin: { policyArn: EKS_ADMIN_POLICY, accessScope: { type: "cluster" } } },
    }]));
    const version = (key: AddonKey) => addonVersion(key, args.addonVersions[key], args.kubernetesVersion, this);
    const cluster = new eks.Cluster(childName(name, "eks"), {
      name: args.clusterName,
      version: args.kubernetesVersion,
      upgradePolicy: { supportType: "STANDARD" },
      vpcId: args.vpcId,
      privateSubnetIds: args.privateSubnetIds,
      endpointPrivateAccess: true,
      endpointPublicAccess: args.endpoint.publicAccess,
      publicAccessCidrs: args.endpoint.publicAccess ? args.endpoint.publicAccessCidrs : undefined,
      authenticationMode: "API",
      accessEntries,
      encryptionConfigKeyArn: args.kmsKeyArns.data,
      enabledClusterLogTypes: [...CONTROL_PLANE_LOG_TYPES],
      createOidcProvider: true,
      skipDefaultNodeGroup: true,
      // No component-made groups: EKS's own cluster security group goes on the control plane and nodes.
      skipDefaultSecurityGroups: true,
      useDefaultVpcCni: false,
      vpcCniOptions: { addonVersion: version("vpcCni"), enableNetworkPolicy: true },
      kubeProxyAddonOptions: { enabled: true, version: version("kubeProxy") },
      // The component manages CoreDNS only with a default node group; this tier creates it after its groups.
      corednsAddonOptions: { enabled: false },
      deletionProtection: args.deletionProtection,
      tags: tierTags("cluster"),
    }, { parent: this, providers: awsProviders(this), dependsOn: [logs] });
    args.endpoint.privateAccessCidrs.forEach((cidr, i) => new aws.vpc.SecurityGroupIngressRule(childName(name, "api-private", i + 1), {
      securityGroupId: cluster.clusterSecurityGroupId, cidrIpv4: cidr, ipProtocol: "tcp", fromPort: 443, toPort: 443,
      description: "Kubernetes API from an allow-listed network inside or connected to the VPC", tags: tierTags("cluster"),
    }, { parent: this }));
    args.endpoint.clientSecurityGroupIds.forEach((group, i) => new aws.vpc.SecurityGroupIngressRule(childName(name, "api-client", i + 1), {
      securityGroupId: cluster.clusterSecurityGroupId, referencedSecurityGroupId: group, ipProtocol: "tcp", fromPort: 443, toPort: 443,
      description: "Kubernetes API from the deploy runner inside the VPC", tags: tierTags("cluster"),
    }, { parent: this }));
    return cluster;
  }

  private nodes(name: string, args: Resolved, cluster: eks.Cluster): pulumi.Resource[] {
    const role = nodeRole(name, "node", args.account.partition, this);
    // The autoscaling service-linked role launches the nodes and needs the data key for their
    // volumes; its permissions cannot be edited, so it gets a grant on the key.
    // https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html
    const grant = new aws.kms.Grant(childName(name, "asg-volume-key"), {
      keyId: args.kmsKeyArns.data,
      granteePrincipal: pulumi.all([args.account.partition, args.account.accountId]).apply(([partition, accountId]) => asgServiceLinkedRoleArn({ partition, accountId })),
      operations: ["Encrypt", "Decrypt", "ReEncryptFrom", "ReEncryptTo", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "DescribeKey", "CreateGrant"],
    }, { parent: this });
    const groups = createNodeGroups(name, {
      cluster, clusterName: args.clusterName, privateSubnetIds: args.privateSubnetIds, nodeRoleArn: role.role.arn, dataKeyArn: args.kmsKeyArns.data,
      groups: nodeGroupsToCreate(args.nodeGroups), dependsOn: [...role.resources, grant],
    }, this);
    return Object.values(groups);
  }
}
