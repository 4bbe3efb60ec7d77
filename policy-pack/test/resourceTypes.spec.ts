/**
 * Holds every policy to the resource types it declares (PackMetadata.resourceTypes), so
 * docs/policies.md tells the truth: a resource policy reports nothing on a type it does not list,
 * whatever that resource's inputs, and a stack policy reports nothing once the types it lists are
 * gone from the stack.
 */
import { strict as assert } from "node:assert";
import type { PackPolicy } from "../lib/metadata";
import { T } from "../lib/types";
import { policies } from "../policies";
import { planStackFile } from "../../test/helpers";
import type { RecordedResource } from "../../offline/recorder";
import { check, fixture } from "./fixtures";

const TOKEN = /^[a-z0-9]+:[A-Za-z0-9/.-]*:[A-Za-z0-9]+$/;
const isStack = (p: PackPolicy) => "validateStack" in p;

describe("every policy's resourceTypes", () => {
  const planned: RecordedResource[] = [];
  before(async () => {
    // One at a time: the Pulumi runtime is process-global, so runs must not overlap.
    for (const f of ["Pulumi.dev.yaml", "Pulumi.prod.yaml"]) planned.push(...(await planStackFile(f)).resources);
  });

  it("lists at least one well-formed type token, without duplicates", () => {
    for (const p of policies) {
      assert.ok(p.resourceTypes.length > 0, `${p.name} declares no resource types`);
      assert.equal(new Set(p.resourceTypes).size, p.resourceTypes.length, `${p.name} lists a type twice`);
      for (const t of p.resourceTypes) assert.match(t, TOKEN, `${p.name}: ${t}`);
    }
  });

  it("is all a resource policy looks at: other types, with their planned inputs or with none, raise nothing", async () => {
    const others = (p: PackPolicy) => [
      ...planned.filter((r) => !p.resourceTypes.includes(r.type)),
      ...Object.values(T).filter((t) => !p.resourceTypes.includes(t)).map((t) => fixture(t, "empty")),
      ...planned.filter((r) => !p.resourceTypes.includes(r.type)).map((r) => fixture(r.type, `${r.name}-empty`)),
    ];
    for (const p of policies.filter((x) => !isStack(x))) {
      assert.deepEqual(await check(p, others(p)), [], p.name);
    }
  });

  it("is all a stack policy needs: without those types in the stack, it reports nothing", async () => {
    for (const p of policies.filter(isStack)) {
      assert.deepEqual(await check(p, planned.filter((r) => !p.resourceTypes.includes(r.type))), [], p.name);
    }
  });
});
