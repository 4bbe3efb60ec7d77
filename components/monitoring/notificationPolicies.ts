/**
 * Who may publish to the alert topics, and the KMS key policy that lets them do it through SSE.
 * Pure; no Pulumi imports.
 *
 * A service that publishes to a KMS-encrypted topic must be allowed kms:GenerateDataKey* and
 * kms:Decrypt on the topic's key by the key policy; an AWS-managed key (alias/aws/sns) cannot be
 * edited, so alarms to a topic encrypted with it are silently dropped. Hence a customer-managed key.
 * https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
 */
import { PolicyDocument, PolicyStatement, policyDocument } from "../iam/policyDocument";
import type { AccountContext } from "../account";
import { accountRoot } from "../security/keyPolicy";

/** The three publishers: CloudWatch alarms, EventBridge rules (the daily report), AWS Budgets. */
export const PUBLISHERS = {
  cloudwatch: "cloudwatch.amazonaws.com",
  events: "events.amazonaws.com",
  budgets: "budgets.amazonaws.com",
} as const;

const sourceArns = (c: AccountContext) => ({
  // Alarms and rules are regional; budgets are global, with no region in their ARN.
  cloudwatch: `arn:${c.partition}:cloudwatch:${c.region}:${c.accountId}:alarm:*`,
  events: `arn:${c.partition}:events:${c.region}:${c.accountId}:rule/*`,
  budgets: `arn:${c.partition}:budgets::${c.accountId}:*`,
});

const fromThisAccount = (c: AccountContext, sourceArn: string): PolicyStatement["Condition"] => ({
  StringEquals: { "aws:SourceAccount": c.accountId },
  ArnLike: { "aws:SourceArn": sourceArn },
});

const KEY_USE = ["kms:Decrypt", "kms:GenerateDataKey*"];

/**
 * Key policy of a notifications key. CloudWatch and Budgets are held to this account's alarms and
 * budgets by aws:SourceAccount/aws:SourceArn (confused-deputy guard). EventBridge gets no such
 * condition: its calls to KMS while delivering to an encrypted topic do not carry those keys, so the
 * condition would never match and every event would be dropped (SNS key-management guide, above).
 */
export function notificationsKeyPolicy(c: AccountContext): PolicyDocument {
  const arns = sourceArns(c);
  return policyDocument(
    accountRoot(c),
    { Sid: "AllowCloudWatchAlarms", Effect: "Allow", Principal: { Service: PUBLISHERS.cloudwatch }, Action: KEY_USE, Resource: "*", Condition: fromThisAccount(c, arns.cloudwatch) },
    { Sid: "AllowEventBridge", Effect: "Allow", Principal: { Service: PUBLISHERS.events }, Action: KEY_USE, Resource: "*" },
    { Sid: "AllowBudgets", Effect: "Allow", Principal: { Service: PUBLISHERS.budgets }, Action: KEY_USE, Resource: "*", Condition: fromThisAccount(c, arns.budgets) },
  );
}

/**
 * Topic policy: only CloudWatch alarms, EventBridge rules and Budgets of this account may publish.
 * It replaces SNS's default policy, which lets every principal of the account publish and
 * subscribe; people and roles of the account now need an explicit IAM grant.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Notify_Users_Alarm_Changes.html
 * https://docs.aws.amazon.com/eventbridge/latest/userguide/eb-resource-based.html#eb-sns-permissions
 * https://docs.aws.amazon.com/cost-management/latest/userguide/budgets-sns-policy.html
 */
export function topicPolicy(topicArn: string, c: AccountContext): PolicyDocument {
  const arns = sourceArns(c);
  const publish = (sid: string, service: string, sourceArn: string): PolicyStatement => ({
    Sid: sid, Effect: "Allow", Principal: { Service: service }, Action: "sns:Publish", Resource: topicArn, Condition: fromThisAccount(c, sourceArn),
  });
  return policyDocument(
    publish("AllowCloudWatchAlarms", PUBLISHERS.cloudwatch, arns.cloudwatch),
    publish("AllowEventBridgeRules", PUBLISHERS.events, arns.events),
    publish("AllowBudgets", PUBLISHERS.budgets, arns.budgets),
  );
}
