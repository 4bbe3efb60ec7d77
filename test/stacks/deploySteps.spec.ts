/**
 * The order of a first deployment, walked offline for dev and prod (issue 14): the Kubernetes step
 * refused before the AWS step has run; the AWS step with no Kubernetes object and with the runner;
 * the Kubernetes step with every Kubernetes object; and the two together equal to the single program
 * they replace, as multisets of (type, name), leaving out pulumi:* resources, StackReferences and
 * the runner.
 */
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { policies } from "../../policy-pack/policies";
import { readPackConfig, runPolicies } from "../../offline/policyRunner";
import type { RecordedResource } from "../../offline/recorder";
import type { StackRun } from "../../offline/runStack";
import { readStackFile } from "../../offline/stackFile";
import { STACK_REFERENCE_TYPE } from "../../offline/mockCloud";
import { estimateStack } from "../../offline/cost/stackCost";
import { runAwsStep, runKubernetesStep } from "../../offline/steps";
import { ConfigError } from "../../stacks/config/problems";
import { SINGLE_PROGRAM } from "../fixtures/singleProgram";
import { ROOT } from "../helpers";

const WRAPPERS = ["platform:cluster:ClusterControllers", "platform:cluster:KubernetesWorkloads", "platform:edge:TargetBindings"];
const key = (r: RecordedResource) => `${r.type} ${r.name}`;
const isKubernetes = (r: RecordedResource) => r.type.startsWith("kubernetes:") || r.type === "pulumi:providers:kubernetes";

/** The runner: its component, everything under it, and the rules that admit its security group. */
function runnerResources(run: StackRun): Set<RecordedResource> {
  const runner = run.resources.find((r) => r.type === "platform:deploy:Runner");
  if (!runner) return new Set();
  const inside = new Set([runner]);
  for (const r of run.resources) if (r.parent && [...inside].some((p) => p.urn === r.parent)) inside.add(r);
  const sg = [...inside].find((r) => r.type === "aws:ec2/securityGroup:SecurityGroup")!;
  for (const r of run.resources) if (r.inputs.referencedSecurityGroupId === sg.id) inside.add(r);
  return inside;
}

const sorted = (xs: Iterable<string>) => [...xs].sort();

