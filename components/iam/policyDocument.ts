/**
 * Typed IAM policy documents, written in our code and rendered to JSON, so every action and
 * resource a role gets is visible in review. Pure; no Pulumi imports.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html
 */

export type Principal =
  | "*"
  | { AWS: string | string[] }
  | { Service: string | string[] }
  | { Federated: string | string[] };

export type ConditionOperator =
  | "StringEquals"
  | "StringNotEquals"
  | "StringLike"
  | "ArnLike"
  | "ArnEquals"
  | "Bool"
  | "IpAddress"
  | "Null"
  | "ForAllValues:StringEquals"
  | "ForAnyValue:StringEquals";

export interface PolicyStatement {
  Sid: string;
  Effect: "Allow" | "Deny";
  Principal?: Principal;
  Action: string | string[];
  Resource?: string | string[];
  Condition?: Partial<Record<ConditionOperator, Record<string, string | string[]>>>;
}

export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: PolicyStatement[];
}

export function policyDocument(...statements: PolicyStatement[]): PolicyDocument {
  return { Version: "2012-10-17", Statement: statements };
}

/** A role trust policy for one AWS service, limited to this account (confused-deputy guard). */
export function serviceTrustPolicy(service: string, accountId: string, sourceArnPattern?: string): PolicyDocument {
  return policyDocument({
    Sid: "TrustService",
    Effect: "Allow",
    Principal: { Service: service },
    Action: "sts:AssumeRole",
    Condition: {
      StringEquals: { "aws:SourceAccount": accountId },
      ...(sourceArnPattern ? { ArnLike: { "aws:SourceArn": sourceArnPattern } } : {}),
    },
  });
}

/**
 * Denies `action` on `resource` to `principal` whenever the request is not over TLS: the
 * aws:SecureTransport Deny that S3 bucket and EFS file system policies use to refuse plain-text
 * access, whoever asks.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html#condition-keys-securetransport
 */
export function denyInsecureTransport(principal: Principal, action: string, resource: string | string[]): PolicyStatement {
  return { Sid: "DenyInsecureTransport", Effect: "Deny", Principal: principal, Action: action, Resource: resource, Condition: { Bool: { "aws:SecureTransport": "false" } } };
}
