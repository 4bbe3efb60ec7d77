/**
 * Containers: EKS (cluster, node groups, add-ons, access entries with their policy associations
 * folded in), ECS (cluster, capacity providers, services, task definitions), ECR (repositories with
 * their lifecycle policies folded in), EC2 Auto Scaling, Application Auto Scaling and Cloud Map.
 */
import { compact, json, pascal } from "../props";
import type { Mapping, Props } from "../types";

/**
 * Service-linked roles Application Auto Scaling uses when a target names none, which is what the
 * provider sends; CloudFormation requires RoleARN.
 * https://docs.aws.amazon.com/autoscaling/application/userguide/application-auto-scaling-service-linked-roles.html
 */
const SCALING_ROLES: Record<string, string> = {
  ecs: "ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService",
  kafka: "kafka.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_KafkaCluster",
  elasticache: "elasticache.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ElastiCacheRG",
};

/** Container definitions: the ECS API's JSON in CloudFormation's case. Map-valued fields keep their keys. */
export function containerDefinitions(text: unknown): Props[] {
  const defs = json(text);
  if (!Array.isArray(defs)) return [];
  const keepKeys = (o: Props | undefined) => o;
  return defs.map((d: Props) => {
    const { logConfiguration, dockerLabels, ...rest } = d;
    return compact({
      ...pascal(rest, { readonlyRootFilesystem: "ReadonlyRootFilesystem" }),
      LogConfiguration: logConfiguration ? compact({ LogDriver: logConfiguration.logDriver, Options: keepKeys(logConfiguration.options), SecretOptions: pascal(logConfiguration.secretOptions) }) : undefined,
      DockerLabels: keepKeys(dockerLabels),
    });
  });
}

const ecsService: Mapping = {
  cfnType: "AWS::ECS::Service",
  attributes: { id: "ServiceArn", name: "Name" },
  properties: (i, ctx) => compact({
    ServiceName: i.name,
    Cluster: i.cluster,
    TaskDefinition: i.taskDefinition,
    DesiredCount: i.desiredCount,
    LaunchType: i.launchType,
    PlatformVersion: i.platformVersion,
    SchedulingStrategy: i.schedulingStrategy,
    CapacityProviderStrategy: pascal(i.capacityProviderStrategies),
    NetworkConfiguration: i.networkConfiguration ? {
      AwsvpcConfiguration: compact({
        Subnets: i.networkConfiguration.subnets, SecurityGroups: i.networkConfiguration.securityGroups,
        AssignPublicIp: i.networkConfiguration.assignPublicIp === undefined ? undefined : i.networkConfiguration.assignPublicIp ? "ENABLED" : "DISABLED",
      }),
    } : undefined,
    PlacementStrategies: pascal(i.orderedPlacementStrategies),
    PlacementConstraints: pascal(i.placementConstraints),
    DeploymentConfiguration: compact({
      DeploymentCircuitBreaker: pascal(i.deploymentCircuitBreaker), MaximumPercent: i.deploymentMaximumPercent, MinimumHealthyPercent: i.deploymentMinimumHealthyPercent,
    }),
    LoadBalancers: pascal(i.loadBalancers),
    HealthCheckGracePeriodSeconds: i.healthCheckGracePeriodSeconds,
    ServiceRegistries: i.serviceRegistries ? [pascal(i.serviceRegistries)] : undefined,
    PropagateTags: i.propagateTags,
    EnableECSManagedTags: i.enableEcsManagedTags,
    EnableExecuteCommand: i.enableExecuteCommand,
    Tags: ctx.tagList(i.tags),
  }),
};

const ecsTaskDefinition: Mapping = {
  cfnType: "AWS::ECS::TaskDefinition",
  attributes: { id: "TaskDefinitionArn", arn: "TaskDefinitionArn" },
  properties: (i, ctx) => compact({
    Family: i.family,
    ContainerDefinitions: containerDefinitions(i.containerDefinitions),
    Cpu: i.cpu,
    Memory: i.memory,
    NetworkMode: i.networkMode,
    RequiresCompatibilities: i.requiresCompatibilities,
    ExecutionRoleArn: i.executionRoleArn,
    TaskRoleArn: i.taskRoleArn,
    PidMode: i.pidMode,
    IpcMode: i.ipcMode,
    RuntimePlatform: pascal(i.runtimePlatform),
    EphemeralStorage: i.ephemeralStorage ? { SizeInGiB: i.ephemeralStorage.sizeInGib } : undefined,
    PlacementConstraints: pascal(i.placementConstraints),
    Volumes: (i.volumes ?? []).map((v: Props) => compact({
      Name: v.name,
      Host: v.hostPath ? { SourcePath: v.hostPath } : undefined,
      EFSVolumeConfiguration: v.efsVolumeConfiguration ? compact({
        FilesystemId: v.efsVolumeConfiguration.fileSystemId,
        RootDirectory: v.efsVolumeConfiguration.rootDirectory,
        TransitEncryption: v.efsVolumeConfiguration.transitEncryption,
        TransitEncryptionPort: v.efsVolumeConfiguration.transitEncryptionPort,
        AuthorizationConfig: v.efsVolumeConfiguration.authorizationConfig
          ? compact({ AccessPointId: v.efsVolumeConfiguration.authorizationConfig.accessPointId, IAM: v.efsVolumeConfiguration.authorizationConfig.iam })
          : undefined,
      }) : undefined,
    })),
    Tags: ctx.tagList(i.tags),
  }),
};

