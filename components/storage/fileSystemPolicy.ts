/**
 * The EFS file system policy. Pure; no Pulumi imports.
 *
 * A file system without a policy of its own runs under EFS's default policy, which lets any client
 * that reaches a mount target mount, write and act as root, over plain NFS as well as TLS. This
 * policy replaces it and grants nothing: it only denies.
 * https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html
 *
 * Who may still mount: EFS allows a client action when either the file system policy or the
 * client's IAM identity policy allows it, so an IAM-authenticated client keeps exactly what its role
 * grants. The only clients are ECS tasks, and every EFS volume mounts with IAM authorization
 * (authorizationConfig.iam ENABLED, components/ecs/taskDefinition.ts) as the task role, which
 * grants ClientMount and ClientWrite on this file system through the service's own access points
 * only (efsStatement, components/ecs/rolePolicies.ts). An anonymous mount (no IAM) gets no allow
 * and is refused.
 *
 * No Allow here, and so no elasticfilesystem:AccessedViaMountTarget condition either: that key is
 * how the console's policies scope their Allow to "*". Such an Allow would let every principal, and
 * anonymous clients, reach every access point, undoing the per-service scoping of the task roles.
 *
 * No ClientRootAccess anywhere: each access point imposes its POSIX uid and gid on every request,
 * so a task never needs root on the file system. EFS asks for ClientRootAccess only where an access
 * point's uid or gid is 0, which the storage config refuses.
 * https://docs.aws.amazon.com/efs/latest/ug/enforce-identity-access-points.html
 */
import { PolicyDocument, PolicyStatement, denyInsecureTransport, policyDocument } from "../iam/policyDocument";

/** The NFS client actions EFS authorizes. https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html */
export const EFS_CLIENT_ACTIONS = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite", "elasticfilesystem:ClientRootAccess"];

/**
 * Denies everything not over TLS, for every principal, as the console's "Enforce in-transit
 * encryption for all clients" option does: a plain-NFS mount is refused whoever makes it.
 * https://docs.aws.amazon.com/efs/latest/ug/iam-access-control-nfs-efs.html (aws:SecureTransport)
 * https://docs.aws.amazon.com/whitepapers/latest/efs-encrypted-file-systems/encryption-of-data-in-transit.html
 */
const tlsOnly = (fileSystemArn: string): PolicyStatement => denyInsecureTransport({ AWS: "*" }, "*", fileSystemArn);

/**
 * Denies every client action except through one of the stack's access points, for every principal,
 * so no role, however broad its IAM grant, mounts the file system's root and steps around the
 * access points' POSIX identity and root directory. A negated condition is true when the request
 * has no access point ARN at all (a mount without one).
 * https://docs.aws.amazon.com/efs/latest/ug/access-points-iam-policy.html (elasticfilesystem:AccessPointArn)
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * With no access points, no client may mount at all.
 */
export function denyOutsideAccessPoints(fileSystemArn: string, accessPointArns: string[]): PolicyStatement {
  return {
    Sid: "DenyOutsideAccessPoints",
    Effect: "Deny",
    Principal: { AWS: "*" },
    Action: EFS_CLIENT_ACTIONS,
    Resource: fileSystemArn,
    ...(accessPointArns.length > 0 ? { Condition: { StringNotEquals: { "elasticfilesystem:AccessPointArn": accessPointArns } } } : {}),
  };
}

/** The file system's policy: TLS only, and only through the stack's access points. */
export function fileSystemPolicy(fileSystemArn: string, accessPointArns: string[]): PolicyDocument {
  return policyDocument(tlsOnly(fileSystemArn), denyOutsideAccessPoints(fileSystemArn, accessPointArns));
}
