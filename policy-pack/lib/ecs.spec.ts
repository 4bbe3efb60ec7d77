import { strict as assert } from "node:assert";
import * as policy from "@pulumi/policy";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import fc from "fast-check";
import { hasWord, runsOnFargate, taskOf } from "./ecs";
import { T } from "./types";
import { Unknown, resolve } from "./unknowns";

/** @pulumi/policy's proxy, as the engine wraps a resource's properties (exported at run time, not typed). */
const proxied = <O extends object>(o: O): O => (policy as unknown as { unknownCheckingProxy<X extends object>(x: X): X }).unknownCheckingProxy(o);

const word = fc.stringMatching(/^[A-Z][A-Z0-9]{0,7}$/);

describe("ECS helpers", () => {
  describe("hasWord", () => {
    it("finds a word standing whole anywhere in a name, in either case and in the plural (property)", () => {
      fc.assert(
        fc.property(fc.array(word, { maxLength: 3 }), word, fc.array(word, { maxLength: 3 }), fc.boolean(), (before, w, after, plural) => {
          const name = [...before, plural ? `${w}S` : w, ...after].join("_");
          assert.equal(hasWord(name, w), true, name);
          assert.equal(hasWord(name.toLowerCase(), w), true, name.toLowerCase());
        }),
      );
    });

    it("never finds a word glued to more letters than a plural S (property)", () => {
      fc.assert(
        fc.property(word, fc.stringMatching(/^[A-RT-Z][A-Z]{0,5}$/), (w, tail) => {
          assert.equal(hasWord(`${w}${tail}`, w), false, `${w}${tail}`);
        }),
      );
    });

    it("matches multi-word entries in sequence and splits camelCase", () => {
      const table: Array<[string, string, boolean]> = [
        ["OPENAI_API_KEY", "API_KEY", true],
        ["API_KEYRING", "API_KEY", false],
        ["KEY_API", "API_KEY", false],
        ["githubToken", "TOKEN", true],
        ["dbPasswordFile", "PASSWORD", true],
        ["TOKENIZERS_PARALLELISM", "TOKEN", false],
      ];
      for (const [name, w, expected] of table) assert.equal(hasWord(name, w), expected, `${name} / ${w}`);
    });
  });

  describe("runsOnFargate", () => {
    it("tells Fargate services from EC2 ones by launch type, capacity providers and awsx type", () => {
      const table: Array<[string, Record<string, unknown>, boolean]> = [
        [T.awsxFargateService, {}, true],
        [T.awsxEc2Service, {}, false],
        [T.ecsService, { launchType: "FARGATE" }, true],
        [T.ecsService, { launchType: "EC2" }, false],
        [T.ecsService, { capacityProviderStrategies: [{ capacityProvider: "FARGATE" }, { capacityProvider: "FARGATE_SPOT" }] }, true],
        [T.ecsService, { capacityProviderStrategies: [{ capacityProvider: "FARGATE" }, { capacityProvider: "ecs-ai-cp" }] }, false],
        // Neither: the cluster's default strategy, which ECS resolves at create time; EC2 is the launch type's default.
        [T.ecsService, {}, false],
      ];
      for (const [type, props, expected] of table) assert.equal(runsOnFargate(type, props), expected, `${type} ${JSON.stringify(props)}`);
    });

    it("returns the marker when the launch type is unknown during preview", () => {
      assert.ok(runsOnFargate(T.ecsService, proxied({ launchType: unknownValue })) instanceof Unknown);
    });
  });

  describe("taskOf", () => {
    it("reads awsx's single container (named container) and its containers map", () => {
      const task = taskOf(T.awsxEc2TaskDefinition, { container: { image: "a" }, containers: { web: { image: "b" } } })!;
      assert.deepEqual(task.containers.map((c) => c.name), ["container", "web"]);
    });

    it("names awsx's single container by its own name, as awsx names it in the task definition", () => {
      const task = taskOf(T.awsxEc2Service, { taskDefinitionArgs: { container: { name: "backend", image: "a" } } })!;
      assert.deepEqual(task.containers.map((c) => c.name), ["backend"]);
    });

    it("parses a real run's containerDefinitions JSON and names unnamed containers by position", () => {
      const task = taskOf(T.ecsTaskDefinition, { containerDefinitions: JSON.stringify([{ name: "api", image: "a" }, { image: "b" }]) })!;
      assert.deepEqual(task.containers.map((c) => c.name), ["api", "#2"]);
      assert.equal(task.defaultLogs, false);
    });

    it("sets aside the whole JSON when it is unknown during preview", () => {
      const task = taskOf(T.ecsTaskDefinition, proxied({ containerDefinitions: unknownValue }))!;
      assert.deepEqual([task.containers, task.hidden.map((u) => u.path)], [[], [["containerDefinitions"]]]);
    });

    it("knows awsx adds awslogs unless the log group is skipped", () => {
      assert.equal(taskOf(T.awsxFargateTaskDefinition, { containers: {} })!.defaultLogs, true);
      assert.equal(taskOf(T.awsxFargateTaskDefinition, { containers: {}, logGroup: { skip: true } })!.defaultLogs, false);
    });

    it("declares no task for a service that names one declared elsewhere", () => {
      assert.equal(taskOf(T.awsxEc2Service, { taskDefinition: "arn:aws:ecs:us-west-2:123456789012:task-definition/x:1" }), undefined);
    });
  });

  it("resolve copies plain data and marks each unknown with its path", () => {
    const props = proxied({ a: { b: [1, unknownValue], c: "x" } });
    const out = resolve(props, "a") as { b: unknown[]; c: string };
    assert.deepEqual([out.b[0], out.c], [1, "x"]);
    assert.deepEqual((out.b[1] as Unknown).path, ["a", "b", "1"]);
  });
});
