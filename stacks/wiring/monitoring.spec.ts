import { strict as assert } from "node:assert";
import { ConfigError } from "../config/problems";
import fc from "fast-check";
import { alarmInstances } from "../../components/monitoring/instances";
import { DEFAULT_ALARM_SETTINGS } from "../../components/monitoring/settings";
import { readPlatformConfig } from "../config/load";
import type { PlatformConfig } from "../config/schema";
import { EcsMonitoringInput, cacheMemberIds, elbArnSuffix, monitoringTargets, postgresMaxConnections } from "./monitoring";

const service = (name: string) => ({ name, namespace: "app", port: 8080, replicas: { min: 1, max: 3 }, cpu: 512, memory: 1024, volumes: [], buckets: [], secrets: [], queues: [] });

/** A minimal stack on the ECS engine: two internal services, no data tier. */
function ecsConfig(cluster: object = { enabled: true, engine: "ecs" }): PlatformConfig {
  return readPlatformConfig({
    "aws:region": "us-east-1",
    "platform:profile": "dev",
    "platform:name": "ecsai",
    "platform:tags": JSON.stringify({ owner: "ai-team", costCenter: "cc-1" }),
    "platform:cluster": JSON.stringify(cluster),
    "platform:services": JSON.stringify([service("backend"), service("ai-service")]),
    "platform:database": JSON.stringify({ enabled: false }),
    "platform:cache": JSON.stringify({ enabled: false }),
  }, "dev");
}

/** What the lead passes from the ECS component: its cluster name and each service's ECS name. */
const ecsOutputs = (config: PlatformConfig): EcsMonitoringInput => ({
  clusterName: `${config.name}-${config.stack}`,
  serviceNames: Object.fromEntries(config.services.map((s) => [s.name, s.name])),
});

const tiers = (ecs?: EcsMonitoringInput) => ({ data: { secretArns: {} }, buckets: { names: {} }, ...(ecs ? { ecs } : {}) });

describe("monitoring wiring", () => {
  it("takes the ELB dimension from a load balancer or target group ARN", () => {
    assert.equal(elbArnSuffix("arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/medsearch-alb/50dc6c495c0c9188"), "app/medsearch-alb/50dc6c495c0c9188");
    assert.equal(elbArnSuffix("arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/user-tg/73e2d6bc24d8a067"), "targetgroup/user-tg/73e2d6bc24d8a067");
    assert.throws(() => elbArnSuffix("arn:aws:s3:::bucket"), /not a load balancer or target group ARN/);
  });

  it("names one member per node, <group>-NNN without cluster mode and <group>-SSSS-NNN with it, all distinct", () => {
    fc.assert(fc.property(fc.boolean(), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 5 }), (clusterMode, shards, replicasPerShard) => {
      const ids = cacheMemberIds("g", { clusterMode, shards, replicasPerShard });
      assert.equal(ids.length, (clusterMode ? shards : 1) * (1 + replicasPerShard));
      assert.equal(new Set(ids).size, ids.length);
      for (const id of ids) assert.match(id, clusterMode ? /^g-\d{4}-\d{3}$/ : /^g-\d{3}$/);
    }));
    assert.deepEqual(cacheMemberIds("g", { clusterMode: false, shards: 1, replicasPerShard: 1 }), ["g-001", "g-002"]);
    assert.deepEqual(cacheMemberIds("g", { clusterMode: true, shards: 2, replicasPerShard: 1 }), ["g-0001-001", "g-0001-002", "g-0002-001", "g-0002-002"]);
  });

  for (const [instanceClass, expected] of [
    ["db.t3.medium", 450], ["db.t4g.micro", 112], ["db.m6g.large", 901], ["db.r6g.large", 1802], ["db.r5.2xlarge", 5000], ["db.x2g.large", 3604],
  ] as const) {
    it(`sizes max_connections of ${instanceClass} as LEAST(memory/9531392, 5000) = ${expected}`, () => {
      assert.equal(postgresMaxConnections(instanceClass), expected);
    });
  }

  describe("the ECS target (platform:cluster.engine: ecs)", () => {
    it("watches the ECS cluster <name>-<stack> and exactly the services of platform:services, and no EKS cluster", () => {
      const config = ecsConfig();
      const t = monitoringTargets(config, tiers(ecsOutputs(config)));
      assert.deepEqual(t.ecs, { clusterName: "ecsai-dev", serviceNames: { backend: "backend", "ai-service": "ai-service" } });
      assert.equal(t.cluster, undefined);
      const roles = alarmInstances(t, DEFAULT_ALARM_SETTINGS).map((i) => [i.role, i.subject.dimensions]);
      assert.deepEqual(roles, [
        ["ecs-cluster-cpu", { ClusterName: "ecsai-dev" }],
        ["ecs-cluster-memory", { ClusterName: "ecsai-dev" }],
        ["ecs-running-tasks-backend", { ClusterName: "ecsai-dev", ServiceName: "backend" }],
        ["ecs-running-tasks-ai-service", { ClusterName: "ecsai-dev", ServiceName: "ai-service" }],
        ["ecs-service-cpu-backend", { ClusterName: "ecsai-dev", ServiceName: "backend" }],
        ["ecs-service-cpu-ai-service", { ClusterName: "ecsai-dev", ServiceName: "ai-service" }],
      ]);
    });

    it("refuses an ECS stack whose cluster was not passed, so its alarms cannot silently go missing", () => {
      assert.throws(() => monitoringTargets(ecsConfig(), tiers()), /platform:cluster\.engine is ecs, but the ECS cluster's outputs were not passed/);
    });

    it("refuses ECS services that are not exactly those of platform:services", () => {
      const config = ecsConfig();
      const missing = { ...ecsOutputs(config), serviceNames: { backend: "backend" } };
      assert.throws(() => monitoringTargets(config, tiers(missing)), /ECS services passed \(backend\) are not those of platform:services \(ai-service, backend\)/);
    });

    it("has no ECS target on EKS or without the container tier, and refuses one passed there", () => {
      for (const cluster of [{ enabled: true }, { enabled: false, engine: "ecs" }]) {
        const config = ecsConfig(cluster);
        assert.equal(monitoringTargets(config, tiers()).ecs, undefined);
        assert.throws(() => monitoringTargets(config, tiers(ecsOutputs(config))), /an ECS cluster was passed, but platform:cluster is not enabled with engine ecs/);
      }
    });
  });

  it("refuses an instance class it cannot size, naming the key", () => {
    // A config error (the plan exits 2, without a stack trace), not a program failure.
    assert.throws(() => postgresMaxConnections("db.serverless"), (e: unknown) => e instanceof ConfigError && /platform:database\.instanceClass: got "db\.serverless"; allowed:/.test(e.message));
  });
});
