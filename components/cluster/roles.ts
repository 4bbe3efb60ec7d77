/**
 * IAM roles the cluster tier creates: IRSA roles for service accounts and the nodes' instance
 * role. Every inline policy is a typed document (components/iam/policyDocument.ts).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { PolicyDocument, policyDocument } from "../iam/policyDocument";
import { childName } from "../naming";
import { tierTags } from "../tags";
import { ServiceAccountRef, irsaTrustPolicy } from "./irsa";

export interface Oidc {
  providerArn: pulumi.Output<string>;
  providerUrl: pulumi.Output<string>;
}

export interface RoleOptions {
  /** Inline policy, rendered to JSON. */
  policy?: pulumi.Input<PolicyDocument | undefined>;
  /** AWS managed policies by name (arn:<partition>:iam::aws:policy/<name>). */
  managedPolicies?: string[];
  /** The ARN partition of those policies (aws, aws-cn, aws-us-gov). */
  partition: pulumi.Input<string>;
}

/**
 * The role's inline policy (named like the role) and its AWS managed policies, one attachment each.
 * Exported for the ECS engine's roles (components/ecs).
 */
export function attach(name: string, role: aws.iam.Role, opts: RoleOptions, parent: pulumi.Resource): pulumi.Resource[] {
  const out: pulumi.Resource[] = [];
  if (opts.policy) {
    const policy = pulumi.output(opts.policy).apply((doc) => (doc ? JSON.stringify(doc) : undefined));
    out.push(new aws.iam.RolePolicy(name, { role: role.id, policy: policy as pulumi.Output<string> }, { parent }));
  }
  for (const managed of opts.managedPolicies ?? []) {
    const suffix = managed.replace(/[^A-Za-z0-9]/g, "").replace(/^Amazon/, "").toLowerCase();
    out.push(new aws.iam.RolePolicyAttachment(`${name}-${suffix}`, { role: role.name, policyArn: pulumi.interpolate`arn:${opts.partition}:iam::aws:policy/${managed}` }, { parent }));
  }
  return out;
}

export interface CreatedRole {
  role: aws.iam.Role;
  /** The role and its attached policies, for dependsOn. */
  resources: pulumi.Resource[];
}

/** A role only the given service account of this cluster can assume. */
export function irsaRole(parentName: string, role: string, sa: ServiceAccountRef, oidc: Oidc, opts: RoleOptions, parent: pulumi.Resource): CreatedRole {
  const name = childName(parentName, role);
  const trust = pulumi.all([oidc.providerArn, oidc.providerUrl]).apply(([arn, url]) => JSON.stringify(irsaTrustPolicy(arn, url, sa)));
  const r = new aws.iam.Role(name, { assumeRolePolicy: trust, description: `IRSA: ${sa.namespace}/${sa.name}`, tags: tierTags("cluster") }, { parent });
  return { role: r, resources: [r, ...attach(name, r, opts, parent)] };
}

/**
 * The instance role of cluster nodes: join the cluster, run the VPC CNI, pull images. EC2 assumes
 * it through the instance profile EKS creates for each managed node group. The CNI's permissions
 * stay on the node role because @pulumi/eks creates the vpc-cni add-on before the cluster's OIDC
 * provider exists outside the component.
 * https://docs.aws.amazon.com/eks/latest/userguide/create-node-role.html
 */
export function nodeRole(parentName: string, role: string, partition: pulumi.Input<string>, parent: pulumi.Resource): CreatedRole {
  const name = childName(parentName, role);
  const trust = policyDocument({ Sid: "TrustEc2", Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" });
  const r = new aws.iam.Role(name, { assumeRolePolicy: JSON.stringify(trust), description: "EKS worker nodes", tags: tierTags("cluster") }, { parent });
  const managedPolicies = ["AmazonEKSWorkerNodePolicy", "AmazonEKS_CNI_Policy", "AmazonEC2ContainerRegistryPullOnly"];
  return { role: r, resources: [r, ...attach(name, r, { managedPolicies, partition }, parent)] };
}
