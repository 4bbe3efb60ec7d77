import { strict as assert } from "node:assert";
import { readPlatformConfig } from "./load";
import type { ConfigProblem } from "./problems";
import { configProblems } from "./testing";

const base = {
  "aws:region": "us-west-2",
  "platform:profile": "dev",
  "platform:name": "medsearch",
  "platform:tags": JSON.stringify({ owner: "platform-team", costCenter: "cc-1" }),
};

const net = (o: object) => JSON.stringify(o);

const svc = (name: string, routePath = "/api/*") => ({
  name, namespace: "apps", port: 8080, replicas: { min: 1, max: 3 }, cpu: 256, memory: 512, routePath,
  volumes: [], buckets: [], secrets: [], queues: [],
});

const problems = configProblems;

const keys = (ps: ConfigProblem[]) => ps.map((p) => p.key);

describe("stack config", () => {
  it("fills every knob from the profile when a stack sets only profile, name and tags", () => {
    const c = readPlatformConfig(base, "dev");
    assert.equal(c.network.azCount, 2);
    assert.equal(c.network.natGateways, "instance");
    assert.equal(c.logging.retentionDays, 7);
    assert.equal(c.keys.protect, false);
  });

  it("takes prod's Multi-AZ defaults from the profile key, not the stack name", () => {
    const c = readPlatformConfig({ ...base, "platform:profile": "prod" }, "billion-records");
    assert.equal(c.network.azCount, 3);
    assert.equal(c.network.natGateways, "onePerAz");
    assert.ok(c.logging.auditRetentionDays >= 365);
    assert.equal(c.keys.protect, true);
    assert.ok(c.network.interfaceEndpoints.includes("ecr.dkr"));
  });

  it("merges a partial section over the profile defaults key by key", () => {
    const c = readPlatformConfig({ ...base, "platform:network": net({ cidr: "10.20.0.0/16" }) }, "dev");
    assert.equal(c.network.cidr, "10.20.0.0/16");
    assert.equal(c.network.azCount, 2);
    assert.equal(c.network.subnets.private.prefixLength, 19);
  });

  describe("rejects, naming the key, the value and what is allowed", () => {
    const cases: Array<[string, Record<string, string>, string, RegExp]> = [
      ["an unknown top-level key", { "platform:netwrk": net({}) }, "platform:netwrk", /no such key; known keys are platform:profile/],
      ["an unknown nested key", { "platform:network": net({ cidrBlock: "10.0.0.0/16" }) }, "platform:network.cidrBlock", /no such key/],
      ["a wrong type", { "platform:network": net({ azCount: "three" }) }, "platform:network.azCount", /type number/],
      ["a malformed CIDR", { "platform:network": net({ cidr: "10.0.0.0/33" }) }, "platform:network.cidr", /IPv4 CIDR block with prefix \/16 to \/24/],
      ["a CIDR with host bits set", { "platform:network": net({ cidr: "10.0.1.0/16" }) }, "platform:network.cidr", /no host bits set/],
      ["an AZ count out of range", { "platform:network": net({ azCount: 7 }) }, "platform:network.azCount", /at most 4/],
      ["a single AZ", { "platform:network": net({ azCount: 1 }) }, "platform:network.azCount", /at least 2/],
      ["an unknown enum value", { "platform:network": net({ natGateways: "perAz" }) }, "platform:network.natGateways", /one of "none", "single", "onePerAz"/],
      ["a retention CloudWatch does not accept", { "platform:logging": net({ retentionDays: 10 }) }, "platform:logging.retentionDays", /one of 1, 3, 5, 7, 14/],
      ["an unknown interface endpoint", { "platform:network": net({ interfaceEndpoints: ["ecr"] }) }, "platform:network.interfaceEndpoints[0]", /"ecr.api"/],
      ["a bad profile", { "platform:profile": "production" }, "platform:profile", /one of "dev", "staging", "prod"/],
      ["an empty system name", { "platform:name": "" }, "platform:name", /3 to 16 characters/],
      ["a region name that is not one", { "aws:region": "oregon" }, "aws:region", /an AWS region such as us-east-1 or eu-west-1 \(the \d+ regions of the standard partition in cfn-lint/],
      ["overlapping pinned subnets", { "platform:network": net({ subnets: { public: { prefixLength: 24, cidrs: ["10.0.0.0/24", "10.0.64.0/24"] } } }) }, "platform:network.subnets.public", /does not overlap private subnet 10\.0\.0\.0\/19/],
      ["services with a duplicate name", { "platform:services": JSON.stringify([svc("api"), svc("api", "/v2/*")]) }, "platform:services[1].name", /not already used by services\[0\]/],
      ["a service scaling with min above max", { "platform:services": JSON.stringify([{ ...svc("api"), replicas: { min: 5, max: 2 } }]) }, "platform:services[0].replicas", /min ≤ max/],
      ["two services on one route", { "platform:services": JSON.stringify([svc("api"), svc("web")]) }, "platform:services[1].routePath", /not already routed to service api/],
      ["a service name that is not a DNS label", { "platform:services": JSON.stringify([svc("Api_1")]) }, "platform:services[0].name", /lowercase DNS label/],
      ["a service with an unknown key", { "platform:services": JSON.stringify([{ ...svc("api"), dockerImage: "x" }]) }, "platform:services[0].dockerImage", /no such key/],
      ["a service with a password in plain environment variables", { "platform:services": JSON.stringify([{ ...svc("api"), environment: { DB_PASSWORD: "hunter2" } }]) }, "platform:services[0].environment.DB_PASSWORD", /no credential in plain config, .*keep it in Secrets Manager: list it in platform:appSecrets and name it in platform:services\[0\]\.secrets/],
      ["pinned AZs that do not match azCount", { "platform:network": net({ availabilityZones: ["us-west-2a"] }) }, "platform:network.availabilityZones", /exactly network.azCount \(2\)/],
    ];
    for (const [what, override, key, allowed] of cases) {
      it(what, () => {
        const ps = problems({ ...base, ...override });
        const p = ps.find((x) => x.key === key);
        assert.ok(p, `expected a problem at ${key}, got ${JSON.stringify(ps)}`);
        assert.match(p.allowed, allowed);
      });
    }

    it("a missing required key, saying it has no default", () => {
      const { ["platform:tags"]: _tags, ...noTags } = base;
      const [p] = problems(noTags);
      assert.deepEqual([p.key, p.value, p.allowed], ["platform:tags", undefined, "a value: this key has no default"]);
    });

    it("a credential in plain environment variables, without repeating its value", () => {
      const environment = { LOG_LEVEL: "info", TOKENIZERS_PARALLELISM: "false", DB_SECRET_ARN: "arn:aws:secretsmanager:us-west-2:123456789012:secret:db-AbCdEf", OPENAI_API_KEYS: "sk-1", AWS_SECRET_ACCESS_KEY: "abc" };
      const ps = problems({ ...base, "platform:services": JSON.stringify([{ ...svc("api"), environment }]) });
      assert.deepEqual(keys(ps), ["platform:services[0].environment.OPENAI_API_KEYS", "platform:services[0].environment.AWS_SECRET_ACCESS_KEY"]);
      assert.ok(ps.every((p) => p.value === "(withheld)"));
    });

    it("the value given, in the message", () => {
      assert.throws(() => readPlatformConfig({ ...base, "platform:network": net({ cidr: "10.0.0.0/33" }) }, "dev"), /platform:network\.cidr: got "10\.0\.0\.0\/33"; allowed: an IPv4 CIDR block/);
    });

    it("prod with Multi-AZ turned off: two AZs and a single NAT gateway", () => {
      const ps = problems({ ...base, "platform:profile": "prod", "platform:network": net({ azCount: 2, natGateways: "single" }) });
      assert.deepEqual(keys(ps), ["platform:network.azCount", "platform:network.natGateways"]);
      assert.match(ps[0].allowed, /at least 3 when profile is prod/);
    });

    it("prod behind a NAT instance instead of a gateway per AZ", () => {
      const ps = problems({ ...base, "platform:profile": "prod", "platform:network": net({ natGateways: "instance" }) });
      assert.deepEqual(ps.map((p) => [p.key, p.value]), [["platform:network.natGateways", "instance"]]);
      assert.match(ps[0].allowed, /"onePerAz" when profile is prod/);
    });

    it("prod with audit logs kept under a year, or keys unprotected", () => {
      const ps = problems({ ...base, "platform:profile": "prod", "platform:logging": net({ auditRetentionDays: 90 }), "platform:keys": net({ protect: false }) });
      assert.deepEqual(keys(ps), ["platform:logging.auditRetentionDays", "platform:keys.protect"]);
    });
  });

  it("lists every problem at once, including cross-field rules next to type errors elsewhere", () => {
    const ps = problems({
      ...base,
      "platform:profile": "prod",
      "platform:typo": "x",
      "platform:logging": net({ retentionDays: "a week" }),
      "platform:network": net({ azCount: 2 }),
    });
    // The logging type error must not hide the network's prod rule (zod alone would skip it).
    assert.deepEqual(keys(ps).sort(), ["platform:logging.retentionDays", "platform:network.azCount", "platform:typo"]);
  });
});
