/**
 * For `npm run preview` / `npm run up`: the profile's pack config with the stack's offline cost
 * estimate in the budget policy's entry, written to a temporary file, so
 * budgets-require-estimate-within-limit judges a real preview too (the pack holds no prices).
 * When the program cannot run offline (a config error), the plain profile config is used and
 * pulumi reports the error itself. Only the AWS step needs it: the guard judges the Budget that step
 * declares, and the Kubernetes step creates no priced resource (test/stacks/deploySteps.spec.ts).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withEstimate } from "../offline/cost/budgetConfig";
import { estimateStack } from "../offline/cost/stackCost";
import { readPackConfig } from "../offline/policyRunner";
import { runAwsStep } from "../offline/steps";
import { readStackFile } from "../offline/stackFile";

export async function packConfigWithEstimate(stackFile: string, stack: string, packConfigFile: string, dir = mkdtempSync(join(tmpdir(), "pack-config-"))): Promise<string> {
  const config = readStackFile(stackFile);
  const run = await runAwsStep({ stack, config });
  if (run.error) return packConfigFile;
  const out = join(dir, "policy-config.json");
  writeFileSync(out, JSON.stringify(withEstimate(readPackConfig(packConfigFile), estimateStack(run.resources, config, stack)), null, 2));
  return out;
}
