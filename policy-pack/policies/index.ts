/**
 * Every policy of the pack, in one list. Each lives in its own module (policies/<service>/<verbObject>.ts)
 * so tests import it directly; `new PolicyPack(...)` lives in ../index.ts.
 */
import type { Policies } from "@pulumi/policy";
import { configureLogGroupRetention } from "./cloudwatch/configureLogGroupRetention";
import { requireLogGroupEncryption } from "./cloudwatch/requireLogGroupEncryption";
import { configureDefaultSecurityGroup } from "./ec2/configureDefaultSecurityGroup";
import { requireMultiAzSubnets } from "./ec2/requireMultiAzSubnets";
import { requireNatGatewayPerAz } from "./ec2/requireNatGatewayPerAz";
import { requireSubnetsAcrossAzs } from "./ec2/requireSubnetsAcrossAzs";
import { requireVpcFlowLogs } from "./ec2/requireVpcFlowLogs";
import { enableKeyRotation } from "./kms/enableKeyRotation";
import { configureSnapshotRetention } from "./elasticache/configureSnapshotRetention";
import { enableAutomaticFailover } from "./elasticache/enableAutomaticFailover";
import { requireAuth } from "./elasticache/requireAuth";
import { requireEncryptionAtRest as requireCacheEncryptionAtRest } from "./elasticache/requireEncryptionAtRest";
import { requireEncryptionInTransit as requireCacheEncryptionInTransit } from "./elasticache/requireEncryptionInTransit";
import { disallowPublicDataStores } from "./ec2/disallowPublicDataStores";
import { disallowPublicAccess as disallowPublicBroker } from "./mq/disallowPublicAccess";
import { requireCustomerManagedKey as requireBrokerCustomerManagedKey } from "./mq/requireCustomerManagedKey";
import { requireMultiAzDeployment } from "./mq/requireMultiAzDeployment";
import { disallowUnauthenticatedAccess } from "./msk/disallowUnauthenticatedAccess";
import { requireBrokersAcrossAzs } from "./msk/requireBrokersAcrossAzs";
import { requireEncryptionAtRest as requireKafkaEncryptionAtRest } from "./msk/requireEncryptionAtRest";
import { requireTls as requireKafkaTls } from "./msk/requireTls";
import { configureBackupRetention } from "./rds/configureBackupRetention";
import { disallowPublicAccess as disallowPublicDatabase } from "./rds/disallowPublicAccess";
import { enableAutoMinorVersionUpgrade } from "./rds/enableAutoMinorVersionUpgrade";
import { enableDeletionProtection } from "./rds/enableDeletionProtection";
import { enableIamAuthentication } from "./rds/enableIamAuthentication";
import { requireMultiAz as requireDatabaseMultiAz } from "./rds/requireMultiAz";
import { requireStorageEncryption } from "./rds/requireStorageEncryption";
import { requireTls as requireDatabaseTls } from "./rds/requireTls";

export const policies: Policies = [
  enableKeyRotation,
  requireLogGroupEncryption,
  configureLogGroupRetention,
  requireVpcFlowLogs,
  configureDefaultSecurityGroup,
  requireNatGatewayPerAz,
  requireSubnetsAcrossAzs,
  requireMultiAzSubnets,
  // Data tier.
  requireStorageEncryption,
  requireDatabaseMultiAz,
  disallowPublicDatabase,
  configureBackupRetention,
  enableDeletionProtection,
  enableIamAuthentication,
  requireDatabaseTls,
  enableAutoMinorVersionUpgrade,
  requireCacheEncryptionAtRest,
  requireCacheEncryptionInTransit,
  requireAuth,
  enableAutomaticFailover,
  configureSnapshotRetention,
  requireKafkaTls,
  disallowUnauthenticatedAccess,
  requireKafkaEncryptionAtRest,
  requireBrokersAcrossAzs,
  requireMultiAzDeployment,
  disallowPublicBroker,
  requireBrokerCustomerManagedKey,
  disallowPublicDataStores,
];
