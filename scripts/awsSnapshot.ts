/**
 * Generates components/aws/snapshot.json, the AWS value lists config validation checks against,
 * from the data bundled with the installed cfn-lint (AWS's own lists, which cfn-lint refreshes from
 * the AWS APIs and price lists): regions and their AZs, EC2 instance types, RDS for PostgreSQL
 * versions and instance classes (per region and per major version), ElastiCache node types and
 * engine versions, Amazon MQ broker instance types. It keeps only what validation reads, so the plan
 * loads it in a millisecond.
 *
 *   npm run aws:snapshot      (then commit the snapshot; components/aws/facts.spec.ts checks it)
 *
 * Exits 4 when cfn-lint is not installed (`pip install cfn-lint`).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { POSTGRES_VERSIONS } from "../components/data/postgres";
import { ALL_SIZES, namesOf } from "../components/aws/facts";
import type { FamilySizes, Snapshot } from "../components/aws/facts";
import { EXIT } from "../offline/exitCodes";

export const SNAPSHOT_FILE = join(__dirname, "..", "components", "aws", "snapshot.json");

export interface CfnLint {
  version: string;
  /** cfnlint/data inside the installed package. */
  dataDir: string;
  /** cfnlint.helpers.AVAILABILITY_ZONES: region -> AZ names. */
  availabilityZones: Record<string, string[]>;
}

const PROBE = [
  "import json, os, cfnlint",
  "from cfnlint.helpers import AVAILABILITY_ZONES",
  "from cfnlint.version import __version__",
  "print(json.dumps({'version': __version__, 'dataDir': os.path.join(os.path.dirname(cfnlint.__file__), 'data'), 'availabilityZones': AVAILABILITY_ZONES}))",
].join("\n");

/** The installed cfn-lint, or undefined when Python cannot import it. */
export function findCfnLint(python = process.env.PYTHON ?? "python3"): CfnLint | undefined {
  try {
    return JSON.parse(execFileSync(python, ["-c", PROBE], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })) as CfnLint;
  } catch {
    return undefined;
  }
}

/** Regions of the standard AWS partition (the platform's REGION_PATTERN shape), e.g. us-west-2. */
const STANDARD_REGION = /^[a-z]{2}-[a-z]+-\d$/;

type Json = any;
const read = (c: CfnLint, file: string): Json => JSON.parse(readFileSync(join(c.dataDir, "schemas", "extensions", file), "utf8"));
const files = {
  ec2: "aws_ec2_instance/instancetype_enum.json",
  rdsByRegion: "aws_rds_dbinstance/dbinstanceclass_enum.json",
  rdsByVersion: "aws_rds_dbinstance/db_instance_class.json",
  rdsVersions: "aws_rds_dbinstance/engine_version.json",
  rdsDeprecated: "aws_rds_dbinstance/engine_version_deprecated.json",
  cacheTypes: "aws_elasticache_cachecluster/cachenodetype_enum.json",
  cacheVersions: "aws_elasticache_cachecluster/engine_version.json",
  mq: "aws_amazonmq_broker/instancetype_enum.json",
};

/** "t3.large", "t3.micro" -> { t3: "large micro" }; families and sizes sorted, so diffs read well. */
export function toFamilies(names: Iterable<string>): FamilySizes {
  const out: Record<string, string[]> = {};
  for (const n of new Set(names)) {
    const i = n.lastIndexOf(".");
    (out[n.slice(0, i)] ??= []).push(n.slice(i + 1));
  }
  return Object.fromEntries(Object.keys(out).sort().map((f) => [f, out[f].sort().join(" ")]));
}

/**
 * Lists that are the same in several regions are kept once; each region points at its list. With a
 * `universe`, a family offered in every size the universe has is written "*" (facts.ts ALL_SIZES).
 */
class Lists {
  readonly lists: FamilySizes[] = [];
  private readonly index = new Map<string, number>();
  constructor(private readonly universe?: FamilySizes) {}
  add(names: Iterable<string>): number {
    const families = Object.fromEntries(Object.entries(toFamilies(names)).map(([f, sizes]) => [f, this.universe?.[f] === sizes ? ALL_SIZES : sizes]));
    const key = JSON.stringify(families);
    if (!this.index.has(key)) this.index.set(key, this.lists.push(families) - 1);
    return this.index.get(key)!;
  }
}

/** `if Engine == engine` branches of an allOf list, each with its `then` enum of `property`. */
function branches(allOf: Json[], engine: string, property: string): Array<{ props: Json; values: string[] }> {
  return allOf
    .filter((b) => b.if?.properties?.Engine?.const === engine && b.then?.properties?.[property]?.enum)
    .map((b) => ({ props: b.if.properties, values: b.then.properties[property].enum as string[] }));
}

function enumOf(allOf: Json[], engine: string): string[] {
  return branches(allOf, engine, "EngineVersion").flatMap((b) => b.values);
}

/** PostgreSQL versions RDS creates instances on, for the majors the platform offers. */
function postgresVersions(c: CfnLint): Record<string, string[]> {
  const deprecated = new Set(
    read(c, files.rdsDeprecated).allOf.filter((b: Json) => b.if?.properties?.Engine?.const === "postgres").flatMap((b: Json) => b.if.properties.EngineVersion.enum as string[]),
  );
  const all = enumOf(read(c, files.rdsVersions).allOf, "postgres");
  return Object.fromEntries(Object.keys(POSTGRES_VERSIONS).map((major) => [
    major,
    all.filter((v) => /^\d+\.\d+$/.test(v) && v.split(".")[0] === major && !deprecated.has(v)).sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1])),
  ]));
}

