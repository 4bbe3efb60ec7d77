/**
 * `pulumi preview` of a new stack: ids and computed outputs are unknown, and so is every input
 * built from them. The whole dev and prod programs, previewed under the mock cloud, must raise no
 * mandatory violation; a policy may only say it "can't run during preview" where it truly cannot
 * decide, and every decidable result must equal the full plan's.
 */
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { policies } from "../policy-pack/policies";
import { UNKNOWN } from "../offline/mockCloud";
import { Violation, readPackConfig, runPolicies } from "../offline/policyRunner";
import type { RecordedResource } from "../offline/recorder";
import { runStack } from "../offline/runStack";
import { readStackFile } from "../offline/stackFile";
import { ROOT, planStackFile } from "./helpers";

const KEY_REFERENCE = "a resource policy sees only inputs, not which resource an unknown key ARN comes from, so it cannot tell a customer-managed key of the stack from an AWS-managed one; `pulumi up` runs it again with the ARN known, before the resource is created";

/**
 * The policies that truly cannot decide during preview, each with its reason. Everything else
 * decides from what is known, linking resources by property dependency where ids are unknown.
 */
const UNDECIDABLE_IN_PREVIEW: Record<string, string> = {
  "cloudwatch-require-log-group-encryption": KEY_REFERENCE,
  "backup-require-vault-encryption": KEY_REFERENCE,
  "elasticache-require-encryption-at-rest": KEY_REFERENCE,
  "eks-require-secrets-encryption": KEY_REFERENCE,
  // Read replicas are decided (an unknown source is still a source); the primary names its key.
  "rds-require-storage-encryption": KEY_REFERENCE,
  // The alert topics and the trail name the monitoring tier's own keys by ARN, unknown until the keys exist.
  "sns-require-topic-encryption": KEY_REFERENCE,
  "cloudtrail-require-trail-encryption": KEY_REFERENCE,
  // The runner's project names the logs key by ARN; what it stores unencrypted is decided first.
  "codebuild-require-project-encryption": KEY_REFERENCE,
  "iam-disallow-wildcard-admin": "every policy document is JSON built from ARNs of the stack's resources, so the whole document is unknown until they exist",
  // It checks every document it can read (trust policies of service principals, key policies) and sets aside those built from ARNs.
  "iam-require-known-actions": "most policy documents are JSON built from ARNs of the stack's resources, so the whole document is unknown until they exist",
  "eks-require-node-groups-across-azs": "a node group's subnetIds are the VPC's outputs, unknown until the VPC exists; a resource policy cannot count AZs in them",
  "cloudfront-require-web-acl": "it reads the web ACL's scope from its ARN (global/ in us-east-1), unknown until the web ACL exists",
  "cloudfront-require-origin-access-control": "it tells S3 REST origins from website endpoints and custom origins by domain name; the static bucket's regional domain name is unknown until the bucket exists",
  "s3-require-tls-only-policy": "the static-assets bucket's one policy also admits the CloudFront distribution by ARN, so its whole JSON is unknown until the distribution exists",
};

/**
 * Policies only the sister systems' stacks reach (examples/), undecidable for the same kinds of
 * reasons: a key ARN or the VPC's subnets unknown until they exist.
 */
const UNDECIDABLE_IN_EXAMPLES: Record<string, string> = {
  "efs-require-file-system-encryption": KEY_REFERENCE,
  // A file system with no policy at all is still decided (a violation); only the document is not.
  "efs-require-tls-only-policy": "the file system policy names the file system and its access points by ARN, so its whole JSON is unknown until they exist",
  "msk-require-encryption-at-rest": KEY_REFERENCE,
  "msk-require-brokers-across-azs": "the brokers' client subnets are the VPC's outputs, unknown until the VPC exists; a resource policy cannot count AZs in them",
  "ecs-require-services-across-azs": "a service's subnets are the VPC's outputs, unknown until the VPC exists; a resource policy cannot count AZs in them",
  "ecs-disallow-plaintext-secrets": "a secret's valueFrom is the ARN of a Secrets Manager secret the stack creates, unknown until it exists, so it cannot tell Secrets Manager from another source",
};

