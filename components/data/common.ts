import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../naming";
import { tierTags } from "../tags";

/** Where a data store lives and who may reach it. Shared by every data-tier component. */
export interface DataNetworkArgs {
  /** VPC of the stack (network tier output `vpcId`). */
  vpcId: pulumi.Input<string>;
  /**
   * VPC IPv4 CIDR. Not used to admit traffic: data stores admit security groups only, so a new
   * workload in the VPC gets no access by being there.
   */
  vpcCidr: string;
  /** Isolated database subnets (no route to the internet), one per AZ; RDS lives here. */
  databaseSubnetIds: pulumi.Input<string[]>;
  /** Private subnets, one per AZ in `availabilityZones` order; caches and brokers live here. */
  privateSubnetIds: pulumi.Input<string[]>;
  /** AZ names of the stack, in subnet order (2 to 4). */
  availabilityZones: string[];
  /**
   * The only security groups admitted on the store's port (the cluster's node group, or pod
   * security groups where the instance type supports them). Empty: nothing is admitted.
   */
  clientSecurityGroupIds: pulumi.Input<string>[];
}

/**
 * Every data-tier store may hold patient records (rows, cached query results, messages), so each is
 * tagged DataClassification=PHI, as the policy pack's phi-require-data-classification reads it; PHI
 * stores are encrypted with the data key (customer-managed, rotating), except RabbitMQ brokers,
 * which Amazon MQ encrypts only with an AWS-owned key.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-amazonmq-broker-encryptionoptions.html
 */
export const PHI_CLASSIFICATION = { DataClassification: "PHI" } as const;

/** Platform KMS keys (security tier): data for storage, secrets for Secrets Manager, logs for log groups. */
export interface DataKeyArgs {
  dataKeyArn: pulumi.Input<string>;
  secretsKeyArn: pulumi.Input<string>;
  logsKeyArn: pulumi.Input<string>;
}

/**
 * The store's own security group: the data port from the client groups only, nothing else in or
 * out. Security groups are stateful, so replies need no egress rule; none of these services opens
 * connections of its own to the VPC.
 */
export function dataStoreSecurityGroup(
  parent: pulumi.ComponentResource,
  name: string,
  args: { vpcId: pulumi.Input<string>; port: number; service: string; clientSecurityGroupIds: pulumi.Input<string>[] },
): aws.ec2.SecurityGroup {
  const { port, service, clientSecurityGroupIds } = args;
  return new aws.ec2.SecurityGroup(
    childName(name, "sg"),
    {
      vpcId: args.vpcId,
      // EC2 accepts only a-z, A-Z, 0-9, spaces and ._-:/()#,@[]+=&;{}!$* here (no apostrophe).
      // https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_CreateSecurityGroup.html
      description: `${service} on ${port} from the platform client security groups only`,
      ingress: clientSecurityGroupIds.length === 0
        ? []
        : [{ description: `${service} from client security groups`, protocol: "tcp", fromPort: port, toPort: port, securityGroups: clientSecurityGroupIds }],
      egress: [],
      tags: tierTags("data"),
    },
    { parent },
  );
}

/** A log group for a store's logs, encrypted with the logs key and kept per the logging config. */
export function dataLogGroup(
  parent: pulumi.ComponentResource,
  logicalName: string,
  args: { name?: string; retentionDays: number; kmsKeyArn: pulumi.Input<string> },
): aws.cloudwatch.LogGroup {
  return new aws.cloudwatch.LogGroup(
    logicalName,
    { ...(args.name ? { name: args.name } : {}), retentionInDays: args.retentionDays, kmsKeyId: args.kmsKeyArn, tags: tierTags("data") },
    { parent },
  );
}
