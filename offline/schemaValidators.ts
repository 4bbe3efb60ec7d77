/**
 * JSON Schema validators compiled by ajv, kept across runs as ajv's own standalone code.
 *
 * Compiling the pack's 21 settings schemas (and, first, the draft-07 meta-schema every schema is
 * checked against) took about 130 ms of each offline plan, the largest part of running the pack.
 * A schema that compiled is saved as the module ajv generates for it
 * (https://ajv.js.org/standalone.html), under node_modules/.cache/aws-platform-ajv/ (emptied by
 * `npm ci`) and named by a hash of the ajv version, its options and the schema, so any change
 * compiles afresh; later runs load that module and run the same checks with the same messages. A
 * schema that does not compile is never saved: it throws, every time, as before.
 */
import type { AnySchema, ValidateFunction } from "ajv";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const OPTIONS = { allErrors: true, strict: false, code: { source: true } } as const;

const AJV_PACKAGE = require.resolve("ajv/package.json");
/** Beside the installed ajv, whose runtime helpers the saved modules require. */
const CACHE = join(dirname(dirname(AJV_PACKAGE)), ".cache", "aws-platform-ajv");
const VERSION = (JSON.parse(readFileSync(AJV_PACKAGE, "utf8")) as { version: string }).version;

let compiler: { compile(schema: AnySchema): ValidateFunction; standalone(v: ValidateFunction): string } | undefined;

/** ajv, loaded only when a schema has no saved validator. */
function ajv(): NonNullable<typeof compiler> {
  if (!compiler) {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const Ajv = (require("ajv") as typeof import("ajv")).default;
    const standaloneCode = (require("ajv/dist/standalone") as typeof import("ajv/dist/standalone")).default;
    /* eslint-enable @typescript-eslint/no-require-imports */
    const instance = new Ajv(OPTIONS);
    compiler = { compile: (schema) => instance.compile(schema), standalone: (v) => standaloneCode(instance, v) };
  }
  return compiler;
}

/** Where the validator of `schema` is saved. */
export const validatorFile = (schema: AnySchema): string =>
  join(CACHE, `${createHash("sha256").update(JSON.stringify([VERSION, OPTIONS, schema])).digest("hex")}.js`);

/** The validator for `schema`: the saved one when this ajv compiled the same schema before. */
export function schemaValidator(schema: AnySchema): ValidateFunction {
  const file = validatorFile(schema);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file) as ValidateFunction;
  } catch {
    // not saved yet (or unreadable): compile
  }
  const { compile, standalone } = ajv();
  const validate = compile(schema);
  try {
    // Written aside and renamed, so a parallel run never loads half a module.
    mkdirSync(CACHE, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, standalone(validate));
    renameSync(tmp, file);
  } catch {
    // A read-only install still validates, compiling each run.
  }
  return validate;
}
