import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/** AWS credential variables FSBP CodeBuild.2 looks for in plain text. */
const AWS_CREDENTIAL_VARIABLES = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"];

/** A URL with user information (user:token@host). */
const hasUserInfo = (location: unknown): boolean => typeof location === "string" && /^[a-z][a-z0-9+.-]*:\/\/[^/@]+@/i.test(location);

/**
 * No credential sits in a CodeBuild project's definition: no AWS access keys in plain-text
 * environment variables (FSBP CodeBuild.2), no token in a source URL (FSBP CodeBuild.1). The
 * project's role, a source connection and Secrets Manager references carry them instead.
 * https://docs.aws.amazon.com/securityhub/latest/userguide/codebuild-controls.html#codebuild-2
 */
export const disallowPlaintextCredentials: PackResourcePolicy = {
  name: "codebuild-disallow-plaintext-credentials",
  resourceTypes: [T.codebuildProject],
  description: "CodeBuild projects hold no AWS access keys in plain-text environment variables and no credentials in source URLs.",
  severity: "critical",
  framework: fsbp("CodeBuild.2"),
  relatedControls: ["CodeBuild.1"],
  remediationSteps: "Remove AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from environment.environmentVariables (the project's serviceRole gives builds their AWS identity; use type SECRETS_MANAGER for other secrets), and authenticate sources with source.auth (a CodeConnections connection) instead of user:token@ in the location.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== T.codebuildProject) return;
    const p = args.props;
    const variables = (p.environment?.environmentVariables ?? []) as Array<{ name: string; type?: string }>;
    const exposed = variables.filter((v) => AWS_CREDENTIAL_VARIABLES.includes(v.name) && (v.type ?? "PLAINTEXT") === "PLAINTEXT").map((v) => v.name);
    if (exposed.length > 0) reportViolation(`CodeBuild project sets ${exposed.join(", ")} in plain text; remove them and let the project's service role give builds their AWS identity.`);
    const sources = [p.source, ...((p.secondarySources ?? []) as unknown[])] as Array<{ location?: string } | undefined>;
    if (sources.some((s) => hasUserInfo(s?.location))) reportViolation("CodeBuild project has credentials in a source URL; authenticate the source with source.auth (a CodeConnections connection) instead.");
  },
};
