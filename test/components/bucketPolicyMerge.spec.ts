/**
 * How the storage tier's single bucket policy takes the edge's statement although the bucket must
 * exist before the distribution: a deferred output, resolved once the edge exists. This is the
 * wiring stacks/platform.ts uses; here with stand-ins for the two components.
 */
import { strict as assert } from "node:assert";
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { cloudFrontReadStatement } from "../../components/edge/bucketStatements";
import { PolicyStatement, policyDocument } from "../../components/iam/policyDocument";
import { one } from "../helpers";
import { runComponent } from "../../offline/runStack";

const DENY_INSECURE: PolicyStatement = {
  Sid: "DenyInsecureTransport", Effect: "Deny", Principal: "*", Action: "s3:*",
  Resource: ["arn:aws:s3:::static", "arn:aws:s3:::static/*"], Condition: { Bool: { "aws:SecureTransport": "false" } },
};

describe("merging the edge's statement into the storage tier's bucket policy", () => {
  it("resolves a deferred statement list after the distribution exists, in one policy on the bucket", async () => {
    const run = await runComponent(async () => {
      // Storage tier: the bucket and its one policy, whose edge statements are not known yet.
      const [edgeStatements, setEdgeStatements] = pulumi.deferredOutput<PolicyStatement[]>();
      new aws.s3.BucketPolicy("static", {
        bucket: "static",
        policy: edgeStatements.apply((extra) => JSON.stringify(policyDocument(DENY_INSECURE, ...extra))),
      });
      // Edge tier: the distribution reads the bucket, then hands its statement back.
      const dist = new aws.cloudfront.Distribution("cdn", {
        enabled: true,
        origins: [{ originId: "static", domainName: "static.s3.us-west-2.amazonaws.com", originAccessControlId: "E1" }],
        defaultCacheBehavior: { targetOriginId: "static", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET", "HEAD"], cachedMethods: ["GET", "HEAD"] },
        restrictions: { geoRestriction: { restrictionType: "none" } },
        viewerCertificate: { cloudfrontDefaultCertificate: true },
      });
      setEdgeStatements(dist.arn.apply((arn) => [cloudFrontReadStatement("arn:aws:s3:::static", arn)]));
    });
    assert.equal(run.error, undefined);
    const policy = JSON.parse(one(run, "aws:s3/bucketPolicy:BucketPolicy").inputs.policy);
    const distArn = one(run, "aws:cloudfront/distribution:Distribution").outputs.arn;
    assert.deepEqual(policy.Statement, [DENY_INSECURE, cloudFrontReadStatement("arn:aws:s3:::static", distArn)]);
  });
});
