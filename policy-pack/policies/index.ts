/**
 * Every policy of the pack, in one list. Each lives in its own module (policies/<service>/<verbObject>.ts)
 * so tests import it directly; `new PolicyPack(...)` lives in ../index.ts.
 */
import type { Policies } from "@pulumi/policy";
import { configureViewerTls } from "./cloudfront/configureViewerTls";
import { requireAccessLogs as requireCloudFrontAccessLogs } from "./cloudfront/requireAccessLogs";
import { requireHttpsOrigins } from "./cloudfront/requireHttpsOrigins";
import { requireHttpsViewers } from "./cloudfront/requireHttpsViewers";
import { requireOriginAccessControl } from "./cloudfront/requireOriginAccessControl";
import { requireWebAcl } from "./cloudfront/requireWebAcl";
import { configureLogGroupRetention } from "./cloudwatch/configureLogGroupRetention";
import { requireLogGroupEncryption } from "./cloudwatch/requireLogGroupEncryption";
import { configureDefaultSecurityGroup } from "./ec2/configureDefaultSecurityGroup";
import { requireMultiAzSubnets } from "./ec2/requireMultiAzSubnets";
import { requireNatGatewayPerAz } from "./ec2/requireNatGatewayPerAz";
import { requireSubnetsAcrossAzs } from "./ec2/requireSubnetsAcrossAzs";
import { requireVpcFlowLogs } from "./ec2/requireVpcFlowLogs";
import { configureDesyncMitigation } from "./elb/configureDesyncMitigation";
import { enableDeletionProtection } from "./elb/enableDeletionProtection";
import { requireAccessLogs as requireAlbAccessLogs } from "./elb/requireAccessLogs";
import { requireDropInvalidHeaders } from "./elb/requireDropInvalidHeaders";
import { requireWafAssociation } from "./elb/requireWafAssociation";
import { enableKeyRotation } from "./kms/enableKeyRotation";
import { enableWebAclMetrics } from "./wafv2/enableWebAclMetrics";
import { requireWebAclLogging } from "./wafv2/requireWebAclLogging";
import { requireWebAclRules } from "./wafv2/requireWebAclRules";

export const policies: Policies = [
  enableKeyRotation,
  requireLogGroupEncryption,
  configureLogGroupRetention,
  requireVpcFlowLogs,
  configureDefaultSecurityGroup,
  requireNatGatewayPerAz,
  requireSubnetsAcrossAzs,
  requireMultiAzSubnets,
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
  enableDeletionProtection,
  configureDesyncMitigation,
  requireWafAssociation,
];
