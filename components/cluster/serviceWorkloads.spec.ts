/**
 * The Workloads component on its own, with the bucket, secret and queue maps the storage, data and
 * messaging tiers hand it: each service's role names exactly what its config names.
 */
import { strict as assert } from "node:assert";
import { runComponent } from "../../offline/runStack";
import { REGISTRY_PRESETS } from "../registry";
import * as pulumi from "@pulumi/pulumi";
import { Cluster, ClusterArgs } from "./cluster";
import { Workloads, WorkloadsArgs } from "./serviceWorkloads";
import type { WorkloadService } from "./workloads";

const ACCOUNT = "123456789012";
const topic = `arn:aws:kafka:us-west-2:${ACCOUNT}:topic/medsearch/0c1d2e3f-aaaa-bbbb-cccc-111122223333-2/documents.indexed`;

/** The fewest arguments another program gives a Cluster: the rest are CLUSTER_DEFAULTS and the provider's account. */
function clusterArgs(): ClusterArgs {
  return { vpcId: "vpc-0123456789abcdef0", privateSubnetIds: ["subnet-a", "subnet-b", "subnet-c"], availabilityZones: ["us-west-2a", "us-west-2b", "us-west-2c"] };
}

function args(services: WorkloadService[], maps: Partial<Pick<WorkloadsArgs, "bucketArns" | "secretArns" | "queueArns">> = {}): WorkloadsArgs {
  return {
    clusterName: "medsearch-test",
    account: { partition: "aws", region: "us-west-2" },
    oidc: { providerArn: pulumi.output(`arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/ABC`), providerUrl: pulumi.output("https://oidc.eks.us-west-2.amazonaws.com/id/ABC") },
    kmsKeyArns: { data: `arn:aws:kms:us-west-2:${ACCOUNT}:key/data`, secrets: `arn:aws:kms:us-west-2:${ACCOUNT}:key/secrets` },
    registry: REGISTRY_PRESETS.prod,
    services,
    bucketArns: maps.bucketArns ?? {},
    secretArns: maps.secretArns ?? {},
    queueArns: maps.queueArns ?? {},
  };
}

const search: WorkloadService = {
  name: "search-service",
  namespace: "search",
  buckets: [{ name: "documents", access: "read" }],
  secrets: ["database"],
  queues: ["documents.indexed"],
  replicas: { min: 2, max: 20 },
};
const maps = {
  bucketArns: { documents: "arn:aws:s3:::medsearch-documents", exports: "arn:aws:s3:::medsearch-exports" },
  secretArns: { database: `arn:aws:secretsmanager:us-west-2:${ACCOUNT}:secret:db-AbCdEf`, cache: `arn:aws:secretsmanager:us-west-2:${ACCOUNT}:secret:cache-GhIjKl` },
  queueArns: { "documents.indexed": topic },
};

describe("Workloads component: per-service grants", function () {
  this.timeout(60000);

  it("grants a service exactly the bucket, secret and topic it names, and nothing of the others on offer", async () => {
    const run = await runComponent(async () => {
      new Workloads("medsearch-workloads", args([search], maps));
    });
    assert.equal(run.error, undefined, run.error?.message);
    const policy = JSON.parse(run.resources.find((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.name === "medsearch-workloads-svc-search-service")!.inputs.policy);
    const resources = policy.Statement.flatMap((s: any) => [s.Resource].flat());
    assert.deepEqual(resources, [
      "arn:aws:s3:::medsearch-documents/*",
      "arn:aws:s3:::medsearch-documents",
      `arn:aws:kms:us-west-2:${ACCOUNT}:key/data`,
      maps.secretArns.database,
      `arn:aws:kms:us-west-2:${ACCOUNT}:key/secrets`,
      `arn:aws:kafka:us-west-2:${ACCOUNT}:cluster/medsearch/0c1d2e3f-aaaa-bbbb-cccc-111122223333-2`,
      topic,
      `arn:aws:kafka:us-west-2:${ACCOUNT}:group/medsearch/0c1d2e3f-aaaa-bbbb-cccc-111122223333-2/search-service-*`,
    ]);
    assert.ok(!resources.includes(maps.bucketArns.exports) && !resources.includes(maps.secretArns.cache));
    for (const s of policy.Statement) for (const a of [s.Action].flat()) assert.ok(!a.includes("*"), a);
  });

  it("gives a service that names nothing a role with no policy", async () => {
    const run = await runComponent(async () => {
      new Workloads("medsearch-workloads", args([{ name: "frontend", namespace: "web", buckets: [], secrets: [], queues: [], replicas: { min: 2, max: 10 } }], maps));
    });
    assert.equal(run.error, undefined, run.error?.message);
    assert.ok(run.resources.some((r) => r.type === "aws:iam/role:Role" && r.name === "medsearch-workloads-svc-frontend"));
    assert.ok(!run.resources.some((r) => r.type === "aws:iam/rolePolicy:RolePolicy" && r.name === "medsearch-workloads-svc-frontend"));
  });

  it("throws naming the service and each reference no tier provides an ARN for, before creating anything", async () => {
    const run = await runComponent(async () => {
      new Workloads("medsearch-workloads", args([{ ...search, buckets: [{ name: "images", access: "write" }], secrets: ["messaging"] }], maps));
    });
    assert.match(run.error!.message, /^medsearch-workloads: services\[0\]\.buckets\[0\]\.name: got "images"; allowed: a name in bucketArns \(documents, exports\): service search-service's role grants exactly what it names.*; services\[0\]\.secrets\[0\]: got "messaging"; allowed: a name in secretArns \(database, cache\)/);
    assert.ok(!run.resources.some((r) => r.type.startsWith("aws:")));
  });

  it("throws on empty maps (a stack without those tiers) as soon as a service names a resource", async () => {
    const run = await runComponent(async () => {
      new Workloads("medsearch-workloads", args([search]));
    });
    assert.match(run.error!.message, /buckets\[0\]\.name: got "documents"; allowed: a name in bucketArns \(none given\).*secrets\[0\]: got "database".*queues\[0\]: got "documents\.indexed"; allowed: a name in queueArns \(none given\)/);
  });

  it("rejects a cluster name EKS would refuse", async () => {
    const run = await runComponent(async () => {
      new Cluster("medsearch-cluster", { ...clusterArgs(), clusterName: "medsearch.test" });
    });
    assert.match(run.error!.message, /EKS rejects the cluster name "medsearch.test"/);
  });
});
