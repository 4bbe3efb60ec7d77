/**
 * Data stores: RDS, ElastiCache, MSK, Amazon MQ and SQS. The provider's final-snapshot settings
 * have no property: the renderer turns them into the DeletionPolicy.
 */
import { compact, json, pascal } from "../props";
import type { Mapping, Props } from "../types";

/** The provider's {name, value} list as the map CloudFormation takes. */
const parameterMap = (ps: Props[] | undefined) => (ps ? Object.fromEntries(ps.map((p) => [p.name, p.value])) : undefined);

const rdsInstance: Mapping = {
  cfnType: "AWS::RDS::DBInstance",
  attributes: {
    id: "", identifier: "Ref", arn: "DBInstanceArn", address: "Endpoint.Address", resourceId: "DbiResourceId",
    "masterUserSecrets.0.secretArn": "MasterUserSecret.SecretArn",
  },
  properties: (i, ctx) => compact({
    DBInstanceIdentifier: i.identifier,
    DBInstanceClass: i.instanceClass,
    Engine: i.engine,
    EngineVersion: i.engineVersion,
    // CloudFormation takes storage and port as strings.
    AllocatedStorage: i.allocatedStorage === undefined ? undefined : String(i.allocatedStorage),
    MaxAllocatedStorage: i.maxAllocatedStorage,
    StorageType: i.storageType,
    Iops: i.iops,
    StorageThroughput: i.storageThroughput,
    StorageEncrypted: i.storageEncrypted,
    KmsKeyId: i.kmsKeyId,
    DBName: i.dbName,
    MasterUsername: i.username,
    MasterUserPassword: i.password,
    ManageMasterUserPassword: i.manageMasterUserPassword,
    MasterUserSecret: i.masterUserSecretKmsKeyId ? { KmsKeyId: i.masterUserSecretKmsKeyId } : undefined,
    SourceDBInstanceIdentifier: i.replicateSourceDb,
    DBSubnetGroupName: i.dbSubnetGroupName,
    DBParameterGroupName: i.parameterGroupName,
    VPCSecurityGroups: i.vpcSecurityGroupIds,
    AvailabilityZone: i.availabilityZone,
    MultiAZ: i.multiAz,
    Port: i.port === undefined ? undefined : String(i.port),
    PubliclyAccessible: i.publiclyAccessible,
    BackupRetentionPeriod: i.backupRetentionPeriod,
    PreferredBackupWindow: i.backupWindow,
    PreferredMaintenanceWindow: i.maintenanceWindow,
    AllowMajorVersionUpgrade: i.allowMajorVersionUpgrade,
    AutoMinorVersionUpgrade: i.autoMinorVersionUpgrade,
    ApplyImmediately: i.applyImmediately,
    CopyTagsToSnapshot: i.copyTagsToSnapshot,
    DeleteAutomatedBackups: i.deleteAutomatedBackups,
    DeletionProtection: i.deletionProtection,
    EnableCloudwatchLogsExports: i.enabledCloudwatchLogsExports,
    EnableIAMDatabaseAuthentication: i.iamDatabaseAuthenticationEnabled,
    MonitoringInterval: i.monitoringInterval,
    MonitoringRoleArn: i.monitoringRoleArn,
    EnablePerformanceInsights: i.performanceInsightsEnabled,
    PerformanceInsightsKMSKeyId: i.performanceInsightsKmsKeyId,
    PerformanceInsightsRetentionPeriod: i.performanceInsightsRetentionPeriod,
    CACertificateIdentifier: i.caCertIdentifier,
    NetworkType: i.networkType,
    LicenseModel: i.licenseModel,
    Tags: ctx.tagList(i.tags),
  }),
};

/** Log destinations: the provider names a group or stream; CloudFormation nests it by type. */
function logDelivery(l: Props): Props {
  const details = l.destinationType === "kinesis-firehose"
    ? { KinesisFirehoseDetails: { DeliveryStream: l.destination } }
    : { CloudWatchLogsDetails: { LogGroup: l.destination } };
  return { DestinationDetails: details, DestinationType: l.destinationType, LogFormat: l.logFormat, LogType: l.logType };
}

