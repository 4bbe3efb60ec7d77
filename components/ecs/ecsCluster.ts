import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { attach } from "../cluster/roles";
import { rootVolume } from "../cluster/nodeGroups";
import { asgServiceLinkedRoleArn } from "../cluster/settings";
import { policyDocument } from "../iam/policyDocument";
import { childName } from "../naming";
import { tierTags } from "../tags";
import { Rule, instanceEgress, tasksEgress, tasksIngress } from "./securityRules";
import type { LogRetentionDays } from "../logs";
import type { AccountContext } from "../account";
import type { EcsClusterSettings } from "./presets";
import {
  CONTAINER_INSIGHTS, ECS_AMI_PARAMETER, ECS_MANAGED_TAG, INSTANCE_MANAGED_POLICIES, INSTANCE_METADATA_OPTIONS, ResolvedEcsCluster,
  capacityProviderName, insightsLogGroupName, resolveEcsClusterArgs, userData,
} from "./settings";

/**
 * What EcsCluster needs: the network it lives in, plus the container instances' settings
 * (EcsClusterSettings, each optional with ECS_CLUSTER_DEFAULTS, the prod preset). Everything else
 * has a default; the secure settings (IMDSv2 hop 1, encrypted root volumes, private subnets, no
 * public IP, Container Insights) are not knobs.
 */
export interface EcsClusterArgs extends Partial<EcsClusterSettings> {
  vpcId: pulumi.Input<string>;
  /** The VPC's IPv4 CIDR: the tasks' and instances' egress inside the VPC. */
  vpcCidr: string;
  /** Private subnets, one per AZ: container instances and task ENIs live only here, none gets a public IP. */
  privateSubnetIds: pulumi.Input<string[]>;
  /** Account, partition and region, for ARNs (the Auto Scaling service-linked role's key grant, managed policies). */
  account: AccountContext;
  /** KMS keys: data (instance root volumes), logs (the Container Insights log group). */
  kmsKeyArns: { data: pulumi.Input<string>; logs: pulumi.Input<string> };
  /**
   * Physical cluster name: 1 to 255 letters, digits, '-' and '_'.
   * https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateCluster.html
   * @default the component's name
   */
  clusterName?: string;
  /**
   * AZs of the private subnets; at least 2 (the Auto Scaling group spreads over them; an ALB needs 2).
   * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#availability-zones
   * @default checked by the count of privateSubnetIds, when they are a plain list
   */
  availabilityZones?: string[];
  /**
   * Days Container Insights performance logs are kept; one of the CloudWatch Logs retention values.
   * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutRetentionPolicy.html
   * @default 90 (DEFAULT_LOG_RETENTION_DAYS)
   */
  insightsLogRetentionDays?: LogRetentionDays;
  /**
   * Private DNS namespace for Cloud Map, such as ecsai-prod.local: lowercase DNS labels, ≤ 253 characters.
   * https://docs.aws.amazon.com/cloud-map/latest/api/API_CreatePrivateDnsNamespace.html
   * @default `<clusterName>.local`, lowercased
   */
  serviceDiscoveryNamespace?: string;
  /**
   * The services' container ports (1..65535): the tasks' group admits itself on these, for
   * service-to-service calls.
   * @default [] (tasks admit nothing from each other)
   */
  servicePorts?: number[];
}

/**
 * The ECS cluster on EC2 and everything its tasks stand on: Container Insights, container
 * instances (IMDSv2 hop 1, encrypted root volumes, private subnets) in an Auto Scaling group behind
 * a capacity provider, the tasks' and instances' security groups, and the Cloud Map namespace.
 *
 * Created before the data tier, whose stores and EFS must admit the tasks' security group. The
 * services (EcsServices) come after those tiers. See README.md beside this file.
 */
