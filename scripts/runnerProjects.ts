/**
 * The CodeBuild project of each stack's in-VPC runner, as the workflow addresses it in `runs-on`
 * (codebuild-<project>-<run id>-<attempt>): derived from the stack file as the program derives it,
 * or "" for a stack without a runner. Prints one JSON object.
 *
 *   npx tsx scripts/runnerProjects.ts dev prod     # {"dev":"medsearch-dev-runner","prod":"medsearch-prod-runner"}
 */
import { join } from "node:path";
import { runnerProjectName } from "../components/deploy/settings";
import { readStackFile } from "../offline/stackFile";

const ROOT = join(__dirname, "..");

export function runnerProject(stack: string, config: Record<string, string>): string {
  const deploy = JSON.parse(config["platform:deploy"] ?? "{}") as { runner?: { enabled?: boolean } };
  return deploy.runner?.enabled === true ? runnerProjectName(config["platform:name"], stack) : "";
}

export function runnerProjects(stacks: readonly string[], root = ROOT): Record<string, string> {
  return Object.fromEntries(stacks.map((s) => [s, runnerProject(s, readStackFile(join(root, `Pulumi.${s}.yaml`)))]));
}

if (require.main === module) {
  console.log(JSON.stringify(runnerProjects(process.argv.slice(2))));
}
