/**
 * The cluster tier under other configurations: invalid ones fail before any resource with a
 * message naming the key; valid variants (GPU group, Karpenter, an allow-listed public endpoint,
 * a runner CIDR, no cluster) build what they promise.
 */
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { ConfigError } from "../../stacks/config/problems";
import { policies } from "../../policy-pack/policies";
import { readPackConfig, runPolicies } from "../../offline/policyRunner";
import { readStackFile } from "../../offline/stackFile";
import { Planned, ROOT, mandatory, ofType, one, planConfig } from "../helpers";

type Json = Record<string, any>;

/** The stack file's config with platform:cluster merged with `cluster` and other keys replaced. */
function config(stack: "dev" | "prod", cluster: Json = {}, other: Record<string, unknown> = {}): Record<string, string> {
  const base = readStackFile(join(ROOT, `Pulumi.${stack}.yaml`));
  const merged = { ...JSON.parse(base["platform:cluster"]), ...cluster };
  const extra = Object.fromEntries(Object.entries(other).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]));
  return { ...base, "platform:cluster": JSON.stringify(merged), ...extra };
}

const services = (stack: "dev" | "prod"): Json[] => JSON.parse(readStackFile(join(ROOT, `Pulumi.${stack}.yaml`))["platform:services"]);

async function rejected(stack: "dev" | "prod", cfg: Record<string, string>, key: string): Promise<string> {
  const run = await planConfig(stack, cfg);
  assert.ok(run.error instanceof ConfigError, `expected a config error, got ${run.error?.message ?? "none"}`);
  assert.equal(run.resources.filter((r) => r.custom && !r.type.startsWith("pulumi:")).length, 0, "no resource is registered");
  const line = run.error.message.split("\n").find((l) => l.includes(`${key}:`));
  assert.ok(line, `expected ${key} in:\n${run.error.message}`);
  return line;
}

const app = (patch: Json) => {
  const groups = { system: {}, application: {}, gpu: {} } as Json;
  groups.application = patch;
  return { nodeGroups: groups };
};

