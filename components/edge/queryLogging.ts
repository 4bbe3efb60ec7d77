/**
 * DNS query logging for the public hosted zone the edge creates (FSBP Route53.2): a log group, the
 * resource policy that lets Route 53 write to it, and the zone's query logging configuration.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../naming";
import { tierTags } from "../tags";
import { queryLogGroupName, queryLogPolicyName } from "./names";
import { route53QueryLogPolicy } from "./queryLogPolicy";

/** What query logging needs besides the zone: all of it comes from what the edge already receives. */
export interface QueryLogSettings {
  accountId: pulumi.Input<string>;
  /** Days the query logs are kept; one of the CloudWatch Logs retention values. */
  retentionDays: number;
  /** The us-east-1 logs key: a log group is encrypted with a key of its own region. */
  kmsKeyArn: pulumi.Input<string>;
  /** Route 53 only logs to a log group in us-east-1, and its resource policy must be there too. */
  usEast1: aws.Provider;
}

/**
 * The log group and the resource policy must both be in us-east-1, whatever the stack's region;
 * the query logging configuration is created only once the policy exists, since Route 53 checks
 * that it may write when the configuration is created.
 * https://docs.aws.amazon.com/Route53/latest/APIReference/API_CreateQueryLoggingConfig.html
 *
 * The policy is account-scoped (a policy name, no resource ARN), as Route 53's documentation
 * describes it. An account has at most 10 such CloudWatch Logs resource policies per region, so each
 * stack with a zone of its own spends one of the 10 in us-east-1; stacks sharing an account share
 * that budget with every other service that writes through one (OpenSearch Service, for one).
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutResourcePolicy.html
 */
export function createQueryLogging(parent: pulumi.Resource, name: string, zone: aws.route53.Zone, domain: string, settings: QueryLogSettings): aws.route53.QueryLog {
  const opts = { parent, provider: settings.usEast1 };
  const logGroup = new aws.cloudwatch.LogGroup(
    childName(name, "query-logs"),
    { name: queryLogGroupName(domain), retentionInDays: settings.retentionDays, kmsKeyId: settings.kmsKeyArn, tags: tierTags("edge") },
    opts,
  );
  const policy = new aws.cloudwatch.LogResourcePolicy(
    childName(name, "query-logs-policy"),
    {
      policyName: queryLogPolicyName(name),
      policyDocument: pulumi.all([logGroup.arn, zone.arn, settings.accountId]).apply(([group, zoneArn, accountId]) => JSON.stringify(route53QueryLogPolicy(group, zoneArn, accountId))),
    },
    opts,
  );
  // Route 53 is global: the configuration goes through the zone's own provider.
  return new aws.route53.QueryLog(childName(name, "query-log"), { zoneId: zone.zoneId, cloudwatchLogGroupArn: logGroup.arn }, { parent, dependsOn: [policy] });
}