export class EcsCluster extends pulumi.ComponentResource {
  readonly clusterName: string;
  readonly clusterArn: pulumi.Output<string>;
  readonly capacityProviderName: pulumi.Output<string>;
  /** The group on every task ENI: data stores, EFS and the ALB's target rules admit it. */
  readonly tasksSecurityGroupId: pulumi.Output<string>;
  readonly instanceSecurityGroupId: pulumi.Output<string>;
  readonly namespaceId: pulumi.Output<string>;
  readonly namespaceName: pulumi.Output<string>;
  readonly instanceRoleArn: pulumi.Output<string>;
  readonly autoScalingGroupName: pulumi.Output<string>;

  constructor(name: string, args: EcsClusterArgs, opts?: pulumi.ComponentResourceOptions) {
    super("platform:cluster:EcsCluster", name, {}, opts);
    const r = resolveEcsClusterArgs(name, args);
    this.clusterName = r.clusterName;

    const insights = new aws.cloudwatch.LogGroup(childName(name, "insights"), {
      name: insightsLogGroupName(r.clusterName), retentionInDays: r.insightsLogRetentionDays, kmsKeyId: args.kmsKeyArns.logs, tags: tierTags("cluster"),
    }, { parent: this });
    // ECS Exec stays off on every service, so the cluster carries no execute-command configuration.
    const cluster = new aws.ecs.Cluster(childName(name, "cluster"), {
      name: r.clusterName, settings: [{ ...CONTAINER_INSIGHTS }], tags: tierTags("cluster"),
    }, { parent: this, dependsOn: [insights] });
    this.clusterArn = cluster.arn;

    const tasks = this.securityGroup(name, "tasks", args.vpcId, "ECS tasks (awsvpc): each other on the service ports; the ALB adds its own rule", tasksIngress(r.servicePorts), tasksEgress(args.vpcCidr));
    const instances = this.securityGroup(name, "instances", args.vpcId, "ECS container instances: no ingress, HTTPS and NFS out", [], instanceEgress(args.vpcCidr));
    this.tasksSecurityGroupId = tasks.id;
    this.instanceSecurityGroupId = instances.id;

    const { asg, roleArn } = this.instances(name, args, r, instances);
    this.autoScalingGroupName = asg.name;
    this.instanceRoleArn = roleArn;
    const provider = new aws.ecs.CapacityProvider(childName(name, "capacity"), {
      name: capacityProviderName(r.clusterName),
      autoScalingGroupProvider: {
        autoScalingGroupArn: asg.arn,
        // ECS scales the group to keep it targetCapacityPercent full, and never terminates an
        // instance that still runs tasks (needs protectFromScaleIn on the group).
        // https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-termination-protection.html
        managedScaling: { status: "ENABLED", targetCapacity: r.targetCapacityPercent },
        managedTerminationProtection: "ENABLED",
        managedDraining: "ENABLED",
      },
      tags: tierTags("cluster"),
    }, { parent: this });
    this.capacityProviderName = provider.name;
    new aws.ecs.ClusterCapacityProviders(childName(name, "capacity-providers"), {
      clusterName: cluster.name,
      capacityProviders: [provider.name],
      defaultCapacityProviderStrategies: [{ capacityProvider: provider.name, weight: 1, base: 0 }],
    }, { parent: this });

    const namespace = new aws.servicediscovery.PrivateDnsNamespace(childName(name, "namespace"), {
      name: r.serviceDiscoveryNamespace,
      vpc: args.vpcId,
      description: `Cloud Map names of the ${r.clusterName} services`,
      tags: tierTags("cluster"),
    }, { parent: this });
    this.namespaceId = namespace.id;
    this.namespaceName = namespace.name;

    this.registerOutputs({
      clusterName: this.clusterName, clusterArn: this.clusterArn, capacityProviderName: this.capacityProviderName, tasksSecurityGroupId: this.tasksSecurityGroupId,
      instanceSecurityGroupId: this.instanceSecurityGroupId, namespaceId: this.namespaceId, namespaceName: this.namespaceName,
      instanceRoleArn: this.instanceRoleArn, autoScalingGroupName: this.autoScalingGroupName,
    });
  }