describe("cluster config: rejected with the key named", () => {
  it("a node group whose minSize exceeds maxSize", async () => {
    const line = await rejected("dev", config("dev", app({ minSize: 5, desiredSize: 5, maxSize: 3 })), "platform:cluster.nodeGroups.application.minSize");
    assert.match(line, /got 5; allowed: at most maxSize \(3\)/);
  });

  it("a desired size outside min..max", async () => {
    await rejected("dev", config("dev", app({ minSize: 1, desiredSize: 9, maxSize: 4 })), "platform:cluster.nodeGroups.application.desiredSize");
  });

  it("a Kubernetes version out of standard support", async () => {
    const line = await rejected("prod", config("prod", { kubernetesVersion: "1.29" }), "platform:cluster.kubernetesVersion");
    assert.match(line, /got "1\.29"; allowed: a version in EKS standard support: 1\.35 \(standard support until 2027-03-27\), 1\.36 \(standard support until 2027-08-02\), 1\.37 \(standard support until 2027-12-01\)$/);
  });

  it("a public endpoint open to 0.0.0.0/0 in prod", async () => {
    const cfg = config("prod", { endpoint: { publicAccess: true, publicAccessCidrs: ["0.0.0.0/0"], privateAccessCidrs: [] } });
    assert.match(await rejected("prod", cfg, "platform:cluster.endpoint.publicAccessCidrs"), /got \["0\.0\.0\.0\/0"\]; allowed: CIDRs other than 0\.0\.0\.0\/0 when profile is prod/);
    assert.match(await rejected("prod", cfg, "platform:cluster.endpoint.publicAccess"), /false when profile is prod/);
  });

  it("any public endpoint in prod, even one limited to listed networks", async () => {
    await rejected("prod", config("prod", { endpoint: { publicAccess: true, publicAccessCidrs: ["203.0.113.0/24"], privateAccessCidrs: [] } }), "platform:cluster.endpoint.publicAccess");
  });

  it("a public endpoint with no CIDRs, which EKS would open to everyone", async () => {
    await rejected("dev", config("dev", { endpoint: { publicAccess: true, publicAccessCidrs: [], privateAccessCidrs: [] } }), "platform:cluster.endpoint.publicAccessCidrs");
  });

  it("a node group mixing Graviton and x86_64 instance types (one AMI type per managed node group)", async () => {
    const line = await rejected("dev", config("dev", app({ instanceTypes: ["t3.large", "t4g.large"] })), "platform:cluster.nodeGroups.application.instanceTypes");
    assert.match(line, /got \["t3\.large","t4g\.large"\]; allowed: instance types of one architecture: all Graviton \(arm64/);
  });

  it("prod without its own system node group", async () => {
    const groups = { system: { enabled: false }, application: {}, gpu: {} };
    const line = await rejected("prod", config("prod", { nodeGroups: groups }), "platform:cluster.nodeGroups.system.enabled");
    assert.match(line, /got false; allowed: true when profile is prod: critical add-ons run on their own on-demand nodes/);
  });

  it("Spot capacity in prod", async () => {
    const line = await rejected("prod", config("prod", app({ capacityType: "SPOT" })), "platform:cluster.nodeGroups.application.capacityType");
    assert.match(line, /Spot is allowed in dev only/);
  });

  it("prod without deletion protection or immutable tags", async () => {
    const cfg = config("prod", { deletionProtection: false, registry: { immutableTags: false } });
    await rejected("prod", cfg, "platform:cluster.deletionProtection");
    await rejected("prod", cfg, "platform:cluster.registry.immutableTags");
  });

  it("a GPU service without the GPU node group", async () => {
    const svcs = services("dev").map((s) => (s.name === "ai-service" ? { ...s, gpu: true } : s));
    await rejected("dev", config("dev", {}, { "platform:services": svcs }), "platform:services[3].gpu");
  });

  it("a service whose IAM role name would pass IAM's 64 characters", async () => {
    const svcs = [...services("dev"), { ...services("dev")[0], name: "document-ingestion-pipeline-svc", routePath: "/api/ingest/*" }];
    const line = await rejected("dev", config("dev", {}, { "platform:name": "medsearch-sister", "platform:services": svcs }), "platform:services[7].name");
    assert.match(line, /IAM's 64/);
  });

  it("a service in a namespace reserved for the cluster", async () => {
    const svcs = services("dev").map((s) => (s.name === "frontend" ? { ...s, namespace: "kube-system" } : s));
    await rejected("dev", config("dev", {}, { "platform:services": svcs }), "platform:services[6].namespace");
  });

  it("an add-on version that is neither a build nor default", async () => {
    const base = JSON.parse(readStackFile(join(ROOT, "Pulumi.dev.yaml"))["platform:cluster"]);
    await rejected("dev", config("dev", { addons: { ...base.addons, coredns: "latest" } }), "platform:cluster.addons.coredns");
  });
});

describe("cluster config: variants", () => {
  it("a stack without platform:cluster gets no cluster", async () => {
    const cfg = readStackFile(join(ROOT, "Pulumi.dev.yaml"));
    // The runner exists only to reach an EKS API, so it goes with the cluster (platform:deploy rules).
    delete cfg["platform:cluster"];
    delete cfg["platform:deploy"];
    const p = await planConfig("dev", cfg);
    assert.equal(p.error, undefined, p.error?.message);
    assert.deepEqual(p.resources.filter((r) => r.type.startsWith("eks:") || r.type.startsWith("kubernetes:") || r.type.startsWith("aws:ecr")), []);
    assert.equal(p.outputs.cluster, undefined);
    assert.equal(p.steps.kubernetes, undefined, "no Kubernetes step");
  });

  it("dev may open the public endpoint to allow-listed CIDRs, and the policy pack accepts it there", async () => {
    const p = await planConfig("dev", config("dev", { endpoint: { publicAccess: true, publicAccessCidrs: ["203.0.113.0/24"], privateAccessCidrs: [] } }));
    assert.equal(p.error, undefined, p.error?.message);
    const c = one(p, "eks:index:Cluster").inputs;
    assert.deepEqual([c.endpointPublicAccess, c.publicAccessCidrs, c.endpointPrivateAccess], [true, ["203.0.113.0/24"], true]);
    assert.deepEqual(mandatory(p), []);
  });

  it("a pack config naming the networks allowed to reach the public endpoint catches one outside them, on the eks component's arguments", async () => {
    const p = await planConfig("dev", config("dev", { endpoint: { publicAccess: true, publicAccessCidrs: ["203.0.113.0/24", "198.51.100.0/24"], privateAccessCidrs: [] } }));
    assert.equal(p.error, undefined, p.error?.message);
    const pack = { ...readPackConfig(join(ROOT, "policy-pack", "config", "dev.json")), "eks-disallow-public-endpoint": { allowedPublicAccessCidrs: ["203.0.113.0/24"] } };
    const found = (await runPolicies(policies, p.resources, pack)).filter((v) => v.level === "mandatory");
    assert.deepEqual(found.map((v) => [v.policy, v.urn, v.message]), [[
      "eks-disallow-public-endpoint", one(p, "eks:index:Cluster").urn,
      "EKS API endpoint admits 198.51.100.0/24, outside the networks the policy allows (203.0.113.0/24); list only networks within them in publicAccessCidrs.",
    ]]);
  });

  it("admits a runner's network to the private endpoint on 443 through the EKS cluster security group", async () => {
    const p = await planConfig("prod", config("prod", { endpoint: { publicAccess: false, publicAccessCidrs: [], privateAccessCidrs: ["10.0.96.0/24"] } }));
    // The edge adds its own rules (ALB to the services); this one is the cluster's.
    const rule = one(p, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "medsearch-cluster-api-private-1");
    assert.deepEqual([rule.inputs.cidrIpv4, rule.inputs.ipProtocol, rule.inputs.fromPort, rule.inputs.toPort], ["10.0.96.0/24", "tcp", 443, 443]);
    assert.equal(rule.inputs.securityGroupId, one(p, "eks:index:Cluster").outputs.clusterSecurityGroupId);
  });

  it("adds admin principals as access entries with the cluster-admin policy", async () => {
    const arn = "arn:aws:iam::123456789012:role/platform-admin";
    const p = await planConfig("prod", config("prod", { adminPrincipalArns: [arn] }));
    assert.deepEqual(one(p, "eks:index:Cluster").inputs.accessEntries, {
      "admin-1": { principalArn: arn, accessPolicies: { admin: { policyArn: "arn:aws:eks::aws:cluster-access-policy/AmazonEKSClusterAdminPolicy", accessScope: { type: "cluster" } } } },
    });
  });

  it("dev's system group, when turned on, runs the add-ons on one Graviton Spot node on the ARM_64 AMI, tainted for them", async () => {
    const p = await planConfig("dev", config("dev", { nodeGroups: { system: { enabled: true }, application: {}, gpu: {} } }));
    assert.equal(p.error, undefined, p.error?.message);
    const system = one(p, "eks:index:ManagedNodeGroup", "medsearch-cluster-system-nodes").inputs;
    assert.deepEqual([system.instanceTypes, system.capacityType, system.amiType, system.scalingConfig],
      [["t4g.medium"], "SPOT", "AL2023_ARM_64_STANDARD", { minSize: 1, desiredSize: 1, maxSize: 2 }]);
    assert.deepEqual(system.taints, [{ key: "CriticalAddonsOnly", value: "true", effect: "NO_SCHEDULE" }]);
    assert.deepEqual(mandatory(p), []);
  });

  it("an enabled GPU group runs the AL2023 NVIDIA AMI, tainted, with the same launch template guarantees", async () => {
    const base = JSON.parse(readStackFile(join(ROOT, "Pulumi.prod.yaml"))["platform:cluster"]);
    const p = await planConfig("prod", config("prod", { nodeGroups: { ...base.nodeGroups, gpu: { enabled: true } } }));
    assert.equal(p.error, undefined, p.error?.message);
    const gpu = one(p, "eks:index:ManagedNodeGroup", "medsearch-cluster-gpu-nodes").inputs;
    assert.equal(gpu.amiType, "AL2023_x86_64_NVIDIA");
    assert.deepEqual(gpu.taints, [{ key: "nvidia.com/gpu", value: "true", effect: "NO_SCHEDULE" }]);
    const lt = ofType(p, "aws:ec2/launchTemplate:LaunchTemplate").find((t) => t.outputs.id === gpu.launchTemplate.id)!;
    assert.equal(lt.inputs.metadataOptions.httpTokens, "required");
    assert.deepEqual(mandatory(p), []);
  });

  describe("Karpenter instead of the Cluster Autoscaler", () => {
    let p: Planned;
    before(async () => {
      const base = JSON.parse(readStackFile(join(ROOT, "Pulumi.prod.yaml"))["platform:cluster"]);
      p = await planConfig("prod", config("prod", { autoscaler: { ...base.autoscaler, kind: "karpenter" } }));
      assert.equal(p.error, undefined, p.error?.message);
    });

    it("installs Karpenter, not the Cluster Autoscaler, with zero mandatory violations", () => {
      const releases = ofType(p, "kubernetes:helm.sh/v3:Release").map((r) => r.inputs.name).sort();
      assert.deepEqual(releases, ["aws-load-balancer-controller", "karpenter"]);
      assert.deepEqual(mandatory(p), []);
    });

    it("gives its nodes IMDSv2 with hop limit 2, encrypted gp3 volumes, private subnets and the cluster security group", () => {
      const spec = one(p, "kubernetes:karpenter.k8s.aws/v1:EC2NodeClass").inputs.spec;
      assert.equal(spec.metadataOptions.httpTokens, "required");
      assert.equal(spec.metadataOptions.httpPutResponseHopLimit, 2);
      assert.equal(spec.blockDeviceMappings[0].ebs.encrypted, true);
      assert.equal(spec.blockDeviceMappings[0].ebs.kmsKeyID, one(p, "aws:kms/key:Key", "medsearch-keys-data").outputs.arn);
      assert.deepEqual(spec.subnetSelectorTerms, one(p, "awsx:ec2:Vpc").outputs.privateSubnetIds.map((id: string) => ({ id })));
      assert.deepEqual(spec.securityGroupSelectorTerms, [{ id: p.outputs.cluster.nodeSecurityGroupId }]);
    });

    it("scopes the controller to this cluster and drains on interruption events from an encrypted queue", () => {
      const queue = one(p, "aws:sqs/queue:Queue");
      assert.equal(queue.inputs.sqsManagedSseEnabled, true);
      // The cluster's four interruption rules; the monitoring tier adds its own (the daily report).
      assert.equal(ofType(p, "aws:cloudwatch/eventRule:EventRule").filter((r) => r.urn.includes("platform:cluster:Cluster")).length, 4);
      const policy = JSON.parse(one(p, "aws:iam/rolePolicy:RolePolicy", "medsearch-cluster-irsa-karpenter").inputs.policy);
      const del = policy.Statement.find((s: any) => [s.Action].flat().includes("ec2:TerminateInstances"));
      assert.deepEqual(del.Condition.StringEquals, { "aws:ResourceTag/kubernetes.io/cluster/medsearch-prod": "owned" });
      assert.equal(one(p, "aws:eks/accessEntry:AccessEntry").inputs.type, "EC2_LINUX");
      const pool = one(p, "kubernetes:karpenter.sh/v1:NodePool").inputs.spec;
      assert.deepEqual(pool.template.spec.requirements[0].values, ["on-demand"]);
    });

    it("launches nodes of the application group's families and architecture (x86_64 t3 in prod)", () => {
      const req = Object.fromEntries(one(p, "kubernetes:karpenter.sh/v1:NodePool").inputs.spec.template.spec.requirements.map((r: Json) => [r.key, r.values]));
      assert.deepEqual([req["karpenter.k8s.aws/instance-family"], req["kubernetes.io/arch"]], [["t3"], ["amd64"]]);
    });

    it("follows a Graviton application group to arm64 (dev's t4g/m6g), so its nodes run the same images", async () => {
      const base = JSON.parse(readStackFile(join(ROOT, "Pulumi.dev.yaml"))["platform:cluster"]);
      const dev = await planConfig("dev", config("dev", { autoscaler: { ...(base.autoscaler ?? {}), kind: "karpenter" } }));
      assert.equal(dev.error, undefined, dev.error?.message);
      const req = Object.fromEntries(one(dev, "kubernetes:karpenter.sh/v1:NodePool").inputs.spec.template.spec.requirements.map((r: Json) => [r.key, r.values]));
      assert.deepEqual([req["karpenter.k8s.aws/instance-family"], req["kubernetes.io/arch"], req["karpenter.sh/capacity-type"]], [["t4g", "m6g"], ["arm64"], ["spot", "on-demand"]]);
    });
  });
});
