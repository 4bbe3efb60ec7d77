import { strict as assert } from "node:assert";
import { z } from "zod";
import { coerceAsCliWrites } from "./coerce";

const schema = z.strictObject({
  monthlyLimitUsd: z.number(),
  multiAz: z.boolean(),
  costCenter: z.string(),
  engineVersion: z.string(),
  retentionDays: z.union([z.literal(30), z.literal(90)]),
});

/** Parses as the stack config does: coerce the CLI's forms, parse again, until nothing changes. */
function parse(input: unknown): { data?: unknown; issues: string[] } {
  for (;;) {
    const r = schema.safeParse(input, { reportInput: true });
    if (r.success) return { data: r.data, issues: [] };
    const next = coerceAsCliWrites(input, r.error.issues);
    if (next === undefined) return { issues: r.error.issues.map((i) => i.path.join(".")) };
    input = next;
  }
}

const valid = { monthlyLimitUsd: 250, multiAz: true, costCenter: "cc", engineVersion: "17", retentionDays: 90 };

describe("values in the form pulumi config set --path writes them", () => {
  it("takes a decimal written as a string, a boolean as text, a string field written as a number, a literal number as a string", () => {
    const r = parse({ ...valid, monthlyLimitUsd: "250.50", multiAz: "false", costCenter: 4711, retentionDays: "30" });
    assert.deepEqual(r.data, { ...valid, monthlyLimitUsd: 250.5, multiAz: false, costCenter: "4711", retentionDays: 30 });
  });

  it("leaves a version written as a number to be refused with the quoting hint (YAML read 7.10 as 7.1)", () => {
    assert.deepEqual(parse({ ...valid, engineVersion: 7.1 }).issues, ["engineVersion"]);
  });

  it("never turns text that is no number or boolean into one", () => {
    assert.deepEqual(parse({ ...valid, monthlyLimitUsd: "250 USD", multiAz: "yes", retentionDays: "45" }).issues.sort(), ["monthlyLimitUsd", "multiAz", "retentionDays"]);
  });

  it("returns undefined when there is nothing to coerce, so the issues stand", () => {
    const r = schema.safeParse({ ...valid, multiAz: 1 }, { reportInput: true });
    assert.equal(coerceAsCliWrites({ ...valid, multiAz: 1 }, r.success ? [] : r.error.issues), undefined);
  });
});
