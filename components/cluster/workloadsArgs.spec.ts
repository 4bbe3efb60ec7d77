/**
 * Workloads' and KubernetesWorkloads' arguments resolved against their presets, and every rule they
 * are held to, each with a failing case.
 */
import { strict as assert } from "node:assert";
import fc from "fast-check";
import { KUBERNETES_WORKLOADS_DEFAULTS, WORKLOADS_DEFAULTS } from "./presets";
import type { KubernetesWorkloadsArgs } from "./kubernetesWorkloads";
import type { WorkloadsArgs } from "./serviceWorkloads";
import type { WorkloadService } from "./workloads";
import {
  DNS_LABEL, ECR_REPOSITORY_NAME, checkKubernetesWorkloadsArgs, referenceProblems, resolveKubernetesWorkloadsArgs, resolveWorkloadsArgs, servicesWithoutRoles,
} from "./workloadsArgs";
import { problemFields } from "../../test/argProblems";

const oidc = {} as WorkloadsArgs["oidc"];
const api: WorkloadService = { name: "api", namespace: "orders", buckets: [], secrets: [], queues: [], replicas: { min: 2, max: 6 } };
const base: WorkloadsArgs = { clusterName: "orders", oidc, kmsKeyArns: { data: "d", secrets: "s" }, services: [api] };

describe("resolveWorkloadsArgs", () => {
  it("fills the registry from WORKLOADS_DEFAULTS and each ARN map with {}", () => {
    const r = resolveWorkloadsArgs("w", base);
    assert.deepEqual([r.registry, r.bucketArns, r.secretArns, r.queueArns], [WORKLOADS_DEFAULTS.registry, {}, {}, {}]);
  });

  const cases: Array<[string, Partial<WorkloadsArgs>, string[]]> = [
    ["a registry keeping no images", { registry: { ...WORKLOADS_DEFAULTS.registry, keepImages: 0 } }, ["registry.keepImages"]],
    ["untagged images kept over a year", { registry: { ...WORKLOADS_DEFAULTS.registry, untaggedExpiryDays: 400 } }, ["registry.untaggedExpiryDays"]],
    ["a service listed twice", { services: [api, api] }, ["services[1].name"]],
    ["a cluster name ECR would refuse in a repository name", { clusterName: "Orders" }, ["clusterName"]],
    ["a queue no map holds", { services: [{ ...api, queues: ["jobs"] }], queueArns: { job: "arn:aws:sqs:us-west-2:123456789012:job" } }, ["services[0].queues[0]"]],
  ];
  for (const [what, over, expected] of cases) {
    it(`refuses ${what}`, () => assert.deepEqual(problemFields(() => resolveWorkloadsArgs("w", { ...base, ...over })), expected));
  }

  it("names the nearest reference the maps hold", () => {
    const [p] = referenceProblems([{ ...api, secrets: ["databse"] }], { bucketArns: {}, secretArns: { database: "a", cache: "b" }, queueArns: {} });
    assert.deepEqual([p.field, p.value, p.suggestions], ["services[0].secrets[0]", "databse", ["database"]]);
  });

  it("finds every reference a map lacks, and none the maps hold", () => {
    const name = fc.stringMatching(/^[a-z]{1,6}$/);
    fc.assert(fc.property(fc.uniqueArray(name, { maxLength: 5 }), fc.uniqueArray(name, { maxLength: 5 }), (named, held) => {
      const service = { ...api, buckets: named.map((n) => ({ name: n, access: "read" as const })) };
      const missing = referenceProblems([service], { bucketArns: Object.fromEntries(held.map((h) => [h, "arn"])), secretArns: {}, queueArns: {} }).map((p) => p.value);
      assert.deepEqual(missing, named.filter((n) => !held.includes(n)));
    }));
  });

  it("accepts as repository names what ECR's pattern accepts", () => {
    for (const ok of ["orders/api", "medsearch-prod/search-service", "a.b/c_d"]) assert.ok(ECR_REPOSITORY_NAME.test(ok), ok);
    for (const bad of ["Orders/api", "orders//api", "orders/-api", "o", `${"a".repeat(251)}/api-x`]) assert.ok(!ECR_REPOSITORY_NAME.test(bad), bad);
  });
});

describe("resolveKubernetesWorkloadsArgs", () => {
  const k: KubernetesWorkloadsArgs = { provider: {} as never, services: [api], serviceRoleArns: { api: "arn" } };

  it("fills the CPU target from KUBERNETES_WORKLOADS_DEFAULTS and keeps one given", () => {
    assert.equal(resolveKubernetesWorkloadsArgs("k", k).podCpuTargetPercent, KUBERNETES_WORKLOADS_DEFAULTS.podCpuTargetPercent);
    assert.equal(resolveKubernetesWorkloadsArgs("k", { ...k, podCpuTargetPercent: 55 }).podCpuTargetPercent, 55);
  });

  it("accepts exactly the integer targets from 10 to 100", () => {
    fc.assert(fc.property(fc.integer({ min: -50, max: 200 }), (t) => {
      const ok = checkKubernetesWorkloadsArgs({ ...k, podCpuTargetPercent: t }).length === 0;
      assert.equal(ok, t >= 10 && t <= 100);
    }));
    assert.deepEqual(checkKubernetesWorkloadsArgs({ ...k, podCpuTargetPercent: 70.5 }).map((p) => p.field), ["podCpuTargetPercent"]);
  });

  const cases: Array<[string, Partial<KubernetesWorkloadsArgs>, string[]]> = [
    ["a service without a role", { serviceRoleArns: {} }, ["serviceRoleArns"]],
    ["an HPA with no pods", { services: [{ ...api, replicas: { min: 0, max: 2 } }] }, ["services[0].replicas.min"]],
    ["a maximum below the minimum", { services: [{ ...api, replicas: { min: 3, max: 2 } }] }, ["services[0].replicas.max"]],
    ["a service name Kubernetes would refuse", { services: [{ ...api, name: "API" }], serviceRoleArns: { API: "arn" } }, ["services[0].name"]],
    ["a namespace Kubernetes would refuse", { services: [{ ...api, namespace: "-orders" }] }, ["services[0].namespace"]],
  ];
  for (const [what, over, expected] of cases) {
    it(`refuses ${what}`, () => assert.deepEqual(problemFields(() => resolveKubernetesWorkloadsArgs("k", { ...k, ...over })), expected));
  }

  it("lists the services without roles in their order", () => {
    assert.deepEqual(servicesWithoutRoles([api, { ...api, name: "b" }, { ...api, name: "c" }], { b: "arn" }), ["api", "c"]);
  });

  it("takes a 63-character label and refuses a 64-character one", () => {
    assert.ok(DNS_LABEL.test("a".repeat(63)) && !DNS_LABEL.test("a".repeat(64)));
  });
});
