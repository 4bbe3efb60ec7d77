import { bucketName, buckets, settingsOf } from "../../lib/buckets";
import { fsbp, type PackStackPolicy } from "../../lib/metadata";
import { T } from "../../lib/types";
import { deniesInsecureTransport, list, statementsOf } from "../../lib/resourcePolicies";
import { known } from "../../lib/unknowns";

/** A Deny of every S3 action, for everyone, on the bucket and its objects, when the request is not TLS. */
function deniesOnBucket(statement: any, arn: string): boolean {
  const resources = list(statement.Resource);
  return deniesInsecureTransport(statement, ["s3:*", "*"]) && resources.includes(arn) && resources.includes(`${arn}/*`);
}

export const requireTlsOnlyPolicy: PackStackPolicy = {
  name: "s3-require-tls-only-policy",
  resourceTypes: [T.bucket, T.bucketPolicy],
  description: "Every S3 bucket has a bucket policy that denies requests not made over TLS, so patient data never crosses the network in clear text.",
  severity: "high",
  framework: fsbp("S3.5"),
  remediationSteps:
    "Add an aws.s3.BucketPolicy with a statement { Effect: \"Deny\", Principal: \"*\", Action: \"s3:*\", Resource: [<bucket ARN>, \"<bucket ARN>/*\"], " +
    "Condition: { Bool: { \"aws:SecureTransport\": \"false\" } } }.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    for (const b of buckets(args.resources)) {
      // During preview the ARN output is unknown; the policy's Resource names the bucket by name anyway.
      const knownArn = known(b.props, "arn");
      const arn = typeof knownArn === "string" ? knownArn : `arn:aws:s3:::${bucketName(b)}`;
      const policies = settingsOf(args.resources, T.bucketPolicy, b);
      const ok = policies.some((p) => statementsOf(p.props.policy).some((s) => deniesOnBucket(s, arn)));
      if (!ok) {
        reportViolation(`Bucket ${bucketName(b)} has no policy denying non-TLS requests; add a Deny of s3:* on the bucket and its objects when aws:SecureTransport is false.`, b.urn);
      }
    }
  },
};
