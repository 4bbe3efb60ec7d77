import { strict as assert } from "node:assert";
import { readPlatformConfig } from "../load";
import type { ConfigProblem } from "../problems";
import { configProblems } from "../testing";
import { EKS_ONLY_KEYS } from "./cluster";
import { routeCovers } from "./services";

const base = {
  "aws:region": "us-east-1",
  "platform:profile": "dev",
  "platform:name": "ecsai",
  "platform:tags": JSON.stringify({ owner: "ai-team", costCenter: "cc-1" }),
};
const json = (o: unknown) => JSON.stringify(o);
const svc = (o: object) => ({
  name: "api", namespace: "apps", port: 8080, replicas: { min: 1, max: 2 }, cpu: 512, memory: 1024, volumes: [], buckets: [], secrets: [], queues: [], ...o,
});
const ecs = (cluster: object = {}, extra: Record<string, string> = {}) => ({ ...base, "platform:cluster": json({ enabled: true, engine: "ecs", ...cluster }), ...extra });
const find = (ps: ConfigProblem[], key: string) => {
  const p = ps.find((x) => x.key === key);
  assert.ok(p, `expected a problem at ${key}; got ${ps.map((x) => x.key).join(", ")}`);
  return p;
};

describe("platform:cluster with engine ecs", () => {
  it("defaults to the EKS engine, and gives ECS profile defaults without a word in the stack file", () => {
    const c = readPlatformConfig(ecs(), "dev");
    assert.equal(c.cluster.engine, "ecs");
    assert.deepEqual(c.cluster.ecs.autoscaling, { cpuTargetPercent: 70, memoryTargetPercent: 80 });
    assert.equal(readPlatformConfig(base, "dev").cluster.engine, "eks");
  });

  it("rejects each EKS-only key the stack file sets, naming it", () => {
    const ps = configProblems(ecs({ kubernetesVersion: "1.35", nodeGroups: {}, endpoint: { publicAccess: false } }));
    for (const k of ["kubernetesVersion", "nodeGroups", "endpoint"]) {
      assert.match(find(ps, `platform:cluster.${k}`).allowed, /no value when engine is ecs: .* configures EKS only/);
    }
  });

  it("holds exactly the chosen engine's keys: ecs with engine ecs, the EKS keys without it", () => {
    const onEcs = readPlatformConfig(ecs(), "dev").cluster;
    assert.deepEqual(Object.keys(onEcs).sort(), ["ecs", "enabled", "engine", "registry"]);
    const onEks = readPlatformConfig(base, "dev").cluster;
    assert.equal("ecs" in onEks, false);
    assert.ok(EKS_ONLY_KEYS.every((k) => k in onEks));
  });

  it("rejects an engine it does not know with one problem, naming the key and both engines", () => {
    const ps = configProblems({ ...base, "platform:cluster": json({ enabled: true, engine: "fargate" }) });
    assert.deepEqual(ps, [{ key: "platform:cluster.engine", value: "fargate", allowed: 'one of "eks", "ecs"' }]);
  });

  it("rejects ecs settings on the EKS engine", () => {
    const ps = configProblems({ ...base, "platform:cluster": json({ enabled: true, ecs: { minSize: 2 } }) });
    assert.match(find(ps, "platform:cluster.ecs").allowed, /no value when engine is eks/);
  });

  it("rejects a capacity whose minimum exceeds its maximum", () => {
    const p = find(configProblems(ecs({ ecs: { minSize: 6, maxSize: 5 } })), "platform:cluster.ecs.minSize");
    assert.equal(p.value, 6);
    assert.match(p.allowed, /at most maxSize \(5\)/);
  });

  it("rejects a task memory below its CPU's Fargate minimum, naming the service's key", () => {
    const p = find(configProblems(ecs({}, { "platform:services": json([svc({ cpu: 1024, memory: 1024 })]) })), "platform:services[0].memory");
    assert.equal(p.value, 1024);
    assert.match(p.allowed, /2048 to 8192 MiB in steps of 1024 with cpu 1024 .*below the minimum/);
  });

  it("accepts any size once Fargate-compatible sizes are turned off", () => {
    const c = readPlatformConfig(ecs({ ecs: { fargateCompatibleSizes: false } }, { "platform:services": json([svc({ cpu: 1024, memory: 1024 })]) }), "dev");
    assert.equal(c.services[0].memory, 1024);
  });

  it("rejects a service name that would push its role names past IAM's 64 characters", () => {
    const name = "a".repeat(32);
    const p = find(configProblems(ecs({}, { "platform:name": "longsystemname16", "platform:services": json([svc({ name })]) })), "platform:services[0].name");
    assert.match(p.allowed, /at most 21 characters with platform:name "longsystemname16" and engine ecs/);
  });

  it("rejects a GPU service, which its single instance type cannot run", () => {
    assert.match(find(configProblems(ecs({}, { "platform:services": json([svc({ gpu: true })]) })), "platform:services[0].gpu").allowed, /false with engine ecs/);
  });

  it("rejects routed services without the edge tier that routes to them", () => {
    const ps = configProblems(ecs({}, { "platform:edge": json({ enabled: false }), "platform:services": json([svc({ routePath: "/api/*" })]) }));
    assert.match(find(ps, "platform:edge.enabled").allowed, /true with engine ecs while services have a routePath \(api\)/);
  });

  it("requires immutable image tags in prod", () => {
    const ps = configProblems(ecs({ registry: { immutableTags: false } }, { "platform:profile": "prod" }));
    assert.match(find(ps, "platform:cluster.registry.immutableTags").allowed, /true when profile is prod/);
  });
});

