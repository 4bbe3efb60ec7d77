/**
 * The CloudWatch Logs resource policy that lets Route 53 write a hosted zone's DNS query logs.
 * Pure; no Pulumi imports.
 */
import { type PolicyDocument, policyDocument } from "../iam/policyDocument";

/**
 * Route 53 writes query logs as route53.amazonaws.com: it creates one log stream per edge location
 * and puts events into it, so it needs logs:CreateLogStream and logs:PutLogEvents on the group's
 * streams (`<log group ARN>:*`, the form DescribeLogGroups gives) and nothing else. AWS documents
 * aws:SourceArn (the hosted zone's ARN) and aws:SourceAccount as the confused-deputy guard for
 * exactly this policy, with ArnLike and StringEquals as in its PutResourcePolicy example.
 * https://docs.aws.amazon.com/Route53/latest/APIReference/API_CreateQueryLoggingConfig.html
 * https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_PutResourcePolicy.html
 */
export function route53QueryLogPolicy(logGroupArn: string, zoneArn: string, accountId: string): PolicyDocument {
  return policyDocument({
    Sid: "Route53QueryLogs",
    Effect: "Allow",
    Principal: { Service: "route53.amazonaws.com" },
    Action: ["logs:CreateLogStream", "logs:PutLogEvents"],
    Resource: `${logGroupArn}:*`,
    Condition: {
      ArnLike: { "aws:SourceArn": zoneArn },
      StringEquals: { "aws:SourceAccount": accountId },
    },
  });
}
