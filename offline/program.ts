/**
 * What the offline tools evaluate: the platform program with one of its stack files, or another
 * Pulumi program (a directory with its own Pulumi.yaml, such as examples/standalone) with one of
 * its stack files. Either runs in-process under the mock cloud (runTarget, offline/runStack.ts).
 * This module does not load the platform program, so argument parsing stays cheap.
 */
import { readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { parse } from "yaml";

/** Another Pulumi program, as its Pulumi.yaml describes it. */
export interface ProgramSpec {
  /** The program's directory (the one holding Pulumi.yaml). */
  dir: string;
  /** Pulumi.yaml `name`: the project part of every URN. */
  project: string;
  /** The entry module: Pulumi.yaml `main` (a file, or a directory holding index.ts), else index.ts. */
  main: string;
}

/** One evaluation: a stack of the platform program, or of another program when `program` is set. */
export interface Target {
  stack: string;
  /** The stack file: Pulumi.<stack>.yaml beside the program's Pulumi.yaml, or the file given. */
  configFile: string;
  program?: ProgramSpec;
}

/** Reads a program's Pulumi.yaml. https://www.pulumi.com/docs/iac/concepts/projects/project-file/ */
export function readProgram(dir: string): ProgramSpec {
  const root = resolve(dir);
  const project = parse(readFileSync(join(root, "Pulumi.yaml"), "utf8")) as { name?: string; main?: string } | null;
  if (!project?.name) throw new Error(`${join(root, "Pulumi.yaml")}: no project name`);
  const main = resolve(root, project.main ?? "index.ts");
  return { dir: root, project: project.name, main: statSync(main).isDirectory() ? join(main, "index.ts") : main };
}

/**
 * The program's entry as the Node.js language host runs it: a module that exports a function is
 * called and its result becomes the stack outputs; otherwise its exports are the outputs. The module
 * is loaded afresh on each run, so one process can evaluate it more than once.
 */
export function loadProgram(main: string): () => Promise<Record<string, any> | void> {
  return async () => {
    const path = require.resolve(main);
    delete require.cache[path];
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = require(path);
    return typeof exported === "function" ? await exported() : { ...exported };
  };
}

/**
 * The pack config a stack is checked with: its platform:profile's. A program without one (another
 * team's program built from the components) is held to prod: the components default to the prod
 * presets, so whatever it deploys must meet what prod demands.
 */
export function policyProfile(config: Record<string, string>): string {
  return config["platform:profile"] ?? "prod";
}

/** The stack file of a program's stack: Pulumi.<stack>.yaml beside its Pulumi.yaml. */
export const programStackFile = (program: ProgramSpec, stack: string): string => join(program.dir, `Pulumi.${stack}.yaml`);