const replicationGroup: Mapping = {
  cfnType: "AWS::ElastiCache::ReplicationGroup",
  attributes: { id: "Ref", arn: "", primaryEndpointAddress: "PrimaryEndPoint.Address", configurationEndpointAddress: "ConfigurationEndPoint.Address" },
  properties: (i, ctx) => compact({
    ReplicationGroupId: i.replicationGroupId,
    ReplicationGroupDescription: i.description,
    Engine: i.engine,
    EngineVersion: i.engineVersion,
    CacheNodeType: i.nodeType,
    ClusterMode: i.clusterMode,
    NumCacheClusters: i.numCacheClusters,
    NumNodeGroups: i.numNodeGroups,
    ReplicasPerNodeGroup: i.replicasPerNodeGroup,
    PreferredCacheClusterAZs: i.preferredCacheClusterAzs,
    AutomaticFailoverEnabled: i.automaticFailoverEnabled,
    MultiAZEnabled: i.multiAzEnabled,
    AtRestEncryptionEnabled: i.atRestEncryptionEnabled,
    KmsKeyId: i.kmsKeyId,
    TransitEncryptionEnabled: i.transitEncryptionEnabled,
    TransitEncryptionMode: i.transitEncryptionMode,
    AuthToken: i.authToken,
    UserGroupIds: i.userGroupIds,
    CacheParameterGroupName: i.parameterGroupName,
    CacheSubnetGroupName: i.subnetGroupName,
    SecurityGroupIds: i.securityGroupIds,
    Port: i.port,
    PreferredMaintenanceWindow: i.maintenanceWindow,
    SnapshotWindow: i.snapshotWindow,
    SnapshotRetentionLimit: i.snapshotRetentionLimit,
    AutoMinorVersionUpgrade: i.autoMinorVersionUpgrade,
    DataTieringEnabled: i.dataTieringEnabled,
    NetworkType: i.networkType,
    IpDiscovery: i.ipDiscovery,
    LogDeliveryConfigurations: (i.logDeliveryConfigurations ?? []).map(logDelivery),
    Tags: ctx.tagList(i.tags),
  }),
};

const mskCluster: Mapping = {
  cfnType: "AWS::MSK::Cluster",
  attributes: { id: "Ref", arn: "Ref" },
  properties: (i, ctx) => {
    const b: Props = i.brokerNodeGroupInfo ?? {};
    const auth: Props = i.clientAuthentication ?? {};
    return compact({
      ClusterName: i.clusterName,
      KafkaVersion: i.kafkaVersion,
      NumberOfBrokerNodes: i.numberOfBrokerNodes,
      BrokerNodeGroupInfo: compact({
        ClientSubnets: b.clientSubnets, InstanceType: b.instanceType, SecurityGroups: b.securityGroups, BrokerAZDistribution: b.azDistribution,
        StorageInfo: b.storageInfo?.ebsStorageInfo ? { EBSStorageInfo: pascal(b.storageInfo.ebsStorageInfo) } : undefined,
        ConnectivityInfo: pascal(b.connectivityInfo),
      }),
      ClientAuthentication: compact({
        Sasl: auth.sasl ? compact({ Iam: auth.sasl.iam === undefined ? undefined : { Enabled: auth.sasl.iam }, Scram: auth.sasl.scram === undefined ? undefined : { Enabled: auth.sasl.scram } }) : undefined,
        Unauthenticated: auth.unauthenticated === undefined ? undefined : { Enabled: auth.unauthenticated },
        Tls: auth.tls ? pascal(auth.tls) : undefined,
      }),
      ConfigurationInfo: pascal(i.configurationInfo),
      EncryptionInfo: i.encryptionInfo ? compact({
        EncryptionAtRest: i.encryptionInfo.encryptionAtRestKmsKeyArn ? { DataVolumeKMSKeyId: i.encryptionInfo.encryptionAtRestKmsKeyArn } : undefined,
        EncryptionInTransit: pascal(i.encryptionInfo.encryptionInTransit),
      }) : undefined,
      EnhancedMonitoring: i.enhancedMonitoring,
      LoggingInfo: pascal(i.loggingInfo, { cloudwatchLogs: "CloudWatchLogs" }),
      StorageMode: i.storageMode,
      // AWS::MSK::Cluster takes its tags as a map.
      Tags: ctx.tagMap(i.tags),
    });
  },
};