for (const stack of ["dev", "prod"] as const) {
  describe(`deployment order (${stack})`, () => {
    const config = readStackFile(join(ROOT, `Pulumi.${stack}.yaml`));
    const pack = readPackConfig(join(ROOT, "policy-pack", "config", `${config["platform:profile"]}.json`));
    let early: StackRun;
    let aws: StackRun;
    let kubernetes: StackRun;

    before(async () => {
      // One at a time: the Pulumi runtime is process-global.
      early = await runKubernetesStep({ stack, config });
      aws = await runAwsStep({ stack, config });
      kubernetes = await runKubernetesStep({ stack, config, aws: aws.outputs });
      assert.equal(aws.error, undefined, aws.error?.message);
      assert.equal(kubernetes.error, undefined, kubernetes.error?.message);
    });

    it("refuses the Kubernetes step before the AWS step has run, naming the key and the next step, and creates no Kubernetes object", () => {
      assert.ok(early.error instanceof ConfigError, String(early.error));
      assert.match(early.error.message, /platform:cluster\.enabled: got true; allowed: a cluster the AWS step has deployed: stack organization\/platform\/(dev|prod) has no `kubernetesStep` output/);
      assert.ok(early.error.message.includes(`Next: run the AWS step (\`npm run up -- --stack ${stack}\`)`), early.error.message);
      assert.deepEqual(early.resources.filter(isKubernetes), []);
    });

    it("plans the AWS step with no Kubernetes object and with the runner, at zero mandatory violations", async () => {
      assert.deepEqual(aws.resources.filter(isKubernetes).map(key), []);
      const runner = aws.resources.find((r) => r.type === "platform:deploy:Runner");
      assert.ok(runner, "the runner");
      const runnerTypes = sorted(new Set([...runnerResources(aws)].map((r) => r.type)));
      assert.deepEqual(runnerTypes, sorted(["platform:deploy:Runner", "aws:ec2/securityGroup:SecurityGroup", "aws:cloudwatch/logGroup:LogGroup", "aws:iam/role:Role", "aws:iam/rolePolicy:RolePolicy",
        "aws:codebuild/project:Project", "aws:codebuild/webhook:Webhook", "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule"]));
      assert.deepEqual((await runPolicies(policies, aws.resources, pack)).filter((v) => v.level === "mandatory"), []);
    });

    it("plans the Kubernetes step with every Kubernetes object, on one provider from the AWS step's kubeconfig, at zero mandatory violations", async () => {
      const objects = kubernetes.resources.filter((r) => r.type.startsWith("kubernetes:"));
      assert.deepEqual(sorted(objects.map(key)), SINGLE_PROGRAM[stack].filter((k) => k.startsWith("kubernetes:")));
      const provider = kubernetes.resources.filter((r) => r.type === "pulumi:providers:kubernetes");
      assert.equal(provider.length, 1);
      for (const r of objects) assert.equal(r.provider?.urn, provider[0].urn, r.name);
      assert.equal(JSON.parse(provider[0].inputs.kubeconfig.value).clusters[0].cluster.server, JSON.parse(aws.outputs.cluster.kubeconfig).clusters[0].cluster.server);
      // Nothing else: no AWS resource, only the objects, their wrappers, the stack and the reference.
      const other = kubernetes.resources.filter((r) => !r.type.startsWith("kubernetes:") && !r.type.startsWith("pulumi:") && !WRAPPERS.includes(r.type));
      assert.deepEqual(other.map(key), []);
      assert.deepEqual((await runPolicies(policies, kubernetes.resources, pack)).filter((v) => v.level === "mandatory"), []);
    });

    it("prices the deployment in the AWS step: the Kubernetes step adds no priced or unpriced item, and the Budget is the AWS step's", () => {
      const [own, both, first] = [kubernetes.resources, [...aws.resources, ...kubernetes.resources], aws.resources].map((rs) => estimateStack(rs, config, stack));
      assert.deepEqual([own.monthlyTotal, own.items, own.unpriced], [0, [], []]);
      assert.deepEqual(both, first);
      assert.ok(first.monthlyTotal > 0);
      assert.equal(kubernetes.resources.filter((r) => r.type === "aws:budgets/budget:Budget").length, 0);
      assert.equal(aws.resources.filter((r) => r.type === "aws:budgets/budget:Budget").length, 1);
    });

    it("registers, across both steps, exactly today's resources as multisets of (type, name), apart from pulumi:*, StackReferences, the runner and the new wrappers", () => {
      const runner = runnerResources(aws);
      const both = [...aws.resources, ...kubernetes.resources]
        .filter((r) => !r.type.startsWith("pulumi:") && r.type !== STACK_REFERENCE_TYPE && !runner.has(r));
      const wrappers = both.filter((r) => WRAPPERS.includes(r.type));
      assert.deepEqual(sorted(wrappers.map(key)), sorted([`platform:cluster:ClusterControllers medsearch-cluster`, `platform:cluster:KubernetesWorkloads medsearch-workloads`, `platform:edge:TargetBindings medsearch-edge`]));
      // Multisets: sorted lists with repeats kept.
      assert.deepEqual(sorted(both.filter((r) => !WRAPPERS.includes(r.type)).map(key)), [...SINGLE_PROGRAM[stack]]);
    });

    it("refuses a Kubernetes step whose config names the runner before the AWS step has created it", async () => {
      const withoutRunner = { ...config, "platform:deploy": JSON.stringify({ runner: { enabled: false } }), "platform:cluster": JSON.stringify({ ...JSON.parse(config["platform:cluster"]), endpoint: { publicAccess: false, publicAccessCidrs: [], privateAccessCidrs: ["10.20.0.0/16"] } }) };
      const old = await runAwsStep({ stack, config: withoutRunner });
      assert.equal(old.error, undefined, old.error?.message);
      const run = await runKubernetesStep({ stack, config, aws: old.outputs });
      assert.ok(run.error instanceof ConfigError, String(run.error));
      assert.match(run.error.message, /platform:deploy\.runner\.enabled: got \["runner"\]; allowed: a route to the API the AWS step has created: stack organization\/platform\/\w+ has privateAccessCidrs\. Next: run the AWS step/);
      assert.ok(run.error.message.includes("then this step again on the runner"));
      assert.deepEqual(run.resources.filter(isKubernetes), []);
    });
  });
}
