import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

export const disallowBucketAcls: PackResourcePolicy = {
  name: "s3-disallow-bucket-acls",
  resourceTypes: [T.bucket, T.bucketOwnership, T.bucketAcl, T.bucketAclV2],
  description: "S3 access is granted by IAM and bucket policies only: ownership is BucketOwnerEnforced, which disables ACLs, and no ACL is set.",
  severity: "medium",
  framework: fsbp("S3.12"),
  remediationSteps: "Set rule.objectOwnership to \"BucketOwnerEnforced\" on the aws.s3.BucketOwnershipControls, remove aws.s3.BucketAcl resources and the bucket's acl and grants arguments.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type === T.bucketOwnership && args.props.rule?.objectOwnership !== "BucketOwnerEnforced") {
      reportViolation(`Bucket ownership is ${args.props.rule?.objectOwnership ?? "unset"}, which keeps ACLs active; set objectOwnership to "BucketOwnerEnforced".`);
    }
    if (args.type === T.bucketAcl || args.type === T.bucketAclV2) {
      reportViolation("Bucket ACL resources grant access outside IAM; remove it and grant access through IAM or the bucket policy.");
    }
    if (args.type === T.bucket && (args.props.acl !== undefined || (args.props.grants ?? []).length > 0)) {
      reportViolation("Bucket sets an ACL or grants; remove them and grant access through IAM or the bucket policy.");
    }
  },
};
