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

export const policies: Policies = [
  enableKeyRotation,
  requireLogGroupEncryption,
  configureLogGroupRetention,
  requireVpcFlowLogs,
  configureDefaultSecurityGroup,
  requireNatGatewayPerAz,
  requireSubnetsAcrossAzs,
  requireMultiAzSubnets,
];
