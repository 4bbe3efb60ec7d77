/**
 * Careless changes to the key ring, network, logging and tags config of the prod stack.
 */
import * as pulumi from "@pulumi/pulumi";
import type { Mutation } from "./harness";

/**
 * The aws provider's defaultTags with one tag set: the Node SDK hands a provider's object inputs on as
 * JSON text (@pulumi/aws provider.js), so the transformation sees that text.
 */
const withDefaultTag = (defaultTags: pulumi.Input<string>, key: string, value: string) =>
  pulumi.output(defaultTags).apply((text) => {
    const tags = JSON.parse(text) as { tags: Record<string, string> };
    return JSON.stringify({ ...tags, tags: { ...tags.tags, [key]: value } });
  });

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
    inCode: { type: "awsx:ec2:Vpc", patch: (p) => ({ ...p, natGateways: { strategy: "Single" } }), message: /uses NAT strategy Single, .*; use strategy OnePerAz\.$/ },
  },
  {
    policy: "ec2-require-subnets-across-azs",
    change: "shrink prod to two AZs",
    set: { "platform:network.azCount": 2 },
    configError: /platform:network\.azCount: got 2; allowed: at least 3 when profile is prod/,
    because: "the prod rule refuses it; the policy also covers awsx VPCs other programs declare",
    // Fewer AZs also leave the node groups, which take the VPC's private subnets, in two AZs.
    inCode: {
      type: "awsx:ec2:Vpc",
      patch: (p) => ({ ...p, availabilityZoneNames: pulumi.output(p.availabilityZoneNames).apply((azs: string[]) => azs.slice(0, 2)) }),
      message: /spans 2 AZs; spread its subnets over at least 3 AZs so it survives the loss of one\.$/,
      alsoFires: ["eks-require-node-groups-across-azs"],
    },
  },
  {
    policy: "ec2-require-multi-az-subnets",
    change: "shrink prod to two AZs",
    set: { "platform:network.azCount": 2 },
    configError: /platform:network\.azCount: got 2; allowed: at least 3 when profile is prod/,
    because: "the prod rule refuses it; the policy checks the aws:ec2 subnets a real run shows under awsx, which the offline mocks do not",
    notInCode: "under the mocks awsx registers no aws:ec2 subnets or NAT gateways (they exist only in a real run), so no transformation has one to patch; ec2-require-subnets-across-azs proves the same change on the component's arguments",
  },
  {
    policy: "ec2-configure-default-security-group",
    change: "let the default security group allow traffic again",
    set: { "platform:network.defaultSecurityGroupRules": "allow-all" },
    configError: /platform:network\.defaultSecurityGroupRules: got "allow-all"; allowed: no such key/,
    because: NOT_A_KNOB,
    inCode: {
      type: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
      // AWS's own default rules: all traffic in from the group itself, all traffic out.
      patch: (p) => ({ ...p, ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }], egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] }),
      message: /has rules; set ingress: \[\] and egress: \[\] so nothing relies on the default group\.$/,
    },
  },
  {
    policy: "cloudwatch-require-log-group-encryption",
    change: "use the AWS-managed key for log groups",
    set: { "platform:logging.kmsKeyId": "alias/aws/logs" },
    configError: /platform:logging\.kmsKeyId: got "alias\/aws\/logs"; allowed: no such key/,
    because: NOT_A_KNOB,
    inCode: { type: "aws:cloudwatch/logGroup:LogGroup", patch: (p) => ({ ...p, kmsKeyId: undefined }), message: /has no kmsKeyId; set it to a customer-managed KMS key so log data is encrypted with a key you control\.$/ },
  },
  {
    policy: "cloudwatch-configure-log-group-retention",
    change: "keep prod audit logs (VPC flow logs) for 90 days only",
    set: { "platform:logging.auditRetentionDays": 90 },
    configError: /platform:logging\.auditRetentionDays: got 90; allowed: at least 365 when profile is prod/,
    because: "the prod rule refuses it; the operational retention (platform:logging.retentionDays), which the rule allows down to 1 day, reaches this policy once a tier's log groups use it",
    // 90 days is the pack's prod minimum for every log group (operational logs keep 90), so the policy
    // cannot tell the row's 90-day audit log from an operational one: 60 days, in code, is what it refuses.
    inCode: { type: "aws:cloudwatch/logGroup:LogGroup", name: /-flow-logs$/, patch: (p) => ({ ...p, retentionInDays: 60 }), message: /keeps records 60 days; set retentionInDays to at least 90\.$/ },
  },
  {
    policy: "kms-enable-key-rotation",
    change: "turn key rotation off to keep key material stable",
    set: { "platform:keys.enableKeyRotation": false },
    configError: /platform:keys\.enableKeyRotation: got false; allowed: no such key/,
    because: NOT_A_KNOB,
    // The logs key: turning off a key that encrypts a PHI store also fires phi-require-data-classification.
    inCode: { type: "aws:kms/key:Key", name: /-keys-logs$/, patch: (p) => ({ ...p, enableKeyRotation: false }), message: /has automatic rotation off; set enableKeyRotation: true so its key material rotates yearly\.$/ },
  },
  {
    policy: "tags-require-tags",
    change: "leave the Owner tag empty",
    set: { "platform:tags.owner": "" },
    configError: /platform:tags\.owner: got ""; allowed: at least 1/,
    because: "the schema requires a non-empty owner and cost center, and components add Tier; the policy also covers resources outside components and other programs",
    inCode: { type: "pulumi:providers:aws", patch: (p) => ({ ...p, defaultTags: withDefaultTag(p.defaultTags, "Owner", "") }), message: /^Resource has an empty Owner; set it in its tags or in its provider's defaultTags\.$/ },
  },
];