  private securityGroup(name: string, role: string, vpcId: pulumi.Input<string>, description: string, ingress: Rule[], egress: Rule[]): aws.ec2.SecurityGroup {
    return new aws.ec2.SecurityGroup(childName(name, role), { vpcId, description, ingress, egress, tags: tierTags("cluster", { Name: childName(name, role) }) }, { parent: this });
  }

  /** Instance role and profile, the volume-key grant, the launch template and the Auto Scaling group. */
  private instances(name: string, args: EcsClusterArgs, r: ResolvedEcsCluster, sg: aws.ec2.SecurityGroup): { asg: aws.autoscaling.Group; roleArn: pulumi.Output<string> } {
    const roleName = childName(name, "instance");
    const trust = policyDocument({ Sid: "TrustEc2", Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" });
    const role = new aws.iam.Role(roleName, { assumeRolePolicy: JSON.stringify(trust), description: `ECS container instances of ${r.clusterName}`, tags: tierTags("cluster") }, { parent: this });
    const attachments = attach(roleName, role, { managedPolicies: [...INSTANCE_MANAGED_POLICIES], partition: args.account.partition }, this);
    const profile = new aws.iam.InstanceProfile(roleName, { role: role.name, tags: tierTags("cluster") }, { parent: this });
    // The Auto Scaling service-linked role launches the instances and needs the data key for their
    // volumes; its permissions cannot be edited, so it gets a grant on the key.
    // https://docs.aws.amazon.com/autoscaling/ec2/userguide/key-policy-requirements-EBS-encryption.html
    const grant = new aws.kms.Grant(childName(name, "asg-volume-key"), {
      keyId: args.kmsKeyArns.data,
      granteePrincipal: asgServiceLinkedRoleArn(args.account),
      operations: ["Encrypt", "Decrypt", "ReEncryptFrom", "ReEncryptTo", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "DescribeKey", "CreateGrant"],
    }, { parent: this });
    const ami = aws.ssm.getParameterOutput({ name: ECS_AMI_PARAMETER }, { parent: this });
    const tags = tierTags("cluster", { Name: childName(name, "instance"), Cluster: r.clusterName });
    const template = new aws.ec2.LaunchTemplate(childName(name, "lt"), {
      description: `ECS ${r.clusterName} container instances: AL2023 ECS-optimized, IMDSv2 hop 1, encrypted gp3 root volume`,
      imageId: ami.value,
      instanceType: r.instanceType,
      iamInstanceProfile: { arn: profile.arn },
      networkInterfaces: [{ deviceIndex: 0, associatePublicIpAddress: "false", deleteOnTermination: "true", securityGroups: [sg.id] }],
      metadataOptions: { ...INSTANCE_METADATA_OPTIONS },
      blockDeviceMappings: [rootVolume(r.diskSizeGiB, args.kmsKeyArns.data)],
      monitoring: { enabled: true },
      userData: userData(r.clusterName),
      // The provider's default tags reach the template, not the instances and volumes it launches.
      tagSpecifications: ["instance", "volume", "network-interface"].map((resourceType) => ({ resourceType, tags })),
      updateDefaultVersion: true,
      tags: tierTags("cluster"),
    }, { parent: this });
    const asg = new aws.autoscaling.Group(childName(name, "asg"), {
      vpcZoneIdentifiers: args.privateSubnetIds,
      minSize: r.minSize,
      maxSize: r.maxSize,
      // No desiredCapacity: ECS managed scaling owns it once the group exists.
      launchTemplate: { id: template.id, version: template.latestVersion.apply((v) => String(v)) },
      // Managed termination protection needs scale-in protection on new instances.
      protectFromScaleIn: true,
      healthCheckType: "EC2",
      tags: [
        { key: ECS_MANAGED_TAG, value: "true", propagateAtLaunch: true },
        ...Object.entries(tags).map(([key, value]) => ({ key, value, propagateAtLaunch: true })),
      ],
    }, { parent: this, dependsOn: [...attachments, profile, grant] });
    return { asg, roleArn: role.arn };
  }
}
