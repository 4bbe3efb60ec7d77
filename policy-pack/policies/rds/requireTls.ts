import type { PolicyResource } from "@pulumi/policy";
import { fsbp, type PackStackPolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

/**
 * rds.force_ssl is on by default in the default parameter groups of RDS for PostgreSQL 15 and later.
 * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/PostgreSQL.Concepts.General.SSL.Requiring.html
 */
const DEFAULT_GROUP_FORCES_TLS = /^default\.postgres(\d+)$/;

function forcesTls(group: PolicyResource): boolean {
  const params: { name?: string; value?: string }[] = group.props.parameters ?? [];
  return params.some((p) => p.name === "rds.force_ssl" && p.value === "1");
}

/**
 * A stack policy: which parameter group an instance uses is only known by joining it to the groups
 * of the stack by name.
 */
export const requireTls: PackStackPolicy = {
  name: "rds-require-tls",
  resourceTypes: [T.rdsInstance, T.rdsParameterGroup],
  description: "RDS for PostgreSQL instances refuse unencrypted connections: their parameter group sets rds.force_ssl = 1.",
  severity: "high",
  framework: fsbp("RDS.38"),
  remediationSteps: "Give the instance an aws.rds.ParameterGroup of its postgres family with parameter rds.force_ssl = 1 and set parameterGroupName to it.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const groups = new Map(args.resources.filter((r) => r.type === T.rdsParameterGroup).map((g) => [g.props.name, g]));
    for (const db of args.resources.filter((r) => r.type === T.rdsInstance)) {
      const name: string | undefined = db.props.parameterGroupName;
      const group = name ? groups.get(name) : undefined;
      const postgres = db.props.engine === "postgres" || String(group?.props.family ?? "").startsWith("postgres");
      if (!postgres) continue;
      if (group) {
        if (!forcesTls(group)) reportViolation(`DB instance ${db.name} uses parameter group ${name}, which does not set rds.force_ssl = 1; clients could connect without TLS.`, db.urn);
        continue;
      }
      const builtIn = name ? DEFAULT_GROUP_FORCES_TLS.exec(name) : null;
      if (!builtIn || Number(builtIn[1]) < 15) {
        reportViolation(`DB instance ${db.name} uses parameter group ${name ?? "(engine default)"}, which is not shown to force TLS; use a parameter group with rds.force_ssl = 1.`, db.urn);
      }
    }
  },
};
