import type { PolicyResource } from "@pulumi/policy";
import type { PackStackPolicy } from "../../lib/metadata";
import { refersTo, unlinkedWhileUnknown } from "../../lib/references";
import { deniesInsecureTransport, list, resourceMatches, statementsOf } from "../../lib/resourcePolicies";
import { T } from "../../lib/types";
import { Unknown, type Undecided, read, undecidableIfAny } from "../../lib/unknowns";

/**
 * Whether a TLS Deny in a file system policy covers file system `fs`: no Resource (a file system
 * policy applies to its own file system), "*", or a pattern matching the file system's ARN. An ARN
 * unknown during preview leaves a specific pattern undecided.
 */
function covers(statement: any, fs: PolicyResource): boolean | Unknown {
  const resources = list(statement.Resource);
  if (resources.length === 0 || resources.includes("*")) return true;
  const arn = read<string>(fs.props, "arn");
  if (arn.unknown) return new Unknown(["arn"]);
  return typeof arn.value === "string" && resources.some((r) => typeof r === "string" && resourceMatches(r, arn.value as string));
}

/**
 * No FSBP control checks this: Security Hub's EFS controls cover encryption at rest, backups and
 * access points, not transit. A file system without a policy of its own runs under EFS's default
 * one, which admits plain NFS from anyone who reaches a mount target; the policy's aws:SecureTransport
 * Deny is the only thing on the file system's side that refuses it. EFS evaluates it on every
 * client action, so it must cover them all ("*" or "elasticfilesystem:*") for everyone.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/efs-controls.html
 * https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html
 * https://docs.aws.amazon.com/whitepapers/latest/efs-encrypted-file-systems/encryption-of-data-in-transit.html
 */
export const requireTlsOnlyPolicy: PackStackPolicy = {
  name: "efs-require-tls-only-policy",
  resourceTypes: [T.efsFileSystem, T.efsFileSystemPolicy],
  description:
    "Every EFS file system has a file system policy that denies every action, for every principal, when the client does not use TLS, so patient data " +
    "on the file system never crosses the network in clear text, whatever a client's mount options say.",
  severity: "high",
  remediationSteps:
    "Add an aws.efs.FileSystemPolicy whose fileSystemId is the file system, with a statement { Effect: \"Deny\", Principal: { AWS: \"*\" }, Action: \"*\", " +
    "Resource: <file system ARN>, Condition: { Bool: { \"aws:SecureTransport\": \"false\" } } }, and mount with TLS (ECS: transitEncryption ENABLED).",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const policies = args.resources.filter((r) => r.type === T.efsFileSystemPolicy);
    const pending: Undecided[] = [];
    // A fileSystemId unknown during preview with no dependency could be any file system's: it decides nothing.
    const unlinked = unlinkedWhileUnknown(policies, "fileSystemId");
    for (const fs of args.resources.filter((r) => r.type === T.efsFileSystem)) {
      const waiting: Undecided[] = [];
      const ok = policies.filter((p) => refersTo(p, "fileSystemId", fs, ["id"])).some((p) => {
        // The document names the file system and its access points by ARN, so during preview it is unknown as a whole.
        const doc = read(p.props, "policy");
        if (doc.unknown) {
          waiting.push({ props: p.props, at: new Unknown(["policy"]) });
          return false;
        }
        return statementsOf(doc.value).some((s) => {
          if (!deniesInsecureTransport(s, ["*", "elasticfilesystem:*"])) return false;
          const c = covers(s, fs);
          if (c instanceof Unknown) waiting.push({ props: fs.props, at: c });
          return c === true;
        });
      });
      if (ok) continue;
      if (waiting.length > 0) pending.push(waiting[0]);
      else if (unlinked) pending.push({ props: unlinked.props, at: new Unknown(["fileSystemId"]) });
      else {
        reportViolation(
          `File system ${fs.name} has no file system policy denying non-TLS access; add an aws.efs.FileSystemPolicy for it with a Deny of "*" for every principal when aws:SecureTransport is false.`,
          fs.urn,
        );
      }
    }
    undecidableIfAny(pending);
  },
};
