/**
 * AWS's linter over the dev stack rendered as CloudFormation: nothing outside the allowlist. An
 * integration run (cfn-lint, where installed, as in CI), so it runs with `npm run test:all`.
 */
import { strict as assert } from "node:assert";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { linterPath } from "../../offline/cloudformation/lint";
import { validate } from "../../scripts/validate";
import { Planned, ROOT, planStackFile } from "../helpers";

describe("dev rendered as CloudFormation, linted", () => {
  let dev: Planned;
  before(async () => {
    dev = await planStackFile("Pulumi.dev.yaml");
    assert.equal(dev.error, undefined, dev.error?.message);
  });

  it("is clean under cfn-lint outside the allowlist (integration: runs cfn-lint)", async function () {
    if (!linterPath()) {
      console.warn("    cfn-lint is not installed (pip install cfn-lint): the integration run is skipped here; CI runs it");
      this.skip();
    }
    this.timeout(300_000);
    const lines: string[] = [];
    const code = await validate({ stack: "dev", configFile: join(ROOT, "Pulumi.dev.yaml") }, {
      log: (l) => lines.push(l), outDir: mkdtempSync(join(tmpdir(), "validate-dev-")), evaluate: async () => dev,
    });
    assert.equal(code, 0, lines.join("\n"));
    assert.match(lines.at(-1)!, /^validate: 0 errors, 0 warnings, 0 informational \(\d+ allowlisted\); (\d+) of \1 AWS resources translated$/);
  });
});
