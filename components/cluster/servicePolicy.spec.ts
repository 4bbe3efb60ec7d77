import { strict as assert } from "node:assert";
import fc from "fast-check";
import { irsaTrustPolicy, oidcIssuer } from "./irsa";
import { BucketAccess, GrantContext, ServiceGrants, servicePolicy } from "./servicePolicy";

const ACCOUNT = "123456789012";
const ctx: GrantContext = {
  region: "us-west-2",
  bucketArns: { documents: "arn:aws:s3:::medsearch-documents", exports: "arn:aws:s3:::medsearch-exports" },
  secretArns: { database: `arn:aws:secretsmanager:us-west-2:${ACCOUNT}:secret:db-AbCdEf`, cache: `arn:aws:secretsmanager:us-west-2:${ACCOUNT}:secret:cache-GhIjKl` },
  queueArns: {
    "documents.indexed": `arn:aws:kafka:us-west-2:${ACCOUNT}:topic/medsearch/0c1d2e3f-1111-2222-3333-444455556666-2/documents.indexed`,
    notifications: `arn:aws:sqs:us-west-2:${ACCOUNT}:medsearch-notifications`,
  },
  dataKeyArn: `arn:aws:kms:us-west-2:${ACCOUNT}:key/data`,
  secretsKeyArn: `arn:aws:kms:us-west-2:${ACCOUNT}:key/secrets`,
};

const svc = (o: Partial<ServiceGrants>): ServiceGrants => ({ name: "search-service", buckets: [], secrets: [], queues: [], ...o });
const list = (v: string | string[] | undefined) => (v === undefined ? [] : [v].flat());

describe("service grants", () => {
  it("grant a reader get and list on the bucket, and the data key only through S3", () => {
    const doc = servicePolicy(svc({ buckets: [{ name: "documents", access: "read" }] }), ctx)!;
    assert.deepEqual(doc.Statement.map((s) => [s.Action, s.Resource]), [
      [["s3:GetObject"], "arn:aws:s3:::medsearch-documents/*"],
      ["s3:ListBucket", "arn:aws:s3:::medsearch-documents"],
      [["kms:Decrypt"], ctx.dataKeyArn],
    ]);
    assert.deepEqual(doc.Statement[2].Condition, { StringEquals: { "kms:ViaService": "s3.us-west-2.amazonaws.com" } });
  });

  it("grant a writer put and delete but no list", () => {
    const doc = servicePolicy(svc({ buckets: [{ name: "exports", access: "write" }] }), ctx)!;
    assert.deepEqual(doc.Statement[0].Action, ["s3:PutObject", "s3:DeleteObject"]);
    assert.ok(!doc.Statement.some((s) => list(s.Action).includes("s3:ListBucket")));
    assert.deepEqual(doc.Statement[1].Action, ["kms:Decrypt", "kms:GenerateDataKey"]);
  });

  it("grant read of the named secrets only, and the secrets key only through Secrets Manager", () => {
    const doc = servicePolicy(svc({ secrets: ["database"] }), ctx)!;
    assert.deepEqual(doc.Statement[0].Resource, [ctx.secretArns.database]);
    assert.deepEqual(doc.Statement[1].Condition, { StringEquals: { "kms:ViaService": "secretsmanager.us-west-2.amazonaws.com" } });
  });

  it("scope a Kafka topic to its cluster, the topic and consumer groups named after the service", () => {
    const doc = servicePolicy(svc({ queues: ["documents.indexed"] }), ctx)!;
    assert.deepEqual(doc.Statement.map((s) => s.Resource), [
      `arn:aws:kafka:us-west-2:${ACCOUNT}:cluster/medsearch/0c1d2e3f-1111-2222-3333-444455556666-2`,
      ctx.queueArns["documents.indexed"],
      `arn:aws:kafka:us-west-2:${ACCOUNT}:group/medsearch/0c1d2e3f-1111-2222-3333-444455556666-2/search-service-*`,
    ]);
  });

  it("grant send, receive and delete on an SQS queue", () => {
    const doc = servicePolicy(svc({ queues: ["notifications"] }), ctx)!;
    assert.equal(doc.Statement[0].Resource, ctx.queueArns.notifications);
    assert.ok(list(doc.Statement[0].Action).includes("sqs:SendMessage"));
  });

  it("grant nothing to a service that touches nothing", () => {
    assert.equal(servicePolicy(svc({}), ctx), undefined);
  });

  it("throw naming the service and each reference no tier provides", () => {
    assert.throws(
      () => servicePolicy(svc({ buckets: [{ name: "images", access: "read" }], secrets: ["messaging"], queues: ["jobs"] }), ctx),
      /service search-service references bucket "images", secret "messaging", queue "jobs"/,
    );
  });

  it("never grant a wildcard action or a resource outside the named ARNs", () => {
    const names = { buckets: Object.keys(ctx.bucketArns), secrets: Object.keys(ctx.secretArns), queues: Object.keys(ctx.queueArns) };
    const access = fc.constantFrom<BucketAccess>("read", "write", "readwrite");
    const arb = fc.record({
      buckets: fc.uniqueArray(fc.constantFrom(...names.buckets), { maxLength: 2 }).chain((bs) => fc.tuple(...bs.map((n) => access.map((a) => ({ name: n, access: a }))))),
      secrets: fc.uniqueArray(fc.constantFrom(...names.secrets), { maxLength: 2 }),
      queues: fc.uniqueArray(fc.constantFrom(...names.queues), { maxLength: 2 }),
    });
    const kafka = `arn:aws:kafka:us-west-2:${ACCOUNT}`;
    const uuid = "medsearch/0c1d2e3f-1111-2222-3333-444455556666-2";
    const allowed = [
      ...Object.values(ctx.bucketArns),
      ...Object.values(ctx.bucketArns).map((b) => `${b}/*`),
      ...Object.values(ctx.secretArns),
      ...Object.values(ctx.queueArns),
      `${kafka}:cluster/${uuid}`,
      `${kafka}:group/${uuid}/search-service-*`,
      ctx.dataKeyArn,
      ctx.secretsKeyArn,
    ];
    fc.assert(
      fc.property(arb, (g) => {
        const doc = servicePolicy(svc(g), ctx);
        for (const s of doc?.Statement ?? []) {
          for (const a of list(s.Action)) assert.ok(!a.includes("*"), a);
          for (const r of list(s.Resource)) assert.ok(allowed.includes(r), r);
        }
      }),
    );
  });
});

describe("IRSA trust", () => {
  const arn = `arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/ABC`;
  const url = "https://oidc.eks.us-west-2.amazonaws.com/id/ABC";

  it("lets only the named service account of this cluster assume the role, with the STS audience", () => {
    const st = irsaTrustPolicy(arn, url, { namespace: "search", name: "search-service" }).Statement[0];
    assert.deepEqual(st.Principal, { Federated: arn });
    assert.equal(st.Action, "sts:AssumeRoleWithWebIdentity");
    assert.deepEqual(st.Condition, {
      StringEquals: {
        "oidc.eks.us-west-2.amazonaws.com/id/ABC:sub": "system:serviceaccount:search:search-service",
        "oidc.eks.us-west-2.amazonaws.com/id/ABC:aud": "sts.amazonaws.com",
      },
    });
  });

  it("strips the scheme from the issuer", () => assert.equal(oidcIssuer(url), "oidc.eks.us-west-2.amazonaws.com/id/ABC"));
});
