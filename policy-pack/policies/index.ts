/**
 * Every policy of the pack, in one list. Each lives in its own module (policies/<service>/<verbObject>.ts)
 * so tests import it directly; `new PolicyPack(...)` lives in ../index.ts. Each is a PackPolicy: it
 * declares the resource types it checks (lib/metadata.ts), from which docs/policies.md is generated.
 */
import type { PackPolicy } from "../lib/metadata";
import { requireEstimateWithinLimit } from "./budgets/requireEstimateWithinLimit";
import { configureViewerTls } from "./cloudfront/configureViewerTls";
import { requireAccessLogs as requireCloudFrontAccessLogs } from "./cloudfront/requireAccessLogs";
import { requireHttpsOrigins } from "./cloudfront/requireHttpsOrigins";
import { requireHttpsViewers } from "./cloudfront/requireHttpsViewers";
import { requireOriginAccessControl } from "./cloudfront/requireOriginAccessControl";
import { requireWebAcl } from "./cloudfront/requireWebAcl";
import { configureLogGroupRetention } from "./cloudwatch/configureLogGroupRetention";
import { requireLogGroupEncryption } from "./cloudwatch/requireLogGroupEncryption";
import { requireAlarmActions } from "./cloudwatch/requireAlarmActions";
import { requireCriticalAlarms } from "./cloudwatch/requireCriticalAlarms";
import { enableLogFileValidation } from "./cloudtrail/enableLogFileValidation";
import { requireMultiRegionTrail } from "./cloudtrail/requireMultiRegionTrail";
import { requireTrailEncryption } from "./cloudtrail/requireTrailEncryption";
import { requireAlertSubscriptions } from "./sns/requireAlertSubscriptions";
import { requireTopicEncryption } from "./sns/requireTopicEncryption";
import { requireQueueEncryption } from "./sqs/requireQueueEncryption";
import { requireStreamEncryption } from "./firehose/requireStreamEncryption";
import { configureDefaultSecurityGroup } from "./ec2/configureDefaultSecurityGroup";
import { disallowUnrestrictedIngress } from "./ec2/disallowUnrestrictedIngress";
import { requireMultiAzSubnets } from "./ec2/requireMultiAzSubnets";
import { requireNatGatewayPerAz } from "./ec2/requireNatGatewayPerAz";
import { requireSubnetsAcrossAzs } from "./ec2/requireSubnetsAcrossAzs";
import { requireVpcFlowLogs } from "./ec2/requireVpcFlowLogs";
import { configureDesyncMitigation } from "./elb/configureDesyncMitigation";
import { enableDeletionProtection as enableLoadBalancerDeletionProtection } from "./elb/enableDeletionProtection";
import { requireAccessLogs as requireAlbAccessLogs } from "./elb/requireAccessLogs";
import { requireDropInvalidHeaders } from "./elb/requireDropInvalidHeaders";
import { requireWafAssociation } from "./elb/requireWafAssociation";
import { enableKeyRotation } from "./kms/enableKeyRotation";
import { disallowPlaintextCredentials as disallowCodeBuildPlaintextCredentials } from "./codebuild/disallowPlaintextCredentials";
import { disallowPrivilegedMode as disallowCodeBuildPrivilegedMode } from "./codebuild/disallowPrivilegedMode";
import { requireProjectEncryption as requireCodeBuildProjectEncryption } from "./codebuild/requireProjectEncryption";
import { requireProjectLogging as requireCodeBuildProjectLogging } from "./codebuild/requireProjectLogging";
import { requireVaultEncryption } from "./backup/requireVaultEncryption";
import { enableFileSystemBackups } from "./efs/enableFileSystemBackups";
import { requireAccessPointIdentity } from "./efs/requireAccessPointIdentity";
import { requireFileSystemEncryption } from "./efs/requireFileSystemEncryption";
import { requireTlsOnlyPolicy as requireFileSystemTlsOnlyPolicy } from "./efs/requireTlsOnlyPolicy";
import { configureVersionedBucketLifecycle } from "./s3/configureVersionedBucketLifecycle";
import { disallowBucketAcls } from "./s3/disallowBucketAcls";
import { enableBucketVersioning } from "./s3/enableBucketVersioning";
import { enableServerAccessLogging } from "./s3/enableServerAccessLogging";
import { requireBucketEncryption } from "./s3/requireBucketEncryption";
import { requireBucketGuardrails } from "./s3/requireBucketGuardrails";
import { requireBucketPublicAccessBlock } from "./s3/requireBucketPublicAccessBlock";
import { requireTlsOnlyPolicy } from "./s3/requireTlsOnlyPolicy";
import { requireLifecycleConfiguration } from "./s3/requireLifecycleConfiguration";
import { requireTags } from "./tags/requireTags";
import { requireDataClassification } from "./phi/requireDataClassification";
import { requireLaunchTemplateEncryption } from "./ec2/requireLaunchTemplateEncryption";
import { requireLaunchTemplateImdsv2 } from "./ec2/requireLaunchTemplateImdsv2";
import { configureInstanceFamilies } from "./ec2/configureInstanceFamilies";
import { requireImageScanning } from "./ecr/requireImageScanning";
import { requireImmutableTags } from "./ecr/requireImmutableTags";
import { requireLifecyclePolicy } from "./ecr/requireLifecyclePolicy";
import { disallowPublicEndpoint } from "./eks/disallowPublicEndpoint";
import { enableAuditLogging } from "./eks/enableAuditLogging";
import { requireNodeGroupsAcrossAzs } from "./eks/requireNodeGroupsAcrossAzs";
import { requireNodeGroupsInPrivateSubnets } from "./eks/requireNodeGroupsInPrivateSubnets";
import { requirePrivateNodePlacement } from "./eks/requirePrivateNodePlacement";
import { requireSecretsEncryption } from "./eks/requireSecretsEncryption";
import { requireSupportedVersion } from "./eks/requireSupportedVersion";
import { disallowWildcardAdmin } from "./iam/disallowWildcardAdmin";
import { requireExistingManagedPolicies } from "./iam/requireExistingManagedPolicies";
import { requireKnownActions } from "./iam/requireKnownActions";
import { enableWebAclMetrics } from "./wafv2/enableWebAclMetrics";
import { requireWebAclLogging } from "./wafv2/requireWebAclLogging";
import { requireWebAclRules } from "./wafv2/requireWebAclRules";
import { configureSnapshotRetention } from "./elasticache/configureSnapshotRetention";
import { enableAutomaticFailover } from "./elasticache/enableAutomaticFailover";
import { enableAutoMinorVersionUpgrade as enableCacheAutoMinorVersionUpgrade } from "./elasticache/enableAutoMinorVersionUpgrade";
import { requireAuth } from "./elasticache/requireAuth";
import { requireEncryptionAtRest as requireCacheEncryptionAtRest } from "./elasticache/requireEncryptionAtRest";
import { requireEncryptionInTransit as requireCacheEncryptionInTransit } from "./elasticache/requireEncryptionInTransit";
import { disallowPublicDataStores } from "./ec2/disallowPublicDataStores";
import { disallowPublicAccess as disallowPublicBroker } from "./mq/disallowPublicAccess";
import { requireCustomerManagedKey as requireBrokerCustomerManagedKey } from "./mq/requireCustomerManagedKey";
import { requireMultiAzDeployment } from "./mq/requireMultiAzDeployment";
import { disallowUnauthenticatedAccess } from "./msk/disallowUnauthenticatedAccess";
import { enableEnhancedMonitoring } from "./msk/enableEnhancedMonitoring";
import { requireBrokersAcrossAzs } from "./msk/requireBrokersAcrossAzs";
import { requireEncryptionAtRest as requireKafkaEncryptionAtRest } from "./msk/requireEncryptionAtRest";
import { requireTls as requireKafkaTls } from "./msk/requireTls";
import { configureBackupRetention } from "./rds/configureBackupRetention";
import { disallowPublicAccess as disallowPublicDatabase } from "./rds/disallowPublicAccess";
import { enableAutoMinorVersionUpgrade } from "./rds/enableAutoMinorVersionUpgrade";
import { enableDeletionProtection as enableDatabaseDeletionProtection } from "./rds/enableDeletionProtection";
import { enableIamAuthentication } from "./rds/enableIamAuthentication";
import { requireMultiAz as requireDatabaseMultiAz } from "./rds/requireMultiAz";
import { requireStorageEncryption } from "./rds/requireStorageEncryption";
import { requireTls as requireDatabaseTls } from "./rds/requireTls";
import { disallowHostNamespaces } from "./ecs/disallowHostNamespaces";
import { disallowPlaintextSecrets } from "./ecs/disallowPlaintextSecrets";
import { disallowPrivilegedContainers } from "./ecs/disallowPrivilegedContainers";
import { disallowPublicIp as disallowPublicTaskIp } from "./ecs/disallowPublicIp";
import { enableContainerInsights } from "./ecs/enableContainerInsights";
import { enableDeploymentCircuitBreaker } from "./ecs/enableDeploymentCircuitBreaker";
import { requireLogConfiguration as requireContainerLogConfiguration } from "./ecs/requireLogConfiguration";
import { requireServicesAcrossAzs } from "./ecs/requireServicesAcrossAzs";
import { requireHttpRedirect } from "./elb/requireHttpRedirect";
import { enableRotation as enableSecretRotation } from "./secretsmanager/enableRotation";
import { enableQueryLogging } from "./route53/enableQueryLogging";

