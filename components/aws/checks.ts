/**
 * Whether a value is one AWS offers, by the snapshot of cfn-lint's lists (facts.ts): regions, AZs,
 * EC2 instance types, RDS classes, ElastiCache node types, Amazon MQ broker types. Each check says
 * what is allowed and, where a near match exists, what the user probably meant. Pure; shared by the
 * components' argument checks and the stack config's rules.
 */
import { didYouMean, didYouMeanSized } from "../suggest";
import {
  availabilityZonesOf, cacheNodeTypes, ec2InstanceTypes, knownRegions, mqInstanceTypes, rdsPostgresClasses, regionFacts, snapshotCitation,
} from "./facts";

/** What is wrong with a value: what is allowed, and the nearest allowed values (possibly none). */
export interface ValueProblem {
  allowed: string;
  suggestions: string[];
}

export function regionProblem(region: string): ValueProblem | undefined {
  if (regionFacts(region)) return undefined;
  return {
    allowed: `an AWS region such as us-east-1 or eu-west-1 (the ${knownRegions().length} regions of the standard partition in ${snapshotCitation()})`,
    suggestions: didYouMean(region, knownRegions()),
  };
}

/**
 * Problems with pinned AZ names, by index: each must be an AZ of the region, and none may repeat
 * (an AWS subnet layout, a DB subnet group and an ALB each need distinct AZs). `undefined` index:
 * the list as a whole. Nothing is said for a region the snapshot does not know (regionProblem says it).
 */
export function availabilityZoneProblems(region: string, azs: readonly string[]): Array<{ index?: number; problem: ValueProblem }> {
  const known = availabilityZonesOf(region);
  if (known.length === 0) return [];
  const out: Array<{ index?: number; problem: ValueProblem }> = [];
  azs.forEach((az, index) => {
    if (known.includes(az)) return;
    // An AZ of another region ("eu-west-1a" in us-west-2): the same letter here, if the region has it.
    const sameLetter = `${region}${az.slice(-1)}`;
    out.push({ index, problem: { allowed: `an AZ of ${region}: ${known.join(", ")} (${snapshotCitation()})`, suggestions: known.includes(sameLetter) ? [sameLetter] : didYouMean(az, known) } });
  });
  const repeated = [...new Set(azs.filter((az, i) => azs.indexOf(az) !== i))];
  if (repeated.length > 0) {
    // Keep the distinct ones the user chose, then fill up with the region's other AZs.
    const distinct = [...new Set([...azs.filter((az) => known.includes(az)), ...known])].slice(0, azs.length);
    out.push({
      problem: {
        allowed: `${azs.length} distinct AZs of ${region} (one subnet of each tier per AZ); ${repeated.join(", ")} is listed more than once`,
        suggestions: distinct.length === azs.length ? [`[${distinct.join(", ")}]`] : [],
      },
    });
  }
  return out;
}

/** The sizes of the value's family, when the family exists: "t3: nano, micro, small, ...". */
function familySizes(value: string, offered: ReadonlySet<string>): string | undefined {
  const family = value.slice(0, value.lastIndexOf("."));
  const sizes = [...offered].filter((n) => n.startsWith(`${family}.`)).map((n) => n.slice(family.length + 1));
  return family && sizes.length > 0 ? `${family} sizes: ${sizes.join(", ")}` : undefined;
}

/** `value` is in `offered`, or a problem naming what `what` allows there. */
function offeredProblem(value: string, offered: ReadonlySet<string>, what: string): ValueProblem | undefined {
  if (offered.has(value)) return undefined;
  const sizes = familySizes(value, offered);
  return { allowed: `${what} (${snapshotCitation()})${sizes ? `; ${sizes}` : ""}`, suggestions: didYouMeanSized(value, [...offered]) };
}

export function ec2InstanceTypeProblem(region: string, type: string): ValueProblem | undefined {
  return regionFacts(region) ? offeredProblem(type, ec2InstanceTypes(region), `an EC2 instance type offered in ${region}`) : undefined;
}

/** An RDS class offered for the PostgreSQL major in the region (both the region's list and the major's). */
export function rdsPostgresClassProblem(region: string, major: string, instanceClass: string): ValueProblem | undefined {
  return regionFacts(region) ? offeredProblem(instanceClass, rdsPostgresClasses(region, major), `an RDS instance class offered for PostgreSQL ${major} in ${region}`) : undefined;
}

export function cacheNodeTypeProblem(region: string, nodeType: string): ValueProblem | undefined {
  return regionFacts(region) ? offeredProblem(nodeType, cacheNodeTypes(region), `an ElastiCache node type offered in ${region}`) : undefined;
}

export function mqInstanceTypeProblem(region: string, type: string): ValueProblem | undefined {
  return regionFacts(region) ? offeredProblem(type, mqInstanceTypes(region), `an Amazon MQ broker instance type offered in ${region}`) : undefined;
}

/** "got X; allowed: Y; did you mean Z?" for a component's own error messages. */
export function describeProblem(what: string, value: unknown, p: ValueProblem): string {
  const hint = p.suggestions.length > 0 ? `; did you mean ${p.suggestions.map((s) => JSON.stringify(s)).join(" or ")}?` : "";
  return `${what}: got ${JSON.stringify(value)}; allowed: ${p.allowed}${hint}`;
}
