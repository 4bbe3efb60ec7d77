/**
 * How other tiers (and other programs) see a bucket of the storage tier: typed outputs, never a
 * name guessed from config.
 */
import type * as aws from "@pulumi/aws";
import type * as pulumi from "@pulumi/pulumi";

/** What another tier needs to address a bucket: IAM grants, log delivery, a CloudFront origin. */
export interface BucketRef {
  /** The bucket's physical name. */
  name: pulumi.Output<string>;
  /** arn:<partition>:s3:::<name>, for IAM and bucket policies. */
  arn: pulumi.Output<string>;
  /** <name>.s3.<region>.amazonaws.com: CloudFront's S3 origin domain. */
  regionalDomainName: pulumi.Output<string>;
}

export const bucketRef = (b: aws.s3.Bucket): BucketRef => ({ name: b.bucket, arn: b.arn, regionalDomainName: b.bucketRegionalDomainName });
