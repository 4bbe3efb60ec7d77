/**
 * The KubernetesWorkloads component on its own: namespaces sealed by default, each service's account
 * bound to the role the Workloads component made, its HPA; and nothing at all without those roles.
 */
import { strict as assert } from "node:assert";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { runComponent } from "../../offline/runStack";
import { KubernetesService, KubernetesWorkloads, servicesWithoutRoles } from "./kubernetesWorkloads";

const services: KubernetesService[] = [
  { name: "search-service", namespace: "search", replicas: { min: 2, max: 20 } },
  { name: "user-service", namespace: "core", replicas: { min: 2, max: 10 } },
  { name: "content-service", namespace: "core", replicas: { min: 1, max: 3 } },
];
const roles = Object.fromEntries(services.map((s) => [s.name, `arn:aws:iam::123456789012:role/medsearch-workloads-svc-${s.name}-abc1234`]));

const resolved = (o: pulumi.Output<string>) => new Promise<string>((resolve) => o.apply(resolve));

const build = (over: { serviceRoleArns?: Record<string, string>; podCpuTargetPercent?: number } = {}) => runComponent(async () => {
  const provider = new k8s.Provider("test-k8s", { kubeconfig: "{}" });
  new KubernetesWorkloads("medsearch-workloads", { provider, services, serviceRoleArns: over.serviceRoleArns ?? roles, podCpuTargetPercent: over.podCpuTargetPercent ?? 70 });
});

describe("KubernetesWorkloads component", function () {
  this.timeout(60000);

  it("makes one namespace per workload group and binds each service account to its role", async () => {
    const run = await build();
    assert.equal(run.error, undefined, run.error?.message);
    assert.deepEqual(run.resources.filter((r) => r.type === "kubernetes:core/v1:Namespace").map((r) => r.inputs.metadata.name), ["search", "core"]);
    for (const s of services) {
      const sa = run.resources.find((r) => r.name === `medsearch-workloads-sa-${s.name}`)!;
      assert.equal(sa.inputs.metadata.namespace, s.namespace);
      assert.equal(sa.inputs.metadata.annotations["eks.amazonaws.com/role-arn"], roles[s.name]);
      assert.equal(sa.provider?.name, "test-k8s");
    }
  });

  it("holds every service's HPA at the configured CPU target, between the service's replica bounds", async () => {
    const run = await build({ podCpuTargetPercent: 55 });
    const hpa = run.resources.find((r) => r.type === "kubernetes:autoscaling/v2:HorizontalPodAutoscaler" && r.name === "medsearch-workloads-hpa-search-service")!.inputs;
    assert.deepEqual([hpa.spec.minReplicas, hpa.spec.maxReplicas], [2, 20]);
    assert.deepEqual(hpa.spec.metrics, [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 55 } } }]);
  });

  it("creates nothing, naming each service, when a service has no role", async () => {
    assert.deepEqual(servicesWithoutRoles(services, { "user-service": "arn" }), ["search-service", "content-service"]);
    const run = await build({ serviceRoleArns: { "user-service": roles["user-service"] } });
    assert.match(run.error!.message, /serviceRoleArns: got \["user-service"\]; allowed: a role ARN for every service; none for search-service, content-service: create the Workloads component \(the AWS step\)/);
    assert.ok(!run.resources.some((r) => r.type.startsWith("kubernetes:")));
  });

  it("parents every object to itself, each aliased to the stack root and to the Workloads component it left", async () => {
    const aliases = new Map<string, pulumi.Alias[]>();
    const run = await runComponent(async () => {
      pulumi.runtime.registerStackTransformation((a) => {
        if (a.type.startsWith("kubernetes:")) aliases.set(a.name, (a.opts.aliases ?? []) as pulumi.Alias[]);
        return undefined;
      });
      const provider = new k8s.Provider("test-k8s", { kubeconfig: "{}" });
      new KubernetesWorkloads("medsearch-workloads", { provider, services, serviceRoleArns: roles, podCpuTargetPercent: 70 });
    });
    const component = run.resources.find((r) => r.type === "platform:cluster:KubernetesWorkloads")!;
    const objects = run.resources.filter((r) => r.type.startsWith("kubernetes:"));
    assert.equal(objects.length, 2 * 3 + 2 * 3);
    for (const r of objects) {
      assert.equal(r.parent, component.urn, r.name);
      const [root, former] = aliases.get(r.name)!;
      assert.equal(root.parent, pulumi.rootStackResource, r.name);
      assert.equal(await resolved(former.parent as pulumi.Output<string>), "urn:pulumi:test::platform::platform:cluster:Workloads::medsearch-workloads");
    }
  });
});
