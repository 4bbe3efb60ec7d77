/**
 * Workloads on its own, as another team's program would build it: the cluster's name and OIDC
 * provider, the keys and one service; the registry from WORKLOADS_DEFAULTS, the partition and region
 * from its provider. Each secure default is read off the recorded resources.
 */
import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { MOCK_ACCOUNT_ID } from "../../offline/ids";
import { policies } from "../../policy-pack/policies";
import { readPackConfig, runPolicies } from "../../offline/policyRunner";
import { Planned, ROOT, one, ofType } from "../../test/helpers";
import { REGION, mandatoryPolicies, standalone } from "../../test/standalone";
import { WORKLOADS_DEFAULTS } from "./presets";
import { Workloads, WorkloadsArgs } from "./serviceWorkloads";
import type { WorkloadService } from "./workloads";

const ISSUER = "oidc.eks.us-west-2.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE";
const PROVIDER_ARN = `arn:aws:iam::${MOCK_ACCOUNT_ID}:oidc-provider/${ISSUER}`;
const KEYS = { data: `arn:aws:kms:${REGION}:${MOCK_ACCOUNT_ID}:key/data`, secrets: `arn:aws:kms:${REGION}:${MOCK_ACCOUNT_ID}:key/secrets` };
const api: WorkloadService = { name: "api", namespace: "orders", buckets: [{ name: "documents", access: "read" }], secrets: [], queues: [], replicas: { min: 2, max: 6 } };

function minimal(): WorkloadsArgs {
  return {
    clusterName: "orders",
    oidc: { providerArn: pulumi.output(PROVIDER_ARN), providerUrl: pulumi.output(`https://${ISSUER}`) },
    kmsKeyArns: KEYS,
    services: [api],
    bucketArns: { documents: "arn:aws:s3:::orders-documents", exports: "arn:aws:s3:::orders-exports" },
  };
}

const run = (args: WorkloadsArgs) => standalone((opts) => new Workloads("orders-workloads", args, opts));

describe("Workloads standalone", () => {
  let p: Planned;
  before(async () => {
    p = await run(minimal());
    assert.equal(p.error, undefined, p.error?.message);
  });

  it("gives each service a KMS-encrypted repository with immutable tags, scanned on push", () => {
    const repo = one(p, "aws:ecr/repository:Repository").inputs;
    assert.deepEqual([repo.name, repo.imageTagMutability, repo.imageScanningConfiguration.scanOnPush], ["orders/api", "IMMUTABLE", true]);
    assert.deepEqual(repo.encryptionConfigurations, [{ encryptionType: "KMS", kmsKey: KEYS.data }]);
  });

  it("expires images as WORKLOADS_DEFAULTS.registry says: untagged after 14 days, beyond the newest 100", () => {
    const rules = JSON.parse(one(p, "aws:ecr/lifecyclePolicy:LifecyclePolicy").inputs.policy).rules;
    assert.deepEqual(rules.map((r: { selection: { countNumber: number } }) => r.selection.countNumber), [WORKLOADS_DEFAULTS.registry.untaggedExpiryDays, WORKLOADS_DEFAULTS.registry.keepImages]);
    assert.deepEqual([WORKLOADS_DEFAULTS.registry.untaggedExpiryDays, WORKLOADS_DEFAULTS.registry.keepImages], [14, 100]);
  });

  it("lets only the service's own service account assume its role, with the STS audience", () => {
    const trust = JSON.parse(one(p, "aws:iam/role:Role").inputs.assumeRolePolicy);
    assert.equal(trust.Statement.length, 1);
    const [s] = trust.Statement;
    assert.deepEqual([s.Effect, s.Action, s.Principal], ["Allow", "sts:AssumeRoleWithWebIdentity", { Federated: PROVIDER_ARN }]);
    assert.deepEqual(s.Condition, { StringEquals: { [`${ISSUER}:sub`]: "system:serviceaccount:orders:api", [`${ISSUER}:aud`]: "sts.amazonaws.com" } });
  });

  it("names exactly the bucket the service was given, its key only through S3 in the provider's region", () => {
    const policy = JSON.parse(one(p, "aws:iam/rolePolicy:RolePolicy").inputs.policy);
    const resources = policy.Statement.flatMap((s: { Resource: string | string[] }) => [s.Resource].flat());
    assert.deepEqual(resources, ["arn:aws:s3:::orders-documents/*", "arn:aws:s3:::orders-documents", KEYS.data]);
    const key = policy.Statement.find((s: { Sid: string }) => s.Sid === "BucketKey");
    assert.deepEqual([key.Action, key.Condition], [["kms:Decrypt"], { StringEquals: { "kms:ViaService": `s3.${REGION}.amazonaws.com` } }]);
  });

  it("passes the policy pack's prod config once the caller lists the cluster's issuer as an OIDC provider made elsewhere", async () => {
    // On its own the OIDC provider is another program's: the pack trusts only providers the stack
    // creates or its config lists (iam-require-known-actions.externalOidcProviders).
    assert.deepEqual(mandatoryPolicies(p), ["iam-require-known-actions"]);
    const config = readPackConfig(`${ROOT}/policy-pack/config/prod.json`);
    const listed = await runPolicies(policies, p.resources, { ...config, "iam-require-known-actions": { externalOidcProviders: [ISSUER] } });
    assert.deepEqual(listed.filter((v) => v.level === "mandatory"), []);
  });

  it("refuses a service naming a bucket it was not given, suggesting the near one, before creating anything", async () => {
    const bad = await run({ ...minimal(), services: [{ ...api, buckets: [{ name: "document", access: "read" }] }] });
    assert.match(bad.error!.message, /^orders-workloads: services\[0\]\.buckets\[0\]\.name: got "document"; allowed: a name in bucketArns \(documents, exports\).*did you mean "documents"\?/);
    assert.equal(ofType(bad, "aws:iam/role:Role").length + ofType(bad, "aws:ecr/repository:Repository").length, 0);
  });

  it("refuses a secret or queue with no ARN map at all, a service listed twice and a registry ECR would refuse, all at once", async () => {
    const bad = await run({ ...minimal(), services: [{ ...api, secrets: ["database"], queues: ["jobs"] }, api], registry: { immutableTags: true, keepImages: 0, untaggedExpiryDays: 14 } });
    const fields = [...bad.error!.message.matchAll(/(?:^orders-workloads: |; )([\w.[\]]+): got/g)].map((m) => m[1]);
    assert.deepEqual(fields, ["registry.keepImages", "services[1].name", "services[0].secrets[0]", "services[0].queues[0]"]);
  });
});
