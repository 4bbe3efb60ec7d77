import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
import { policyDocument, serviceTrustPolicy } from "../iam/policyDocument";
import { availabilityZoneProblems, describeProblem } from "../aws/checks";
import { ComponentArgsError, throwIfProblems } from "../errors";
import { childName } from "../naming";
import { awsProviders } from "../providers";
import { tierTags } from "../tags";
import { checkAwsxVpcArgs } from "./awsxRules";
import { ENDPOINT_PORT, endpointRole, endpointServiceName } from "./endpoints";
import { NetworkLayoutConfig, natStrategy, subnetLayoutInput } from "./layout";
import { createNatInstance } from "./natInstance";
import { AwsxSubnetSpec, SubnetPlan, planSubnets } from "./subnets";

/** Layout fields (cidr, azCount, natGateways, subnets) are documented on NetworkLayoutConfig. */
export interface NetworkArgs extends NetworkLayoutConfig {
  /**
   * AZ names, in order; subnet N of every tier lives in availabilityZoneNames[N]. Length equals
   * azCount (2 to 4): DB subnet groups, EKS and ALBs need two AZs.
   * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html
   */
  availabilityZoneNames: string[];
  /** Region of the stack, for endpoint service names such as com.amazonaws.<region>.s3. */
  region: string;
  /** Account id, for the flow-log role's confused-deputy condition. */
  accountId: string;
  /**
   * Interface endpoints (short names such as "ecr.api"), each with its own security group admitting
   * 443 from the VPC only. Empty: traffic to AWS APIs goes through NAT.
   */
  interfaceEndpoints: readonly string[];
  flowLogs: {
    /** Traffic recorded: ALL, ACCEPT or REJECT. https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html */
    trafficType: "ALL" | "ACCEPT" | "REJECT";
    /** Seconds: 60 or 600, the two values AWS accepts. */
    maxAggregationIntervalSeconds: 60 | 600;
    /** Days the flow-log group keeps records; one of the CloudWatch Logs retention values. */
    retentionDays: number;
    /** ARN of the KMS key that encrypts the flow-log group (the platform's logs key). */
    kmsKeyArn: pulumi.Input<string>;
  };
}

/** Extra tags per tier so the AWS Load Balancer Controller discovers the right subnets. */
const SUBNET_ROLE_TAGS: Partial<Record<AwsxSubnetSpec["type"], Record<string, string>>> = {
  Public: { "kubernetes.io/role/elb": "1" },
  Private: { "kubernetes.io/role/internal-elb": "1" },
};

/**
 * The VPC every other tier lives in: public, private and (optionally) isolated database subnets
 * across the stack's AZs, NAT per strategy, flow logs to an encrypted log group, an S3 gateway
 * endpoint, optional interface endpoints, and the default security group stripped of all rules
 * (FSBP EC2.2).
 */
export class Network extends pulumi.ComponentResource {
  readonly vpcId: pulumi.Output<string>;
  readonly vpcCidr: string;
  readonly availabilityZones: string[];
  readonly publicSubnetIds: pulumi.Output<string[]>;
  readonly privateSubnetIds: pulumi.Output<string[]>;
  /** Isolated subnets for databases; empty when the database tier is disabled. */
  readonly databaseSubnetIds: pulumi.Output<string[]>;
  /** The derived layout: CIDR per tier per AZ. */
  readonly plan: SubnetPlan;
  readonly flowLogGroupName: pulumi.Output<string>;

  constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super("platform:network:Network", name, {}, opts);
    throwIfProblems(name, availabilityZoneProblems(args.region, args.availabilityZoneNames).map(({ index, problem }) =>
      describeProblem(index === undefined ? "availabilityZoneNames" : `availabilityZoneNames[${index}]`, index === undefined ? args.availabilityZoneNames : args.availabilityZoneNames[index], problem)));
    this.plan = planSubnets(subnetLayoutInput(args));
    const errors = checkAwsxVpcArgs({
      cidrBlock: args.cidr,
      availabilityZoneNames: args.availabilityZoneNames,
      subnetStrategy: this.plan.strategy,
      subnetSpecs: this.plan.specs,
      natStrategy: natStrategy(args.natGateways),
    });
    if (errors.length > 0) throw new ComponentArgsError(`${name}: awsx would reject this VPC: ${errors.join("; ")}`);

