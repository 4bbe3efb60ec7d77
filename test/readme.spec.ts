import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { configReference } from "../scripts/configReference";
import { ROOT } from "./helpers";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");

describe("README", () => {
  it("shows the two set-up commands", () => {
    assert.ok(readme.includes("npm ci && npm run plan -- --stack dev"));
    assert.ok(readme.includes("npm test"));
  });

  it("keeps the architecture diagram in Mermaid", () => {
    assert.match(readme, /```mermaid\nflowchart/);
  });

  it("carries the config reference generated from the schema (run npm run docs:config after schema changes)", () => {
    assert.ok(readme.includes(configReference()), "README config reference is stale: run npm run docs:config");
  });

  it("documents every field of the plan JSON", () => {
    for (const field of ["stack", "resources[]", "outputs", "violations[]", "urn, type, name, id, parent, custom, provider, inputs, outputs, dependencies, protect, retainOnDelete", "policy, level, urn, message"]) {
      assert.ok(readme.includes(field), field);
    }
  });

  it("links the guides it promises", () => {
    for (const link of ["docs/real-aws.md", "policy-pack/README.md", "docs/policies.md", "docs/validate.md"]) {
      assert.ok(readme.includes(`(${link})`), link);
      assert.doesNotThrow(() => readFileSync(join(ROOT, link)), link);
    }
  });
});