/** The pack's level for a policy that sets none and a config that names neither it nor `all` (PolicyPackArgs.enforcementLevel). */
export const PACK_ENFORCEMENT_LEVEL = "mandatory" as const;

export const policies: PackPolicy[] = [
  enableKeyRotation,
  requireLogGroupEncryption,
  configureLogGroupRetention,
  requireVpcFlowLogs,
  configureDefaultSecurityGroup,
  disallowUnrestrictedIngress,
  requireNatGatewayPerAz,
  requireSubnetsAcrossAzs,
  requireMultiAzSubnets,
  requireBucketEncryption,
  requireBucketPublicAccessBlock,
  requireBucketGuardrails,
  requireTlsOnlyPolicy,
  enableBucketVersioning,
  configureVersionedBucketLifecycle,
  requireLifecycleConfiguration,
  disallowBucketAcls,
  enableServerAccessLogging,
  requireFileSystemEncryption,
  enableFileSystemBackups,
  requireFileSystemTlsOnlyPolicy,
  requireAccessPointIdentity,
  requireVaultEncryption,
  requireTopicEncryption,
  requireAlertSubscriptions,
  requireQueueEncryption,
  requireStreamEncryption,
  requireAlarmActions,
  requireCriticalAlarms,
  requireMultiRegionTrail,
  requireTrailEncryption,
  enableLogFileValidation,
  requireTags,
  requireDataClassification,
  requireSecretsEncryption,
  enableAuditLogging,
  disallowPublicEndpoint,
  requireNodeGroupsAcrossAzs,
  requirePrivateNodePlacement,
  requireNodeGroupsInPrivateSubnets,
  requireSupportedVersion,
  requireLaunchTemplateImdsv2,
  requireLaunchTemplateEncryption,
  configureInstanceFamilies,
  requireImageScanning,
  requireImmutableTags,
  requireLifecyclePolicy,
  disallowWildcardAdmin,
  requireKnownActions,
  requireExistingManagedPolicies,
  requireWebAcl,
  requireHttpsViewers,
  configureViewerTls,
  requireOriginAccessControl,
  requireHttpsOrigins,
  requireCloudFrontAccessLogs,
  requireWebAclRules,
  enableWebAclMetrics,
  requireWebAclLogging,
  requireDropInvalidHeaders,
  requireAlbAccessLogs,
  enableLoadBalancerDeletionProtection,
  configureDesyncMitigation,
  requireWafAssociation,
  enableQueryLogging,
  // Cost: the estimate against the monitoring tier's budget.
  requireEstimateWithinLimit,
  // Data tier.
  requireStorageEncryption,
  requireDatabaseMultiAz,
  disallowPublicDatabase,
  configureBackupRetention,
  enableDatabaseDeletionProtection,
  enableIamAuthentication,
  requireDatabaseTls,
  enableAutoMinorVersionUpgrade,
  requireCacheEncryptionAtRest,
  requireCacheEncryptionInTransit,
  requireAuth,
  enableAutomaticFailover,
  configureSnapshotRetention,
  enableCacheAutoMinorVersionUpgrade,
  requireKafkaTls,
  disallowUnauthenticatedAccess,
  requireKafkaEncryptionAtRest,
  requireBrokersAcrossAzs,
  enableEnhancedMonitoring,
  requireMultiAzDeployment,
  disallowPublicBroker,
  requireBrokerCustomerManagedKey,
  disallowPublicDataStores,
  enableSecretRotation,
  // ECS engine of the container tier, and the ALB's HTTP listeners.
  disallowPrivilegedContainers,
  disallowHostNamespaces,
  disallowPlaintextSecrets,
  requireContainerLogConfiguration,
  enableContainerInsights,
  disallowPublicTaskIp,
  requireServicesAcrossAzs,
  enableDeploymentCircuitBreaker,
  requireHttpRedirect,
  // The deploy tier's CodeBuild runner.
  requireCodeBuildProjectLogging,
  requireCodeBuildProjectEncryption,
  disallowCodeBuildPrivilegedMode,
  disallowCodeBuildPlaintextCredentials,
];