describe("platform:services routing and environment", () => {
  const routed = (...paths: string[]) => json(paths.map((p, i) => svc({ name: `s${i}`, routePath: p })));

  it("rejects a route an earlier route already covers, naming both", () => {
    const p = find(configProblems({ ...base, "platform:services": routed("/*", "/api/*") }), "platform:services[1].routePath");
    assert.match(p.allowed, /already covered by \/\* of service s0.*list s1 before s0/);
  });

  it("accepts the specific routes first and the catch-all last", () => {
    assert.equal(readPlatformConfig({ ...base, "platform:services": routed("/api/*", "/qdrant/*", "/*") }, "dev").services.length, 3);
  });

  const covers: Array<[string, string, boolean]> = [
    ["/*", "/api/*", true], ["/api/*", "/api/users/*", true], ["/api/*", "/api", false], ["/api/*", "/apiv2/*", false],
    ["/", "/api/*", false], ["/api/users/*", "/api/*", false], ["/a?c/*", "/abc/x", false], ["/x", "/x", true],
  ];
  for (const [by, p, expected] of covers) {
    it(`${by} ${expected ? "covers" : "does not cover"} ${p}`, () => assert.equal(routeCovers(by, p), expected));
  }

  it("rejects a credential in a plain environment variable without echoing its value", () => {
    const p = find(configProblems({ ...base, "platform:services": json([svc({ environment: { DB_PASSWORD: "hunter2", LOG_LEVEL: "info" } })]) }), "platform:services[0].environment.DB_PASSWORD");
    assert.equal(p.value, "(withheld)");
    assert.match(p.allowed, /platform:appSecrets/);
  });
});

describe("platform:appSecrets", () => {
  const secrets = (list: object[], o: object = {}) => ({ "platform:appSecrets": json({ secrets: list, ...o }) });

  it("lets a service read an application secret by name", () => {
    const c = readPlatformConfig({ ...base, ...secrets([{ name: "mongodb-uri", description: "Atlas URI" }]), "platform:services": json([svc({ secrets: ["mongodb-uri"] })]) }, "dev");
    assert.deepEqual(c.services[0].secrets, ["mongodb-uri"]);
    assert.equal(c.appSecrets.recoveryWindowDays, 7);
  });

  it("rejects a service naming a secret nobody creates, listing the application secrets", () => {
    const p = find(configProblems({ ...base, ...secrets([{ name: "mongodb-uri", description: "x" }]), "platform:services": json([svc({ secrets: ["gemini-key"] })]) }), "platform:services[0].secrets[0]");
    assert.match(p.allowed, /platform:appSecrets lists: mongodb-uri/);
  });

  it("rejects a data-tier name and a duplicate", () => {
    const ps = configProblems({ ...base, ...secrets([{ name: "database", description: "x" }, { name: "key-a", description: "x" }, { name: "key-a", description: "y" }]) });
    assert.match(find(ps, "platform:appSecrets.secrets[0].name").allowed, /other than database, cache, messaging/);
    assert.match(find(ps, "platform:appSecrets.secrets[2].name").allowed, /not already used/);
  });

  it("takes who rotates a secret, and refuses a blank one or characters an AWS tag value cannot hold", () => {
    const c = readPlatformConfig({ ...base, ...secrets([{ name: "ml-api-keys", description: "x", rotatedBy: "ml team: new keys at the provider then put-secret-value" }]) }, "dev");
    assert.equal(c.appSecrets.secrets[0].rotatedBy, "ml team: new keys at the provider then put-secret-value");
    for (const bad of ["", "  ", "ml team (quarterly)", "x".repeat(257)]) {
      const p = find(configProblems({ ...base, ...secrets([{ name: "ml-api-keys", description: "x", rotatedBy: bad }]) }), "platform:appSecrets.secrets[0].rotatedBy");
      assert.match(p.allowed, /who rotates it and how: not blank, at most 256 letters, digits, spaces and _ \. : \/ = \+ - @/);
    }
  });

  it("requires protect in prod", () => {
    const ps = configProblems({ ...base, "platform:profile": "prod", ...secrets([], { protect: false }) });
    assert.match(find(ps, "platform:appSecrets.protect").allowed, /true when profile is prod/);
  });
});
