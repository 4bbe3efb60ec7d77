/**
 * Every policy of the pack, in one list. Each lives in its own module (policies/<service>/<verbObject>.ts)
 * so tests import it directly; `new PolicyPack(...)` lives in ../index.ts. Each is a PackPolicy: it
 * declares the resource types it checks (lib/metadata.ts), from which docs/policies.md is generated.
 */
import type { PackPolicy } from "../lib/metadata";
import { configureLogGroupRetention } from "./cloudwatch/configureLogGroupRetention";
import { requireLogGroupEncryption } from "./cloudwatch/requireLogGroupEncryption";
import { configureDefaultSecurityGroup } from "./ec2/configureDefaultSecurityGroup";
import { requireMultiAzSubnets } from "./ec2/requireMultiAzSubnets";
import { requireNatGatewayPerAz } from "./ec2/requireNatGatewayPerAz";
import { requireSubnetsAcrossAzs } from "./ec2/requireSubnetsAcrossAzs";
import { requireVpcFlowLogs } from "./ec2/requireVpcFlowLogs";
import { enableKeyRotation } from "./kms/enableKeyRotation";
import { requireVaultEncryption } from "./backup/requireVaultEncryption";
import { enableFileSystemBackups } from "./efs/enableFileSystemBackups";
import { requireAccessPointIdentity } from "./efs/requireAccessPointIdentity";
import { requireFileSystemEncryption } from "./efs/requireFileSystemEncryption";
import { configureVersionedBucketLifecycle } from "./s3/configureVersionedBucketLifecycle";
import { disallowBucketAcls } from "./s3/disallowBucketAcls";
import { enableBucketVersioning } from "./s3/enableBucketVersioning";
import { enableServerAccessLogging } from "./s3/enableServerAccessLogging";
import { requireBucketEncryption } from "./s3/requireBucketEncryption";
import { requireBucketGuardrails } from "./s3/requireBucketGuardrails";
import { requireBucketPublicAccessBlock } from "./s3/requireBucketPublicAccessBlock";
import { requireTlsOnlyPolicy } from "./s3/requireTlsOnlyPolicy";
import { requireTags } from "./tags/requireTags";
import { requireDataClassification } from "./phi/requireDataClassification";

export const policies: PackPolicy[] = [
  enableKeyRotation,
  requireLogGroupEncryption,
  configureLogGroupRetention,
  requireVpcFlowLogs,
  configureDefaultSecurityGroup,
  requireNatGatewayPerAz,
  requireSubnetsAcrossAzs,
  requireMultiAzSubnets,
  requireBucketEncryption,
  requireBucketPublicAccessBlock,
  requireBucketGuardrails,
  requireTlsOnlyPolicy,
  enableBucketVersioning,
  configureVersionedBucketLifecycle,
  disallowBucketAcls,
  enableServerAccessLogging,
  requireFileSystemEncryption,
  enableFileSystemBackups,
  requireAccessPointIdentity,
  requireVaultEncryption,
  requireTags,
  requireDataClassification,
];