const eksCluster: Mapping = {
  cfnType: "AWS::EKS::Cluster",
  attributes: { name: "Ref", clusterSecurityGroupId: "ClusterSecurityGroupId", endpoint: "Endpoint" },
  properties: (i, ctx) => compact({
    Name: i.name,
    RoleArn: i.roleArn,
    Version: i.version,
    ResourcesVpcConfig: pascal(i.vpcConfig),
    Logging: i.enabledClusterLogTypes ? { ClusterLogging: { EnabledTypes: i.enabledClusterLogTypes.map((Type: string) => ({ Type })) } } : undefined,
    EncryptionConfig: i.encryptionConfig ? [pascal(i.encryptionConfig)] : undefined,
    AccessConfig: pascal(i.accessConfig),
    UpgradePolicy: pascal(i.upgradePolicy),
    DeletionProtection: i.deletionProtection,
    KubernetesNetworkConfig: pascal(i.kubernetesNetworkConfig),
    BootstrapSelfManagedAddons: i.bootstrapSelfManagedAddons,
    Tags: ctx.tagList(i.tags),
  }),
};

const eksNodeGroup: Mapping = {
  cfnType: "AWS::EKS::Nodegroup",
  attributes: { arn: "Arn", id: "" },
  properties: (i, ctx) => compact({
    ClusterName: i.clusterName,
    NodegroupName: i.nodeGroupName,
    NodeRole: i.nodeRoleArn,
    Subnets: i.subnetIds,
    ScalingConfig: pascal(i.scalingConfig),
    AmiType: i.amiType,
    CapacityType: i.capacityType,
    InstanceTypes: i.instanceTypes,
    DiskSize: i.diskSize,
    Labels: i.labels,
    LaunchTemplate: pascal(i.launchTemplate),
    Taints: pascal(i.taints),
    ReleaseVersion: i.releaseVersion,
    Version: i.version,
    UpdateConfig: pascal(i.updateConfig),
    ForceUpdateEnabled: i.forceUpdateVersion,
    // AWS::EKS::Nodegroup takes its tags as a map.
    Tags: ctx.tagMap(i.tags),
  }),
};

