/**
 * Rules of the two security groups the ECS cluster creates. Pure; no Pulumi imports.
 *
 * Security groups are stateful, so answers to allowed traffic need no rule; traffic to the Amazon
 * DNS server, the instance metadata service and the ECS task metadata endpoint is not filtered by
 * security groups at all. https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-groups.html
 */

export interface Rule {
  description: string;
  protocol: "tcp";
  fromPort: number;
  toPort: number;
  cidrBlocks?: string[];
  self?: boolean;
}

const ANYWHERE = "0.0.0.0/0";
export const HTTPS = 443;

/** The services' ports, each once, in order. */
export function uniquePorts(ports: number[]): number[] {
  return [...new Set(ports)].sort((a, b) => a - b);
}

/**
 * Tasks (awsvpc: each task's own ENI carries this group) admit only each other, on the services'
 * ports, for calls through Cloud Map (backend to redis, ai to qdrant). The load balancer's rules
 * are added by the edge tier, from the ALB's group only.
 */
export function tasksIngress(servicePorts: number[]): Rule[] {
  return uniquePorts(servicePorts).map((port) => ({ description: `Tasks to tasks on ${port} (Cloud Map)`, protocol: "tcp", fromPort: port, toPort: port, self: true }));
}

/**
 * Tasks reach AWS APIs (Secrets Manager, S3, ECR for their own pulls, CloudWatch), external
 * services on HTTPS only, and anything inside the VPC over TCP: other tasks, EFS, and the data
 * stores, each of which admits this group on its own port only. The receiving groups are the gate
 * inside the VPC, so this tier does not need every other tier's port list.
 */
export function tasksEgress(vpcCidr: string): Rule[] {
  return [
    { description: "HTTPS to AWS APIs and external services", protocol: "tcp", fromPort: HTTPS, toPort: HTTPS, cidrBlocks: [ANYWHERE] },
    { description: "TCP inside the VPC: tasks, EFS, data stores", protocol: "tcp", fromPort: 0, toPort: 65535, cidrBlocks: [vpcCidr] },
  ];
}

/** NFS: EFS mount targets listen on 2049 only. https://docs.aws.amazon.com/efs/latest/ug/network-access.html */
export const NFS = 2049;

/**
 * Container instances accept no connections (Session Manager, not SSH) and speak HTTPS (the agent
 * to ECS, ECR and CloudWatch, Docker to image registries, SSM, package repositories) and NFS inside
 * the VPC: on EC2 the ECS agent mounts a task's EFS volume from the instance, so EFS must admit the
 * instance as well as the task, and the instance must reach 2049.
 * https://repost.aws/knowledge-center/efs-mount-on-ecs-container-or-task
 */
export function instanceEgress(vpcCidr: string): Rule[] {
  return [
    { description: "HTTPS to AWS APIs, registries and package repositories", protocol: "tcp", fromPort: HTTPS, toPort: HTTPS, cidrBlocks: [ANYWHERE] },
    { description: "NFS to EFS mount targets in the VPC", protocol: "tcp", fromPort: NFS, toPort: NFS, cidrBlocks: [vpcCidr] },
  ];
}