const EXAMPLES = ["examples/Pulumi.billion.yaml", "examples/Pulumi.elearning.yaml", "examples/Pulumi.ecsai.yaml"];

const cannotRun = (v: Violation) => /^can't run policy '[a-z0-9-]+' during preview: .+ value at \.[A-Za-z.0-9]+ can't be known during preview$/.test(v.message);
const decided = (vs: Violation[]) => vs.filter((v) => !cannotRun(v)).map((v) => `${v.level} ${v.policy} ${v.urn} ${v.message}`).sort();

const hasUnknown = (v: unknown): boolean =>
  v === UNKNOWN || (Array.isArray(v) ? v.some(hasUnknown) : typeof v === "object" && v !== null && Object.values(v).some(hasUnknown));

for (const stack of ["dev", "prod"] as const) {
  describe(`preview (${stack})`, () => {
    let resources: RecordedResource[];
    let violations: Violation[];
    before(async () => {
      const config = readStackFile(join(ROOT, `Pulumi.${stack}.yaml`));
      const run = await runStack({ stack, config, preview: true });
      assert.ifError(run.error);
      resources = run.resources;
      violations = await runPolicies(policies, resources, readPackConfig(join(ROOT, "policy-pack", "config", `${config["platform:profile"]}.json`)));
    });

    it("records unknowns as CrossGuard sees them: the engine's unknown marker in inputs and outputs", () => {
      const encryption = resources.filter((r) => r.type === "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration");
      assert.ok(encryption.length > 0);
      for (const r of encryption) assert.equal(r.inputs.bucket, UNKNOWN, `${r.name}.bucket is the bucket's id, unknown until it exists`);
      const keys = resources.filter((r) => r.type === "aws:kms/key:Key");
      for (const k of keys) assert.deepEqual([k.outputs.arn, k.outputs.enableKeyRotation], [UNKNOWN, true]);
      assert.ok(resources.filter((r) => r.custom && hasUnknown(r.inputs)).length >= 10);
    });

    it("raises no mandatory violation", () => {
      assert.deepEqual(violations.filter((v) => v.level === "mandatory"), []);
    });

    it("says 'can't run during preview' only for the policies that truly cannot decide, each with its reason", () => {
      const undecided = [...new Set(violations.filter(cannotRun).map((v) => v.policy))].sort();
      assert.deepEqual(undecided, Object.keys(UNDECIDABLE_IN_PREVIEW).sort());
      for (const v of violations.filter(cannotRun)) assert.equal(v.level, "advisory");
    });

    it("decides everything else exactly as the full plan does", async () => {
      assert.deepEqual(decided(violations), decided((await planStackFile(`Pulumi.${stack}.yaml`)).violations));
    });
  });
}

for (const file of EXAMPLES) {
  describe(`preview (${file})`, () => {
    let violations: Violation[];
    before(async () => {
      const config = readStackFile(join(ROOT, file));
      const run = await runStack({ stack: file.replace(/^.*Pulumi\.|\.yaml$/g, ""), config, preview: true });
      assert.ifError(run.error);
      violations = await runPolicies(policies, run.resources, readPackConfig(join(ROOT, "policy-pack", "config", `${config["platform:profile"]}.json`)));
    });

    it("raises no mandatory violation", () => {
      assert.deepEqual(violations.filter((v) => v.level === "mandatory"), []);
    });

    it("says 'can't run during preview' only for policies listed with their reason, as advisories", () => {
      const known = { ...UNDECIDABLE_IN_PREVIEW, ...UNDECIDABLE_IN_EXAMPLES };
      for (const v of violations.filter(cannotRun)) {
        assert.ok(known[v.policy], `${v.policy} cannot decide in preview: ${v.message}`);
        assert.equal(v.level, "advisory");
      }
    });

    it("decides everything else exactly as the full plan does", async () => {
      assert.deepEqual(decided(violations), decided((await planStackFile(file)).violations));
    });
  });
}