export const CONTAINER_MAPPINGS: Record<string, Mapping> = {
  "aws:eks/cluster:Cluster": eksCluster,
  "aws:eks/nodeGroup:NodeGroup": eksNodeGroup,
  "aws:eks/addon:Addon": {
    cfnType: "AWS::EKS::Addon",
    attributes: { id: "", arn: "Arn" },
    properties: (i, ctx) => compact({
      ClusterName: i.clusterName, AddonName: i.addonName, AddonVersion: i.addonVersion,
      // CloudFormation has one conflict setting, applied on create and update.
      ResolveConflicts: i.resolveConflictsOnUpdate ?? i.resolveConflictsOnCreate,
      PreserveOnDelete: i.preserve, ServiceAccountRoleArn: i.serviceAccountRoleArn, ConfigurationValues: i.configurationValues,
      PodIdentityAssociations: pascal(i.podIdentityAssociations), Tags: ctx.tagList(i.tags),
    }),
  },
  "aws:eks/accessEntry:AccessEntry": {
    cfnType: "AWS::EKS::AccessEntry",
    attributes: { id: "", accessEntryArn: "AccessEntryArn" },
    properties: (i, ctx) => compact({
      ClusterName: i.clusterName, PrincipalArn: i.principalArn, Type: i.type, KubernetesGroups: i.kubernetesGroups, Username: i.userName ?? i.username, Tags: ctx.tagList(i.tags),
    }),
  },
  "aws:eks/accessPolicyAssociation:AccessPolicyAssociation": {
    parentType: "aws:eks/accessEntry:AccessEntry",
    parentInput: "principalArn",
    fold: (entry, i) => {
      entry.AccessPolicies = [...(entry.AccessPolicies ?? []), { PolicyArn: i.policyArn, AccessScope: pascal(i.accessScope) }];
    },
  },
  "aws:ecs/cluster:Cluster": {
    cfnType: "AWS::ECS::Cluster",
    // The provider's id of a cluster is its ARN; Ref is its name.
    attributes: { id: "Arn", name: "Ref" },
    properties: (i, ctx) => compact({ ClusterName: i.name, ClusterSettings: pascal(i.settings), Tags: ctx.tagList(i.tags) }),
  },
  "aws:ecs/capacityProvider:CapacityProvider": {
    cfnType: "AWS::ECS::CapacityProvider",
    attributes: { id: "", arn: "", name: "Ref" },
    properties: (i, ctx) => compact({ Name: i.name, AutoScalingGroupProvider: pascal(i.autoScalingGroupProvider), Tags: ctx.tagList(i.tags) }),
  },
  "aws:ecs/clusterCapacityProviders:ClusterCapacityProviders": {
    cfnType: "AWS::ECS::ClusterCapacityProviderAssociations",
    properties: (i) => compact({ Cluster: i.clusterName, CapacityProviders: i.capacityProviders, DefaultCapacityProviderStrategy: pascal(i.defaultCapacityProviderStrategies) }),
  },
  "aws:ecs/service:Service": ecsService,
  "aws:ecs/taskDefinition:TaskDefinition": ecsTaskDefinition,
  "aws:ecr/repository:Repository": {
    cfnType: "AWS::ECR::Repository",
    attributes: { name: "Ref", repositoryUrl: "RepositoryUri" },
    properties: (i, ctx) => compact({
      RepositoryName: i.name,
      ImageTagMutability: i.imageTagMutability,
      ImageScanningConfiguration: pascal(i.imageScanningConfiguration),
      EncryptionConfiguration: i.encryptionConfigurations?.[0] ? pascal(i.encryptionConfigurations[0]) : undefined,
      EmptyOnDelete: i.forceDelete,
      Tags: ctx.tagList(i.tags),
    }),
  },
  "aws:ecr/lifecyclePolicy:LifecyclePolicy": {
    parentType: "aws:ecr/repository:Repository",
    parentInput: "repository",
    fold: (repo, i) => {
      repo.LifecyclePolicy = { LifecyclePolicyText: typeof i.policy === "string" ? i.policy : JSON.stringify(i.policy) };
    },
  },
  // CloudFormation takes the sizes as strings.
  "aws:autoscaling/group:Group": {
    cfnType: "AWS::AutoScaling::AutoScalingGroup",
    attributes: { name: "Ref", arn: "" },
    properties: (i) => compact({
      AutoScalingGroupName: i.name,
      MinSize: String(i.minSize),
      MaxSize: String(i.maxSize),
      DesiredCapacity: i.desiredCapacity === undefined ? undefined : String(i.desiredCapacity),
      LaunchTemplate: i.launchTemplate ? compact({ LaunchTemplateId: i.launchTemplate.id, LaunchTemplateName: i.launchTemplate.name, Version: i.launchTemplate.version }) : undefined,
      VPCZoneIdentifier: i.vpcZoneIdentifiers,
      HealthCheckType: i.healthCheckType,
      HealthCheckGracePeriod: i.healthCheckGracePeriod,
      NewInstancesProtectedFromScaleIn: i.protectFromScaleIn,
      CapacityRebalance: i.capacityRebalance,
      DefaultCooldown: i.defaultCooldown === undefined ? undefined : String(i.defaultCooldown),
      MaxInstanceLifetime: i.maxInstanceLifetime,
      TerminationPolicies: i.terminationPolicies,
      Tags: pascal(i.tags),
    }),
  },
  "aws:appautoscaling/target:Target": {
    cfnType: "AWS::ApplicationAutoScaling::ScalableTarget",
    properties: (i, ctx) => compact({
      MaxCapacity: i.maxCapacity, MinCapacity: i.minCapacity, ResourceId: i.resourceId, ScalableDimension: i.scalableDimension, ServiceNamespace: i.serviceNamespace,
      RoleARN: i.roleArn ?? (SCALING_ROLES[i.serviceNamespace] ? `arn:aws:iam::${ctx.account}:role/aws-service-role/${SCALING_ROLES[i.serviceNamespace]}` : undefined),
    }),
  },
  "aws:appautoscaling/policy:Policy": {
    cfnType: "AWS::ApplicationAutoScaling::ScalingPolicy",
    properties: (i) => compact({
      PolicyName: i.name, PolicyType: i.policyType, ResourceId: i.resourceId, ScalableDimension: i.scalableDimension, ServiceNamespace: i.serviceNamespace,
      TargetTrackingScalingPolicyConfiguration: pascal(i.targetTrackingScalingPolicyConfiguration),
      StepScalingPolicyConfiguration: pascal(i.stepScalingPolicyConfiguration),
    }),
  },
  "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace": {
    cfnType: "AWS::ServiceDiscovery::PrivateDnsNamespace",
    attributes: { id: "Id", hostedZone: "HostedZoneId" },
    properties: (i, ctx) => compact({ Name: i.name, Vpc: i.vpc, Description: i.description, Tags: ctx.tagList(i.tags) }),
  },
  "aws:servicediscovery/service:Service": {
    cfnType: "AWS::ServiceDiscovery::Service",
    attributes: { id: "Id" },
    properties: (i, ctx) => compact({
      Name: i.name, Description: i.description, NamespaceId: i.namespaceId,
      DnsConfig: pascal(i.dnsConfig, { ttl: "TTL" }), HealthCheckCustomConfig: pascal(i.healthCheckCustomConfig), Tags: ctx.tagList(i.tags),
    }),
  },
};
