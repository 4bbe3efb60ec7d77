import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { KNOWN_NAMESPACES, PROJECT_NAMESPACE, PROVIDER_NAMESPACES } from "./namespaces";

const ROOT = join(__dirname, "..", "..");

describe("config namespaces", () => {
  it("the project's namespace is the project name in Pulumi.yaml", () => {
    assert.equal(parse(readFileSync(join(ROOT, "Pulumi.yaml"), "utf8")).name, PROJECT_NAMESPACE);
  });

  it("has one provider namespace per @pulumi/* provider the program depends on", () => {
    const deps = Object.keys(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).dependencies);
    // @pulumi/pulumi is the SDK, whose engine settings live under "pulumi:".
    const providers = deps.filter((d) => d.startsWith("@pulumi/") && d !== "@pulumi/pulumi").map((d) => d.slice("@pulumi/".length));
    assert.deepEqual([...PROVIDER_NAMESPACES].sort(), providers.sort());
    assert.ok(KNOWN_NAMESPACES.includes("pulumi"));
  });
});