    const vpc = new awsx.ec2.Vpc(
      childName(name, "vpc"),
      {
        cidrBlock: args.cidr,
        availabilityZoneNames: args.availabilityZoneNames,
        subnetStrategy: this.plan.strategy,
        subnetSpecs: this.plan.specs.map((s) => ({ ...s, tags: tierTags("network", SUBNET_ROLE_TAGS[s.type]) })),
        natGateways: { strategy: natStrategy(args.natGateways) },
        // Interface endpoints with private DNS need both DNS attributes on.
        enableDnsHostnames: true,
        enableDnsSupport: true,
        // The S3 gateway endpoint is free and keeps image layers and bucket traffic off NAT; awsx's
        // Auto strategy attaches it to the route tables it creates, which we cannot see from here.
        vpcEndpointStrategy: "Auto",
        vpcEndpointSpecs: [{ serviceName: endpointServiceName(args.region, "s3"), vpcEndpointType: "Gateway" }],
        tags: tierTags("network"),
      },
      { parent: this, providers: awsProviders(this) },
    );
    this.vpcId = vpc.vpcId;
    this.vpcCidr = args.cidr;
    this.availabilityZones = args.availabilityZoneNames;
    this.publicSubnetIds = vpc.publicSubnetIds;
    this.privateSubnetIds = vpc.privateSubnetIds;
    this.databaseSubnetIds = vpc.isolatedSubnetIds;

    // Managing the default group with no rules removes AWS's allow-all-within-group default.
    new aws.ec2.DefaultSecurityGroup(childName(name, "default-sg"), { vpcId: vpc.vpcId, ingress: [], egress: [], tags: tierTags("network") }, { parent: this });

    if (args.natGateways === "instance") {
      createNatInstance(name, { vpcId: vpc.vpcId, vpcCidr: args.cidr, publicSubnetIds: vpc.publicSubnetIds, privateSubnetIds: vpc.privateSubnetIds, azCount: args.availabilityZoneNames.length }, this);
    }
    this.flowLogGroupName = this.flowLogs(name, args, vpc.vpcId);
    this.interfaceEndpoints(name, args, vpc);
    this.registerOutputs({
      vpcId: this.vpcId,
      publicSubnetIds: this.publicSubnetIds,
      privateSubnetIds: this.privateSubnetIds,
      databaseSubnetIds: this.databaseSubnetIds,
      flowLogGroupName: this.flowLogGroupName,
    });
  }

  private flowLogs(name: string, args: NetworkArgs, vpcId: pulumi.Output<string>): pulumi.Output<string> {
    const group = new aws.cloudwatch.LogGroup(
      childName(name, "flow-logs"),
      { retentionInDays: args.flowLogs.retentionDays, kmsKeyId: args.flowLogs.kmsKeyArn, tags: tierTags("network") },
      { parent: this },
    );
    const role = new aws.iam.Role(
      childName(name, "flow-logs"),
      {
        assumeRolePolicy: JSON.stringify(serviceTrustPolicy("vpc-flow-logs.amazonaws.com", args.accountId)),
        tags: tierTags("network"),
      },
      { parent: this },
    );
    new aws.iam.RolePolicy(
      childName(name, "flow-logs"),
      {
        role: role.id,
        policy: group.arn.apply((arn) =>
          JSON.stringify(
            policyDocument({
              Sid: "WriteFlowLogs",
              Effect: "Allow",
              Action: ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
              Resource: [arn, `${arn}:*`],
            }),
          ),
        ),
      },
      { parent: this },
    );
    new aws.ec2.FlowLog(
      childName(name, "flow-log"),
      {
        vpcId,
        trafficType: args.flowLogs.trafficType,
        logDestinationType: "cloud-watch-logs",
        logDestination: group.arn,
        iamRoleArn: role.arn,
        maxAggregationInterval: args.flowLogs.maxAggregationIntervalSeconds,
        tags: tierTags("network"),
      },
      { parent: this },
    );
    return group.name;
  }

  private interfaceEndpoints(name: string, args: NetworkArgs, vpc: awsx.ec2.Vpc): void {
    for (const service of args.interfaceEndpoints) {
      const role = endpointRole(service);
      // One group per endpoint: the locked-down default group would block every endpoint.
      const sg = new aws.ec2.SecurityGroup(
        childName(name, role),
        {
          vpcId: vpc.vpcId,
          description: `HTTPS from the VPC to the ${service} endpoint`,
          ingress: [{ description: "HTTPS from the VPC", protocol: "tcp", fromPort: ENDPOINT_PORT, toPort: ENDPOINT_PORT, cidrBlocks: [args.cidr] }],
          // Endpoints only answer; security groups are stateful, so replies need no egress rule.
          egress: [],
          tags: tierTags("network"),
        },
        { parent: this },
      );
      new aws.ec2.VpcEndpoint(
        childName(name, role),
        {
          vpcId: vpc.vpcId,
          serviceName: endpointServiceName(args.region, service),
          vpcEndpointType: "Interface",
          privateDnsEnabled: true,
          subnetIds: vpc.privateSubnetIds,
          securityGroupIds: [sg.id],
          tags: tierTags("network"),
        },
        { parent: this },
      );
    }
  }
}
