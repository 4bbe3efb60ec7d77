/**
 * One AWS WAF web ACL with its log group and logging configuration. The edge builds two: scope
 * CLOUDFRONT in us-east-1 for the distribution, scope REGIONAL for the ALB.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../naming";
import { tierTags } from "../tags";
import { wafLogGroupName, wafMetricName } from "./names";
import { RateLimit, visibility, wafRules } from "./wafRules";

export interface WebAclArgs {
  /** CLOUDFRONT (must be created in us-east-1) or REGIONAL (the ALB's region). */
  scope: "CLOUDFRONT" | "REGIONAL";
  rate: RateLimit;
  /** Request headers left out of the logs. */
  redactedHeaders: readonly string[];
  /** Days the log group keeps WAF logs. */
  retentionDays: number;
  /** KMS key in the web ACL's region that encrypts its log group. */
  kmsKeyArn: pulumi.Input<string>;
  /** Explicit provider (us-east-1 for CLOUDFRONT); absent: the parent's. */
  provider?: aws.Provider;
}

export interface WebAclOutputs {
  arn: pulumi.Output<string>;
  logGroupName: pulumi.Output<string>;
}

/**
 * Default action allow, then the rate rule and the AWS managed groups; metrics and sampled requests
 * on for the ACL and every rule (FSBP WAF.12); every request logged (FSBP WAF.11) to a log group
 * named aws-waf-logs-*, encrypted and kept for the audit retention.
 * https://docs.aws.amazon.com/waf/latest/developerguide/logging-cw-logs.html
 */
export function createWebAcl(parent: pulumi.Resource, name: string, args: WebAclArgs): WebAclOutputs {
  const opts = { parent, provider: args.provider };
  const acl = new aws.wafv2.WebAcl(
    name,
    {
      description: `${name}: managed rule groups and a per-IP rate limit`,
      scope: args.scope,
      defaultAction: { allow: {} },
      rules: wafRules(name, args.rate),
      visibilityConfig: visibility(wafMetricName(name)),
      tags: tierTags("edge"),
    },
    opts,
  );
  const logGroup = new aws.cloudwatch.LogGroup(
    childName(name, "logs"),
    { name: wafLogGroupName(name), retentionInDays: args.retentionDays, kmsKeyId: args.kmsKeyArn, tags: tierTags("edge") },
    opts,
  );
  new aws.wafv2.WebAclLoggingConfiguration(
    childName(name, "logging"),
    {
      resourceArn: acl.arn,
      logDestinationConfigs: [logGroup.arn],
      redactedFields: args.redactedHeaders.map((header) => ({ singleHeader: { name: header } })),
    },
    opts,
  );
  return { arn: acl.arn, logGroupName: logGroup.name };
}