/** Instance classes RDS offers for each offered major: the union over its minors (db_instance_class.json keys them by minor). */
function postgresClassesByMajor(c: CfnLint, versions: Record<string, string[]>): Record<string, FamilySizes> {
  const byMinor = branches(read(c, files.rdsByVersion).allOf, "postgres", "DBInstanceClass");
  return Object.fromEntries(Object.entries(versions).map(([major, minors]) => [
    major,
    toFamilies(byMinor.filter((b) => minors.some((m) => new RegExp(b.props.EngineVersion.pattern).test(m))).flatMap((b) => b.values)),
  ]));
}

function regionalEnum(c: CfnLint, file: string): Record<string, string[]> {
  const data = read(c, file);
  return Object.fromEntries(Object.entries(data).filter(([r, v]) => STANDARD_REGION.test(r) && (v as Json).enum).map(([r, v]) => [r, (v as Json).enum]));
}

/** Every class some offered major runs on. */
const postgresClassUniverse = (byMajor: Record<string, FamilySizes>): FamilySizes => toFamilies(Object.values(byMajor).flatMap((f) => [...namesOf(f)]));

/** Per region, the PostgreSQL classes priced there; only those some offered major runs on (the rest can never pass). */
function postgresClassesByRegion(c: CfnLint, byMajor: Record<string, FamilySizes>): Record<string, string[]> {
  const relevant = namesOf(postgresClassUniverse(byMajor));
  const data = read(c, files.rdsByRegion);
  return Object.fromEntries(Object.entries(data).filter(([r]) => STANDARD_REGION.test(r))
    .map(([r, v]) => [r, branches((v as Json).allOf, "postgres", "DBInstanceClass").flatMap((b) => b.values).filter((n) => relevant.has(n))]));
}

/** The snapshot, from cfn-lint's files; `generated` is the day it was made. */
export function buildSnapshot(c: CfnLint, generated: string): Snapshot {
  const versions = postgresVersions(c);
  const classesByMajor = postgresClassesByMajor(c, versions);
  const rdsByRegion = postgresClassesByRegion(c, classesByMajor);
  const [ec2, rds, cache, mq] = [new Lists(), new Lists(postgresClassUniverse(classesByMajor)), new Lists(), new Lists()];
  const ec2ByRegion = regionalEnum(c, files.ec2);
  const cacheByRegion = regionalEnum(c, files.cacheTypes);
  const mqByRegion = regionalEnum(c, files.mq);
  const regions = Object.keys(c.availabilityZones).filter((r) => STANDARD_REGION.test(r)).sort();
  const cacheVersions = read(c, files.cacheVersions).allOf;
  return {
    source: {
      tool: "cfn-lint",
      version: c.version,
      generated,
      files: ["cfnlint/helpers.py (AVAILABILITY_ZONES)", ...Object.values(files).map((f) => `cfnlint/data/schemas/extensions/${f}`)],
    },
    regions: Object.fromEntries(regions.map((r) => [r, {
      azs: c.availabilityZones[r].map((az) => az.slice(r.length)).join(""),
      ec2: ec2.add(ec2ByRegion[r] ?? []),
      rdsPostgres: rds.add(rdsByRegion[r] ?? []),
      cache: cache.add(cacheByRegion[r] ?? []),
      mq: mq.add(mqByRegion[r] ?? []),
    }])),
    ec2InstanceTypes: ec2.lists,
    rdsPostgresClasses: rds.lists,
    cacheNodeTypes: cache.lists,
    mqInstanceTypes: mq.lists,
    rdsPostgres: { versions, classesByMajor },
    cacheEngineVersions: { valkey: enumOf(cacheVersions, "valkey"), redis: enumOf(cacheVersions, "redis") },
  };
}

/** JSON with one line per region, list and family map: small, and a refresh reads as a short diff. */
export function formatSnapshot(s: Snapshot): string {
  const lines = Object.entries(s).map(([k, v]) => {
    if (Array.isArray(v)) return `  ${JSON.stringify(k)}: [\n${v.map((x) => `    ${JSON.stringify(x)}`).join(",\n")}\n  ]`;
    if (k === "regions") return `  ${JSON.stringify(k)}: {\n${Object.entries(v).map(([r, x]) => `    ${JSON.stringify(r)}: ${JSON.stringify(x)}`).join(",\n")}\n  }`;
    return `  ${JSON.stringify(k)}: ${JSON.stringify(v)}`;
  });
  return `{\n${lines.join(",\n")}\n}\n`;
}

if (require.main === module) {
  const cfnLint = findCfnLint();
  if (!cfnLint) {
    console.error("cfn-lint is not installed for python3 (set PYTHON to another interpreter): pip install cfn-lint");
    process.exit(EXIT.missingCfnLint);
  }
  const text = formatSnapshot(buildSnapshot(cfnLint, new Date().toISOString().slice(0, 10)));
  writeFileSync(SNAPSHOT_FILE, text);
  console.log(`Wrote ${SNAPSHOT_FILE} from cfn-lint ${cfnLint.version} (${Math.round(text.length / 1024)} KiB).`);
}
