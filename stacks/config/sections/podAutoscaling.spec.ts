/**
 * platform:cluster.podAutoscaling: the CPU target every service's HPA holds, 70 % by default in
 * every profile (the e-learning reference's target), and rejected outside 10..100 with the key named.
 */
import { strict as assert } from "node:assert";
import { readPlatformConfig } from "../load";
import { clusterOf } from "./cluster";
import { configProblems } from "../testing";
import { PROFILES } from "../values";

const base = {
  "aws:region": "us-east-1",
  "platform:profile": "dev",
  "platform:name": "codelearn",
  "platform:tags": JSON.stringify({ owner: "learning-team", costCenter: "cc-1" }),
};
const withTarget = (cpuTargetPercent: number) => ({ ...base, "platform:cluster": JSON.stringify({ podAutoscaling: { cpuTargetPercent } }) });

describe("platform:cluster.podAutoscaling", () => {
  for (const profile of PROFILES) {
    it(`holds pods at 70 % CPU by default in ${profile}`, () => {
      assert.equal(clusterOf(readPlatformConfig({ ...base, "platform:profile": profile }, profile).cluster, "eks").podAutoscaling.cpuTargetPercent, 70);
    });
  }

  it("takes a stack's own target", () => {
    assert.equal(clusterOf(readPlatformConfig(withTarget(55), "dev").cluster, "eks").podAutoscaling.cpuTargetPercent, 55);
  });

  for (const bad of [0, 9, 101, 72.5]) {
    it(`rejects ${bad}, naming the key`, () => {
      const found = configProblems(withTarget(bad)).filter((p) => p.key === "platform:cluster.podAutoscaling.cpuTargetPercent");
      assert.equal(found.length, 1, JSON.stringify(configProblems(withTarget(bad))));
      assert.equal(found[0].value, bad);
    });
  }
});
