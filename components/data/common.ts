import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../naming";
import { tierTags } from "../tags";

/** Where a data store lives and who may reach it. Shared by every data-tier component. */
export interface DataStoreNetworkArgs {
  /** VPC of the store (the Network's `vpcId`). */
  vpcId: pulumi.Input<string>;
  /**
   * Subnets the store lives in, one per AZ, in at least two AZs: the Network's `databaseSubnetIds`
   * (isolated, no route to the internet) for a database, its `privateSubnetIds` for a cache or a
   * broker. https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html
   */
  subnetIds: pulumi.Input<string[]>;
  /**
   * AZ names of `subnetIds`, in the same order (the Network's `availabilityZones`); each component
   * says what it places by them.
   */
  availabilityZones?: string[];
  /**
   * The only security groups admitted on the store's port (the cluster's node group, or pod
   * security groups where the instance type supports them). Data stores admit groups, never CIDRs,
   * so a new workload in the VPC gets no access by being there.
   * @default [] (nothing is admitted)
   */
  clientSecurityGroupIds?: pulumi.Input<string>[];
}

/**
 * Every data-tier store may hold patient records (rows, cached query results, messages), so each is
 * tagged DataClassification=PHI, as the policy pack's phi-require-data-classification reads it; PHI
 * stores are encrypted with the data key (customer-managed, rotating), except RabbitMQ brokers,
 * which Amazon MQ encrypts only with an AWS-owned key.
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-amazonmq-broker-encryptionoptions.html
 */
export const PHI_CLASSIFICATION = { DataClassification: "PHI" } as const;

/**
 * The store's own security group: the data port from the client groups only, nothing else in or
 * out. Security groups are stateful, so replies need no egress rule; none of these services opens
 * connections of its own to the VPC.
 */
export function dataStoreSecurityGroup(
  parent: pulumi.ComponentResource,
  name: string,
  args: { vpcId: pulumi.Input<string>; port: number; service: string; clientSecurityGroupIds?: pulumi.Input<string>[] },
): aws.ec2.SecurityGroup {
  const { port, service, clientSecurityGroupIds = [] } = args;
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
