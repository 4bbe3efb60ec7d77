import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../naming";
import type { AccountContext } from "../account";
import { tierTags } from "../tags";
import { TRAIL_PREFIX, trailArn, trailKeyPolicy } from "./auditPolicies";

export interface AuditTrailArgs {
  /** Parent component name, for child names. */
  component: string;
  /** Trail name (monitoringNames().trail); the log bucket's policy names it before it exists. */
  trailName: string;
  /** Account, partition and the trail's home region (the key policy names the trail's ARN). */
  account: AccountContext;
  /** The storage tier's log bucket, whose policy already admits this trail. */
  bucketName: pulumi.Input<string>;
  /** ARN of the documents bucket: its object reads and writes are recorded (data events). */
  documentsBucketArn?: pulumi.Input<string>;
  /** Days a deleted trail key waits, 7 to 30. */
  keyDeletionWindowDays: number;
  /** Pulumi `protect` on the trail key (prod). */
  protect: boolean;
  /** Resources the trail waits for (the log bucket's policy). */
  after?: pulumi.Resource[];
}

/**
 * The audit trail for patient data: multi-region, global-service events, all management events
 * (CloudTrail.1), SSE-KMS with its own key (CloudTrail.2), log-file validation (CloudTrail.4),
 * delivered to the log bucket; plus S3 object-level events on the documents bucket when given.
 * https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html
 */
export function auditTrail(parent: pulumi.Resource, a: AuditTrailArgs): aws.cloudtrail.Trail {
  const opts = { parent };
  const arn = trailArn(a.account, a.trailName);
  const key = new aws.kms.Key(
    childName(a.component, "trail-key"),
    {
      description: `${a.trailName}: encrypts CloudTrail log files; only this trail may use it`,
      enableKeyRotation: true,
      deletionWindowInDays: a.keyDeletionWindowDays,
      policy: JSON.stringify(trailKeyPolicy(a.account, arn)),
      tags: tierTags("monitoring", { DataClass: "audit" }),
    },
    { ...opts, protect: a.protect },
  );
  new aws.kms.Alias(childName(a.component, "trail-alias"), { name: `alias/${a.trailName}`, targetKeyId: key.keyId }, opts);
  const management = { name: "All management events", fieldSelectors: [{ field: "eventCategory", equals: ["Management"] }] };
  const documents = a.documentsBucketArn
    ? [{
      name: "Documents bucket object access",
      fieldSelectors: [
        { field: "eventCategory", equals: ["Data"] },
        { field: "resources.type", equals: ["AWS::S3::Object"] },
        { field: "resources.ARN", startsWiths: [pulumi.interpolate`${a.documentsBucketArn}/`] },
      ],
    }]
    : [];
  return new aws.cloudtrail.Trail(
    childName(a.component, "trail"),
    {
      name: a.trailName,
      s3BucketName: a.bucketName,
      s3KeyPrefix: TRAIL_PREFIX,
      isMultiRegionTrail: true,
      includeGlobalServiceEvents: true,
      enableLogFileValidation: true,
      enableLogging: true,
      kmsKeyId: key.arn,
      advancedEventSelectors: [management, ...documents],
      tags: tierTags("monitoring"),
    },
    { ...opts, dependsOn: a.after ?? [] },
  );
}
