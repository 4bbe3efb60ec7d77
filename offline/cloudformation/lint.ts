/**
 * Runs cfn-lint, AWS's CloudFormation linter (a Python tool: `pip install cfn-lint`), on rendered
 * templates: each against its own region, with warnings and the informational rules on.
 */
import { spawn } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

export type Level = "Error" | "Warning" | "Informational";

export interface Finding {
  rule: string;
  level: Level;
  message: string;
  region: string;
  logicalId?: string;
  resourceType?: string;
  /** The top-level property the finding is about, when cfn-lint names one. */
  property?: string;
  line: number;
}

/** What the linter's findings are looked up in: the template's resources by logical id. */
export interface TemplateLike {
  Resources: Record<string, Record<string, any>>;
}

/** Thrown when cfn-lint is not on the PATH. */
export class LinterMissing extends Error {
  constructor() {
    super("cfn-lint is not installed or not on the PATH: pip install cfn-lint");
  }
}

/**
 * Where `command` is on the PATH, or undefined. A look-up, not a run: starting cfn-lint costs
 * seconds (it loads every schema), and the lint runs start it anyway.
 */
export function linterPath(command = "cfn-lint", path = process.env.PATH ?? ""): string | undefined {
  const candidates = command.includes("/") ? [command] : path.split(delimiter).filter(Boolean).map((dir) => join(dir, command));
  return candidates.find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });
}

/** The arguments for one template: its region, JSON output, informational rules included. */
export const lintArgs = (path: string, region: string): string[] => ["--format", "json", "--regions", region, "--include-checks", "I", "--", path];

interface RawMatch {
  Level: Level;
  Message: string;
  Rule: { Id: string };
  Location: { Path: Array<string | number>; Start: { LineNumber: number } };
}

/** cfn-lint's JSON output as findings; resource types come from the template. */
export function parseFindings(stdout: string, region: string, template: TemplateLike): Finding[] {
  const raw = JSON.parse(stdout) as RawMatch[];
  return raw.map((m) => {
    const [section, logicalId, props, property] = m.Location.Path;
    const isResource = section === "Resources" && typeof logicalId === "string";
    return {
      rule: m.Rule.Id,
      level: m.Level,
      message: m.Message,
      region,
      logicalId: isResource ? logicalId : undefined,
      resourceType: isResource ? template.Resources[logicalId]?.Type : undefined,
      property: isResource && props === "Properties" && typeof property === "string" ? property : undefined,
      line: m.Location.Start.LineNumber,
    };
  });
}

/**
 * Lints one template. cfn-lint's exit status is a bit mask of the levels it found (2, 4, 8); 1
 * means it could not lint at all, which is never read as clean.
 */
export function lintTemplate(path: string, region: string, template: TemplateLike, command = "cfn-lint"): Promise<Finding[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, lintArgs(path, region), { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", (e: NodeJS.ErrnoException) => reject(e.code === "ENOENT" ? new LinterMissing() : e));
    child.on("close", (code) => {
      if (code !== null && (code & 1) === 1) return reject(new Error(`cfn-lint could not lint ${path}: ${err.trim() || out.trim()}`));
      try {
        resolve(parseFindings(out || "[]", region, template));
      } catch (e) {
        reject(new Error(`cfn-lint output for ${path} is not JSON: ${(e as Error).message}\n${err.trim()}`));
      }
    });
  });
}