export const DATA_MAPPINGS: Record<string, Mapping> = {
  "aws:rds/instance:Instance": rdsInstance,
  "aws:rds/parameterGroup:ParameterGroup": {
    cfnType: "AWS::RDS::DBParameterGroup",
    attributes: { name: "Ref", arn: "" },
    // The provider's default description; CloudFormation requires one.
    properties: (i, ctx) => compact({
      DBParameterGroupName: i.name, Family: i.family, Description: i.description ?? "Managed by Pulumi", Parameters: parameterMap(i.parameters), Tags: ctx.tagList(i.tags),
    }),
  },
  "aws:rds/subnetGroup:SubnetGroup": {
    cfnType: "AWS::RDS::DBSubnetGroup",
    attributes: { name: "Ref", arn: "" },
    properties: (i, ctx) => compact({
      DBSubnetGroupName: i.name, DBSubnetGroupDescription: i.description ?? "Managed by Pulumi", SubnetIds: i.subnetIds, Tags: ctx.tagList(i.tags),
    }),
  },
  "aws:elasticache/replicationGroup:ReplicationGroup": replicationGroup,
  // AWS::ElastiCache::ParameterGroup has no name property: CloudFormation names the group; Ref is that name.
  "aws:elasticache/parameterGroup:ParameterGroup": {
    cfnType: "AWS::ElastiCache::ParameterGroup",
    attributes: { name: "Ref", id: "Ref", arn: "" },
    properties: (i, ctx) => compact({
      CacheParameterGroupFamily: i.family, Description: i.description ?? "Managed by Pulumi", Properties: parameterMap(i.parameters), Tags: ctx.tagList(i.tags),
    }),
  },
  "aws:elasticache/subnetGroup:SubnetGroup": {
    cfnType: "AWS::ElastiCache::SubnetGroup",
    attributes: { name: "Ref", id: "Ref", arn: "" },
    properties: (i, ctx) => compact({ CacheSubnetGroupName: i.name, Description: i.description ?? "Managed by Pulumi", SubnetIds: i.subnetIds, Tags: ctx.tagList(i.tags) }),
  },
  "aws:msk/cluster:Cluster": mskCluster,
  "aws:msk/configuration:Configuration": {
    cfnType: "AWS::MSK::Configuration",
    attributes: { arn: "Arn", id: "Arn", latestRevision: "LatestRevision.Revision" },
    properties: (i) => compact({ Name: i.name, Description: i.description, KafkaVersionsList: i.kafkaVersions, ServerProperties: i.serverProperties }),
  },
  "aws:mq/broker:Broker": {
    cfnType: "AWS::AmazonMQ::Broker",
    attributes: { id: "Id", arn: "Arn" },
    properties: (i, ctx) => compact({
      BrokerName: i.brokerName, EngineType: i.engineType, EngineVersion: i.engineVersion, HostInstanceType: i.hostInstanceType, DeploymentMode: i.deploymentMode,
      PubliclyAccessible: i.publiclyAccessible, SecurityGroups: i.securityGroups, SubnetIds: i.subnetIds, AuthenticationStrategy: i.authenticationStrategy,
      AutoMinorVersionUpgrade: i.autoMinorVersionUpgrade, StorageType: i.storageType, Users: pascal(i.users),
      EncryptionOptions: pascal(i.encryptionOptions), Logs: pascal(i.logs), MaintenanceWindowStartTime: pascal(i.maintenanceWindowStartTime),
      Configuration: pascal(i.configuration), Tags: ctx.tagList(i.tags),
    }),
  },
  "aws:sqs/queue:Queue": {
    cfnType: "AWS::SQS::Queue",
    // Ref of a queue is its URL; the mock cloud's id is its name.
    attributes: { id: "QueueName", name: "QueueName", url: "Ref" },
    properties: (i, ctx) => compact({
      QueueName: i.name, FifoQueue: i.fifoQueue, MessageRetentionPeriod: i.messageRetentionSeconds, VisibilityTimeout: i.visibilityTimeoutSeconds,
      DelaySeconds: i.delaySeconds, MaximumMessageSize: i.maxMessageSize, ReceiveMessageWaitTimeSeconds: i.receiveWaitTimeSeconds,
      SqsManagedSseEnabled: i.sqsManagedSseEnabled, KmsMasterKeyId: i.kmsMasterKeyId, RedrivePolicy: json(i.redrivePolicy), Tags: ctx.tagList(i.tags),
    }),
  },
  "aws:sqs/queuePolicy:QueuePolicy": {
    cfnType: "AWS::SQS::QueuePolicy",
    properties: (i) => ({ Queues: [i.queueUrl], PolicyDocument: json(i.policy) }),
  },
};
