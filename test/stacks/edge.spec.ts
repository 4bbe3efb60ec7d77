/**
 * The edge tier as the dev and prod programs wire it to the storage, cluster and network tiers.
 * Component-level behaviour is in test/components/edge*.spec.ts.
 */
import { strict as assert } from "node:assert";
import { Planned, byUrn, mandatory, ofType, one, planStackFile } from "../helpers";

for (const stack of ["dev", "prod"] as const) {
  describe(`edge tier wiring (${stack})`, () => {
    let p: Planned;
    before(async () => {
      p = await planStackFile(`Pulumi.${stack}.yaml`);
      assert.equal(p.error, undefined, p.error?.message);
    });

    it("plans with zero mandatory violations", () => {
      assert.deepEqual(mandatory(p), []);
    });

    it("writes ALB access logs to the storage tier's log bucket, under the prefix its policy admits", () => {
      const alb = one(p, "aws:lb/loadBalancer:LoadBalancer");
      const logs = one(p, "aws:s3/bucket:Bucket", "medsearch-storage-logs");
      assert.deepEqual(alb.inputs.accessLogs, { bucket: logs.outputs.bucket, prefix: "alb", enabled: true });
      const policy = JSON.parse(one(p, "aws:s3/bucketPolicy:BucketPolicy", "medsearch-storage-logs-policy").inputs.policy);
      assert.ok(policy.Statement.some((s: any) => [s.Resource].flat().some((r: string) => r.startsWith(`${logs.outputs.arn}/alb/AWSLogs/`))));
    });

    it("lets only this distribution read the static-assets bucket, in that bucket's one policy", () => {
      const dist = one(p, "aws:cloudfront/distribution:Distribution");
      const policies = ofType(p, "aws:s3/bucketPolicy:BucketPolicy").filter((b) => b.name === "medsearch-storage-static-assets-policy");
      assert.equal(policies.length, 1);
      const read = JSON.parse(policies[0].inputs.policy).Statement.filter((s: any) => s.Principal?.Service === "cloudfront.amazonaws.com");
      assert.equal(read.length, 1);
      assert.equal(read[0].Condition.StringEquals["AWS:SourceArn"], dist.outputs.arn);
    });

    it("lets the distribution, and only it, decrypt with the data key that encrypts the static assets", () => {
      const dist = one(p, "aws:cloudfront/distribution:Distribution");
      const key = one(p, "aws:kms/key:Key", "medsearch-keys-data");
      const policy = one(p, "aws:kms/keyPolicy:KeyPolicy", "medsearch-keys-data-policy");
      assert.equal(policy.inputs.keyId, key.outputs.keyId);
      // The key itself carries no policy: the separate KeyPolicy is its only policy.
      assert.equal(key.inputs.policy, undefined);
      const doc = JSON.parse(policy.inputs.policy);
      assert.deepEqual(doc.Statement.map((s: any) => s.Sid), ["EnableIamPolicies", "AllowCloudFrontOacDecrypt"]);
      const cf = doc.Statement[1];
      assert.deepEqual([cf.Principal, cf.Action, cf.Condition.StringEquals["AWS:SourceArn"]], [{ Service: "cloudfront.amazonaws.com" }, "kms:Decrypt", dist.outputs.arn]);
    });

    it("binds each routed service to its target group through the cluster's Kubernetes provider, after the controller", () => {
      const k8sProvider = one(p, "pulumi:providers:kubernetes", "medsearch-cluster-k8s");
      const bindings = ofType(p, "kubernetes:elbv2.k8s.aws/v1beta1:TargetGroupBinding");
      assert.equal(bindings.length, 7);
      const controller = one(p, "kubernetes:helm.sh/v3:Release", "medsearch-cluster-lbc");
      for (const b of bindings) {
        assert.equal(b.provider?.urn, k8sProvider.urn, b.name);
        assert.ok(b.dependencies.includes(controller.urn), b.name);
      }
    });

    it("admits the ALB to the cluster's node group on the service ports only", () => {
      const albSg = one(p, "aws:ec2/securityGroup:SecurityGroup", "medsearch-edge-alb-sg");
      const rules = ofType(p, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r) => r.name.startsWith("medsearch-edge-targets-"));
      assert.ok(rules.length > 0);
      for (const r of rules) {
        assert.equal(r.inputs.securityGroupId, p.outputs.cluster.nodeSecurityGroupId);
        assert.equal(r.inputs.referencedSecurityGroupId, albSg.outputs.id);
      }
    });

    it("keeps CloudFront's web ACL in us-east-1, as AWS requires for scope CLOUDFRONT", () => {
      const acl = ofType(p, "aws:wafv2/webAcl:WebAcl").find((w) => w.inputs.scope === "CLOUDFRONT")!;
      assert.equal(acl.provider?.region, "us-east-1");
      assert.equal(byUrn(p, acl.provider?.urn)?.name, "medsearch-us-east-1");
    });
  });
}

describe("edge tier wiring: prod serves its own domain", () => {
  it("uses a us-east-1 ACM certificate and TLSv1.2_2021 for viewers", async () => {
    const p = await planStackFile("Pulumi.prod.yaml");
    const dist = one(p, "aws:cloudfront/distribution:Distribution").inputs;
    assert.equal(dist.viewerCertificate.minimumProtocolVersion, "TLSv1.2_2021");
    const certs = ofType(p, "aws:acm/certificate:Certificate").filter((c) => c.provider?.region === "us-east-1");
    assert.equal(dist.viewerCertificate.acmCertificateArn, certs.find((c) => c.inputs.domainName === "medsearch.example.com")?.outputs.arn);
  });
});
