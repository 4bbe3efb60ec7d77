/**
 * The one reviewed list of cfn-lint findings `npm run validate` accepts. Every other finding is
 * fixed in the program. An entry names the rule and the resource type (and the property where the
 * rule points at one); there are no wildcards. Its reason is one of three:
 *  - provider-never-sends: the aws provider does not send the property to AWS; a test shows why;
 *  - translation: an artifact of the rendering's own choices (secrets as NoEcho parameters, AZs
 *    pinned from the stack's list);
 *  - false-positive: the linter is wrong; the link shows it.
 */
import type { Finding } from "./lint";

export type AllowReason = "provider-never-sends" | "translation" | "false-positive";

export interface AllowEntry {
  rule: string;
  resourceType: string;
  /** The top-level property the finding points at; omitted only where cfn-lint names none. */
  property?: string;
  /** Narrows the entry to findings whose message matches. */
  message?: RegExp;
  kind: AllowReason;
  reason: string;
  /** provider-never-sends: the spec that shows it. false-positive: the linter issue or AWS page that shows it. */
  evidence?: string;
}

const pinnedZone = (resourceType: string, property: string): AllowEntry => ({
  rule: "W3010", resourceType, property, kind: "translation",
  reason: "the rendering writes the zones the program resolved (network.availabilityZones, else the region's first network.azCount) as literals",
});

export const ALLOWLIST: AllowEntry[] = [
  {
    rule: "W1011", resourceType: "AWS::ElastiCache::ReplicationGroup", property: "AuthToken", kind: "translation",
    reason: "the rendering turns each Pulumi secret into a NoEcho parameter; the program takes the token from random.RandomPassword, never plain text",
  },
  pinnedZone("AWS::EC2::Subnet", "AvailabilityZone"),
  pinnedZone("AWS::RDS::DBInstance", "AvailabilityZone"),
  {
    rule: "E3020", resourceType: "AWS::RDS::DBInstance", property: "StorageEncrypted", kind: "provider-never-sends",
    reason: "a read replica is created with CreateDBInstanceReadReplica, which takes no StorageEncrypted (it inherits its source's); the program sets it for the policy pack to read",
    evidence: "offline/cloudformation/allowlist.spec.ts",
  },
  {
    rule: "W3691", resourceType: "AWS::RDS::DBInstance", message: /Engine version '\d+' for engine 'postgres'/, kind: "false-positive",
    reason: "a major version alone is valid (RDS picks that major's default minor version); cfn-lint's deprecation data lists bare majors whose early minors were retired",
    evidence: "https://github.com/aws-cloudformation/cfn-lint/issues/3849 and https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.DBVersions.html",
  },
];

/** The entry that accepts `finding`, if any. */
export function allowEntryFor(finding: Finding, list: AllowEntry[] = ALLOWLIST): AllowEntry | undefined {
  return list.find((e) => e.rule === finding.rule
    && e.resourceType === finding.resourceType
    && (e.property === undefined || e.property === finding.property)
    && (e.message === undefined || e.message.test(finding.message)));
}
