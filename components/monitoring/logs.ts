import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../naming";
import type { AccountContext } from "../account";
import { keyPolicy } from "../security/keyPolicy";
import { tierTags } from "../tags";
import { ARCHIVE_PREFIX, firehoseTrust, logsSubscriptionTrust, putIntoStream, writeArchive } from "./archivePolicies";
import { appLogGroupName } from "./naming";

export interface AppLogsArgs {
  /** Parent component name, for child names. */
  component: string;
  /** platform:name and the stack name: the log groups are /<system>/<stack>/<namespace>. */
  system: string;
  stack: string;
  /** Application namespaces (DNS labels), one log group each. */
  namespaces: string[];
  /** One of the CloudWatch Logs retention values (platform:logging.retentionDays). */
  retentionDays: number;
  /** The platform's logs key (its policy admits logs.<region>.amazonaws.com). */
  kmsKeyArn: pulumi.Input<string>;
  /** Account, partition and region: the archive roles' trust conditions name them. */
  account: AccountContext;
  /** When set, every group is streamed to this bucket under cloudwatch-logs/. */
  archive?: { streamName: string; bucketArn: pulumi.Input<string> };
  /**
   * Log groups another tier owns (the ECS services' own groups), by a DNS-label key: archived with
   * the rest, not created here.
   */
  otherGroups?: Record<string, pulumi.Input<string>>;
}

/**
 * The tier's own logs key, for a caller that passes none: customer-managed, rotation on, with the
 * policy of the platform's logs key (CloudWatch Logs of this account and region may use it).
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html
 */
export function logsKey(
  parent: pulumi.Resource,
  a: { component: string; prefix: string; account: AccountContext; keyDeletionWindowDays: number; protectKey: boolean },
): pulumi.Output<string> {
  const key = new aws.kms.Key(childName(a.component, "logs-key"), {
    description: `${a.prefix}: encrypts the application log groups and their archive`,
    enableKeyRotation: true,
    deletionWindowInDays: a.keyDeletionWindowDays,
    policy: JSON.stringify(keyPolicy("logs", a.account)),
    tags: tierTags("monitoring", { DataClass: "logs" }),
  }, { parent, protect: a.protectKey });
  new aws.kms.Alias(childName(a.component, "logs-alias"), { name: `alias/${a.prefix}-logs`, targetKeyId: key.keyId }, { parent });
  return key.arn;
}

/** One encrypted log group per application namespace; optionally archived to S3. */
export function appLogs(parent: pulumi.Resource, a: AppLogsArgs): Record<string, aws.cloudwatch.LogGroup> {
  const opts = { parent };
  const groups = Object.fromEntries(a.namespaces.map((ns) => [ns, new aws.cloudwatch.LogGroup(
    childName(a.component, `logs-${ns}`),
    { name: appLogGroupName(a.system, a.stack, ns), retentionInDays: a.retentionDays, kmsKeyId: a.kmsKeyArn, tags: tierTags("monitoring", { Namespace: ns }) },
    opts,
  )]));
  const names: Record<string, pulumi.Input<string>> = { ...Object.fromEntries(Object.entries(groups).map(([ns, g]) => [ns, g.name])), ...a.otherGroups };
  if (a.archive) archive(parent, a, a.archive, names);
  return groups;
}

/**
 * Subscription filter → Firehose → S3. Chosen over scheduled CreateExportTask: exports take fixed
 * time ranges, so they need code on a schedule (a Lambda) and AWS runs one export per account at a
 * time; the stream is declarative, archives within minutes, and costs per GB ingested.
 * CloudWatch Logs already gzips what it sends, so Firehose does not compress again; objects are
 * SSE-KMS with the logs key, as the log groups are.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/SubscriptionFilters.html#FirehoseExample
 */
function archive(parent: pulumi.Resource, a: AppLogsArgs, target: NonNullable<AppLogsArgs["archive"]>, groups: Record<string, pulumi.Input<string>>): void {
  const opts = { parent };
  const n = (role: string) => childName(a.component, `archive-${role}`);
  const deliveryRole = new aws.iam.Role(n("firehose"), { assumeRolePolicy: JSON.stringify(firehoseTrust(a.account)), tags: tierTags("monitoring") }, opts);
  const write = new aws.iam.RolePolicy(n("firehose"), {
    role: deliveryRole.id,
    policy: pulumi.all([target.bucketArn, a.kmsKeyArn]).apply(([bucketArn, logsKeyArn]) => JSON.stringify(writeArchive({ bucketArn, logsKeyArn, region: a.account.region }))),
  }, opts);
  const stream = new aws.kinesis.FirehoseDeliveryStream(n("stream"), {
    name: target.streamName,
    destination: "extended_s3",
    serverSideEncryption: { enabled: true, keyType: "AWS_OWNED_CMK" },
    extendedS3Configuration: {
      roleArn: deliveryRole.arn,
      bucketArn: target.bucketArn,
      // Records and failed deliveries both stay under the prefix the role may write to.
      prefix: `${ARCHIVE_PREFIX}/events/`,
      errorOutputPrefix: `${ARCHIVE_PREFIX}/errors/`,
      compressionFormat: "UNCOMPRESSED",
      kmsKeyArn: a.kmsKeyArn,
      bufferingInterval: 300,
      bufferingSize: 5,
    },
    tags: tierTags("monitoring"),
  }, { ...opts, dependsOn: [write] });
  const subscriber = new aws.iam.Role(n("subscription"), { assumeRolePolicy: JSON.stringify(logsSubscriptionTrust(a.account)), tags: tierTags("monitoring") }, opts);
  const put = new aws.iam.RolePolicy(n("subscription"), { role: subscriber.id, policy: stream.arn.apply((arn) => JSON.stringify(putIntoStream(arn))) }, opts);
  for (const [key, logGroup] of Object.entries(groups)) {
    new aws.cloudwatch.LogSubscriptionFilter(n(`filter-${key}`), {
      logGroup, filterPattern: "", destinationArn: stream.arn, roleArn: subscriber.arn,
    }, { ...opts, dependsOn: [put] });
  }
}
