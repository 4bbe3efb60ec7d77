/**
 * KubernetesWorkloads on its own, as another team's program would build it: a Kubernetes provider,
 * the services and their roles; the CPU target from KUBERNETES_WORKLOADS_DEFAULTS. Each secure
 * default is read off the recorded objects.
 */
import { strict as assert } from "node:assert";
import * as k8s from "@pulumi/kubernetes";
import { MOCK_ACCOUNT_ID } from "../../offline/ids";
import { Planned, ofType } from "../../test/helpers";
import { standalone } from "../../test/standalone";
import { KubernetesService, KubernetesWorkloads, KubernetesWorkloadsArgs } from "./kubernetesWorkloads";
import { KUBERNETES_WORKLOADS_DEFAULTS } from "./presets";

const services: KubernetesService[] = [
  { name: "api", namespace: "orders", replicas: { min: 2, max: 6 } },
  { name: "worker", namespace: "orders", replicas: { min: 1, max: 3 } },
];
const roleArn = (s: string) => `arn:aws:iam::${MOCK_ACCOUNT_ID}:role/orders-workloads-svc-${s}-abc1234`;
const serviceRoleArns = { api: roleArn("api"), worker: roleArn("worker") };

const run = (over: Partial<KubernetesWorkloadsArgs> = {}) => standalone((opts) => {
  const provider = new k8s.Provider("orders-k8s", { kubeconfig: "{}" });
  new KubernetesWorkloads("orders-workloads", { provider, services, serviceRoleArns, ...over }, opts);
});

describe("KubernetesWorkloads standalone", () => {
  let p: Planned;
  before(async () => {
    p = await run();
    assert.equal(p.error, undefined, p.error?.message);
  });
  const policies = () => ofType(p, "kubernetes:networking.k8s.io/v1:NetworkPolicy").map((r) => r.inputs);

  it("makes one namespace per workload group, enforcing, auditing and warning on the restricted Pod Security Standard", () => {
    const ns = ofType(p, "kubernetes:core/v1:Namespace");
    assert.equal(ns.length, 1);
    const labels = ns[0].inputs.metadata.labels;
    assert.equal(ns[0].inputs.metadata.name, "orders");
    for (const mode of ["enforce", "audit", "warn"]) assert.equal(labels[`pod-security.kubernetes.io/${mode}`], "restricted", mode);
  });

  it("denies all ingress and egress in the namespace by default, DNS to kube-dns the only exception", () => {
    const deny = policies().find((n) => n.metadata.name === "default-deny-all")!;
    assert.deepEqual(deny.spec, { podSelector: {}, policyTypes: ["Ingress", "Egress"] });
    const dns = policies().find((n) => n.metadata.name === "allow-dns-egress")!;
    assert.deepEqual([dns.spec.policyTypes, dns.spec.ingress], [["Egress"], undefined]);
    assert.deepEqual(dns.spec.egress[0].ports, [{ protocol: "UDP", port: 53 }, { protocol: "TCP", port: 53 }]);
    assert.deepEqual(dns.spec.egress[0].to[0].podSelector, { matchLabels: { "k8s-app": "kube-dns" } });
    assert.equal(policies().length, 2);
  });

  it("binds each service's account to its own role ARN", () => {
    const accounts = ofType(p, "kubernetes:core/v1:ServiceAccount").map((r) => r.inputs.metadata);
    assert.deepEqual(accounts.map((m) => [m.name, m.namespace, m.annotations["eks.amazonaws.com/role-arn"]]), [
      ["api", "orders", roleArn("api")], ["worker", "orders", roleArn("worker")],
    ]);
  });

  it("holds each HPA at the default CPU target (70 %) between the service's replica bounds", () => {
    const hpas = ofType(p, "kubernetes:autoscaling/v2:HorizontalPodAutoscaler").map((r) => r.inputs.spec);
    assert.equal(KUBERNETES_WORKLOADS_DEFAULTS.podCpuTargetPercent, 70);
    assert.deepEqual(hpas.map((h) => [h.scaleTargetRef.name, h.minReplicas, h.maxReplicas, h.metrics[0].resource.target.averageUtilization]), [
      ["api", 2, 6, 70], ["worker", 1, 3, 70],
    ]);
  });

  it("creates nothing when a service has no role: its pods would run with no AWS identity", async () => {
    const bad = await run({ serviceRoleArns: { api: roleArn("api") } });
    assert.match(bad.error!.message, /^orders-workloads: serviceRoleArns: got \["api"\]; allowed: a role ARN for every service; none for worker/);
    assert.equal(bad.resources.filter((r) => r.type.startsWith("kubernetes:")).length, 0);
  });

  it("refuses a CPU target outside 10..100, an HPA without pods and a namespace Kubernetes would reject, all at once", async () => {
    const bad = await run({ podCpuTargetPercent: 5, services: [{ name: "api", namespace: "Orders", replicas: { min: 0, max: 3 } }], serviceRoleArns });
    const message = bad.error!.message;
    assert.match(message, /podCpuTargetPercent: got 5; allowed: an integer from 10 to 100/);
    assert.match(message, /services\[0\]\.namespace: got "Orders"; allowed: an RFC 1123 label/);
    assert.match(message, /services\[0\]\.replicas\.min: got 0; allowed: an integer of at least 1/);
  });
});
