import { strict as assert } from "node:assert";
import { existsSync, rmSync } from "node:fs";
import Ajv from "ajv";
import { schemaValidator, validatorFile } from "./schemaValidators";

/** A schema no earlier run saved: unique to this process. */
const schemaOf = (tag: string) => ({
  type: "object",
  properties: { level: { type: "string", enum: ["low", "high"] }, days: { type: "integer", minimum: 1 }, tag: { const: `${tag}-${process.pid}-${Date.now()}` } },
});

describe("schemaValidators", () => {
  it("saves what ajv compiled and loads it later, with the same verdicts and messages as a fresh compile", () => {
    const schema = schemaOf("saved");
    rmSync(validatorFile(schema), { force: true });
    const first = schemaValidator(schema);
    assert.ok(existsSync(validatorFile(schema)), "not saved");
    const saved = schemaValidator(schema);
    assert.notEqual(saved, first, "the second call compiled again instead of loading the saved module");
    const fresh = new Ajv({ allErrors: true, strict: false }).compile(schema);
    for (const value of [{ level: "low", days: 3 }, { level: "medium", days: 0 }, { days: "7" }]) {
      assert.equal(saved(value), fresh(value), JSON.stringify(value));
      assert.deepEqual(saved.errors ?? null, fresh.errors ?? null, JSON.stringify(value));
    }
    assert.equal(saved({ level: "medium", days: 0 }), false);
    rmSync(validatorFile(schema), { force: true });
  });

  it("throws for a schema ajv refuses, every time, and saves nothing", () => {
    const schema = { type: "object", properties: { days: { type: "integer", minimum: "one" } }, $comment: `${process.pid}-${Date.now()}` };
    assert.throws(() => schemaValidator(schema), /minimum (value )?must be/);
    assert.throws(() => schemaValidator(schema), /minimum (value )?must be/);
    assert.ok(!existsSync(validatorFile(schema)));
  });
});
