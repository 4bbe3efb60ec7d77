import { strict as assert } from "node:assert";
import fc from "fast-check";
import { FARGATE_TASK_SIZES, fargateMemoryValues, fargateSizeProblem } from "./taskSizes";

describe("Fargate task sizes", () => {
  const table: Array<[number, number, "ok" | "cpu" | "memory"]> = [
    [256, 512, "ok"], [256, 2048, "ok"], [256, 256, "memory"], [256, 3072, "memory"],
    [512, 1024, "ok"], [512, 512, "memory"], [512, 1536, "memory"],
    [1024, 2048, "ok"], [1024, 1024, "memory"],
    [2048, 16384, "ok"], [4096, 30720, "ok"], [8192, 20480, "ok"], [8192, 18432, "memory"],
    [16384, 122880, "ok"], [768, 2048, "cpu"],
  ];
  for (const [cpu, memory, expected] of table) {
    it(`cpu ${cpu} with ${memory} MiB is ${expected === "ok" ? "a Fargate size" : `rejected on ${expected}`}`, () => {
      const problem = fargateSizeProblem(cpu, memory);
      if (expected === "ok") assert.equal(problem, undefined);
      else assert.equal(problem?.field, expected);
    });
  }

  it("names the minimum when the memory is below it", () => {
    assert.match(fargateSizeProblem(1024, 1024)?.allowed ?? "", /1024 MiB is below the minimum for 1024 CPU units/);
  });

  it("accepts exactly the values it lists, for every CPU size", () => {
    const cpus = Object.keys(FARGATE_TASK_SIZES).map(Number);
    fc.assert(fc.property(fc.constantFrom(...cpus), fc.integer({ min: 128, max: 122880 }), (cpu, memory) => {
      assert.equal(fargateSizeProblem(cpu, memory) === undefined, fargateMemoryValues(cpu).includes(memory));
    }));
  });
});
