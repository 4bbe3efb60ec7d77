/**
 * Careless changes to the key ring, network, logging and tags config of the prod stack.
 */
import type { Mutation } from "./harness";

/** Hard-wired security settings are not config; the strict schema refuses a key that tries. */
const NOT_A_KNOB = "it is hard-wired in the component, not config; the policy guards hand-written code and other programs using the pack";

export const FOUNDATION_MUTATIONS: Mutation[] = [
  {
    policy: "ec2-require-vpc-flow-logs",
    change: "log only accepted traffic in the VPC flow log, to cut log volume",
    set: { "platform:network.flowLogs.trafficType": "ACCEPT" },
    message: /logs only ACCEPT traffic, so rejected connections leave no trace; set trafficType "ALL" \(or "REJECT"\)/,
  },
  {
    policy: "ec2-require-nat-gateway-per-az",
    change: "save money in prod with a single NAT gateway",
    set: { "platform:network.natGateways": "single" },
    configError: /platform:network\.natGateways: got "single"; allowed: "onePerAz" when profile is prod/,
    because: "the prod rule refuses it; dev, where single is allowed, gets the policy as an advisory",
  },
  {
    policy: "ec2-require-subnets-across-azs",
    change: "shrink prod to two AZs",
    set: { "platform:network.azCount": 2 },
    configError: /platform:network\.azCount: got 2; allowed: at least 3 when profile is prod/,
    because: "the prod rule refuses it; the policy also covers awsx VPCs other programs declare",
  },
  {
    policy: "ec2-require-multi-az-subnets",
    change: "shrink prod to two AZs",
    set: { "platform:network.azCount": 2 },
    configError: /platform:network\.azCount: got 2; allowed: at least 3 when profile is prod/,
    because: "the prod rule refuses it; the policy checks the aws:ec2 subnets a real run shows under awsx, which the offline mocks do not",
  },
  {
    policy: "ec2-configure-default-security-group",
    change: "let the default security group allow traffic again",
    set: { "platform:network.defaultSecurityGroupRules": "allow-all" },
    configError: /platform:network\.defaultSecurityGroupRules: got "allow-all"; allowed: no such key/,
    because: NOT_A_KNOB,
  },
  {
    policy: "cloudwatch-require-log-group-encryption",
    change: "use the AWS-managed key for log groups",
    set: { "platform:logging.kmsKeyId": "alias/aws/logs" },
    configError: /platform:logging\.kmsKeyId: got "alias\/aws\/logs"; allowed: no such key/,
    because: NOT_A_KNOB,
  },
  {
    policy: "cloudwatch-configure-log-group-retention",
    change: "keep prod audit logs (VPC flow logs) for 90 days only",
    set: { "platform:logging.auditRetentionDays": 90 },
    configError: /platform:logging\.auditRetentionDays: got 90; allowed: at least 365 when profile is prod/,
    because: "the prod rule refuses it; the operational retention (platform:logging.retentionDays), which the rule allows down to 1 day, reaches this policy once a tier's log groups use it",
  },
  {
    policy: "kms-enable-key-rotation",
    change: "turn key rotation off to keep key material stable",
    set: { "platform:keys.enableKeyRotation": false },
    configError: /platform:keys\.enableKeyRotation: got false; allowed: no such key/,
    because: NOT_A_KNOB,
  },
  {
    policy: "tags-require-tags",
    change: "leave the Owner tag empty",
    set: { "platform:tags.owner": "" },
    configError: /platform:tags\.owner: got ""; allowed: at least 1/,
    because: "the schema requires a non-empty owner and cost center, and components add Tier; the policy also covers resources outside components and other programs",
  },
];
