import { fsbp, type PackResourcePolicy } from "../../lib/metadata";
import { T } from "../../lib/types";

interface Statement {
  Effect?: string;
  Action?: string | string[];
  Resource?: string | string[];
}

const list = (v: string | string[] | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
const ADMIN_ACTIONS = new Set(["*", "*:*"]);

/** Statements that allow every action on every resource. Unparsable documents count as none. */
export function wildcardAdminStatements(policy: unknown): Statement[] {
  let doc = policy;
  if (typeof doc === "string") {
    try {
      doc = JSON.parse(doc);
    } catch {
      return [];
    }
  }
  const statements = list((doc as { Statement?: Statement | Statement[] } | undefined)?.Statement as never) as unknown as Statement[];
  return statements.filter((s) => s.Effect === "Allow" && list(s.Action).some((a) => ADMIN_ACTIONS.has(a)) && list(s.Resource).includes("*"));
}

const POLICY_DOCS = new Set<string>([T.iamPolicy, T.iamRolePolicy, T.iamUserPolicy, T.iamGroupPolicy]);
const ATTACHMENTS = new Set<string>([T.iamRolePolicyAttachment, T.iamUserPolicyAttachment, T.iamGroupPolicyAttachment, T.iamPolicyAttachment]);
const isAdministratorAccess = (arn: unknown) => typeof arn === "string" && /:iam::aws:policy\/AdministratorAccess$/.test(arn);

/** https://docs.aws.amazon.com/securityhub/latest/userguide/iam-controls.html#iam-1 */
export const disallowWildcardAdmin: PackResourcePolicy = {
  name: "iam-disallow-wildcard-admin",
  resourceTypes: [T.iamRole, ...POLICY_DOCS, ...ATTACHMENTS],
  description: "No IAM policy allows every action on every resource; roles name exact actions on exact resources.",
  severity: "critical",
  framework: fsbp("IAM.1"),
  remediationSteps: "Replace \"Action\": \"*\" on \"Resource\": \"*\" with the actions the principal needs on the resources it uses, and do not attach AdministratorAccess.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    const p = args.props;
    const docs: unknown[] = POLICY_DOCS.has(args.type) ? [p.policy] : args.type === T.iamRole ? (p.inlinePolicies ?? []).map((i: { policy?: unknown }) => i.policy) : [];
    if (docs.some((d) => wildcardAdminStatements(d).length > 0)) {
      reportViolation("IAM policy allows every action on every resource; name the exact actions and resources the principal needs.");
    }
    const arns: unknown[] = ATTACHMENTS.has(args.type) ? [p.policyArn] : args.type === T.iamRole ? (p.managedPolicyArns ?? []) : [];
    if (arns.some(isAdministratorAccess)) {
      reportViolation("AdministratorAccess is attached; attach a policy naming the exact actions and resources instead.");
    }
  },
};
