import * as aws from "@pulumi/aws";
import * as awsx from "@pulumi/awsx";
import * as pulumi from "@pulumi/pulumi";
import { AccountContext, accountContext } from "../account";
import { policyDocument, serviceTrustPolicy } from "../iam/policyDocument";
import { childName } from "../naming";
import { awsProviders } from "../providers";
import { KeyArns, keysFor } from "../security/ownKeys";
import { tierTags } from "../tags";
import { ENDPOINT_PORT, endpointRole, endpointServiceName } from "./endpoints";
import { natStrategy, subnetLayoutInput } from "./layout";
import { createNatInstance } from "./natInstance";
import { NetworkSettings, resolveNetworkArgs } from "./presets";
import { AwsxSubnetSpec, SubnetPlan, planSubnets } from "./subnets";

/**
 * Everything but the AZ names and the region has a default (NetworkSettings, presets.ts): a caller
 * who gives only those gets the prod layout.
 */
export interface NetworkArgs extends Partial<NetworkSettings> {
  /**
   * AZ names the network may use, in order; it spreads over the first `azCount` of them, and subnet
   * N of every tier lives in AZ N. Plain names, because awsx takes them when the VPC is declared:
   * `(await aws.getAvailabilityZones({ state: "available" })).names` gives the region's.
   * https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_VPC.WorkingWithRDSInstanceinaVPC.html
   */
  availabilityZoneNames: string[];
  /** Region of the VPC, for endpoint service names such as com.amazonaws.<region>.s3 (awsx takes it plain). */
  region: string;
  /**
   * Account, for the flow-log role's confused-deputy condition and the policy of the component's own key.
   * @default what the component's provider answers
   */
  account?: AccountContext;
  /**
   * The `logs` key encrypts the flow-log group.
   * @default the component's own customer-managed key, rotation on (not protected: it encrypts only
   * this network's flow logs, which the network's deletion deletes; KMS still waits 30 days)
   */
  keys?: KeyArns;
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
    const s = resolveNetworkArgs(name, args);
    this.plan = planSubnets(subnetLayoutInput(s));
    const azs = args.availabilityZoneNames.slice(0, s.azCount);
    const account = accountContext(this, args.account);
    const keys = keysFor(this, name, ["logs"], args.keys, { account: () => account, protect: false, kind: "Network" });

    const vpc = new awsx.ec2.Vpc(
      childName(name, "vpc"),
      {
        cidrBlock: s.cidr,
        availabilityZoneNames: azs,
        subnetStrategy: this.plan.strategy,
        subnetSpecs: this.plan.specs.map((s) => ({ ...s, tags: tierTags("network", SUBNET_ROLE_TAGS[s.type]) })),
        natGateways: { strategy: natStrategy(s.natGateways) },
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
    this.vpcCidr = s.cidr;
    this.availabilityZones = azs;
    this.publicSubnetIds = vpc.publicSubnetIds;
    this.privateSubnetIds = vpc.privateSubnetIds;
    this.databaseSubnetIds = vpc.isolatedSubnetIds;

    // Managing the default group with no rules removes AWS's allow-all-within-group default.
    new aws.ec2.DefaultSecurityGroup(childName(name, "default-sg"), { vpcId: vpc.vpcId, ingress: [], egress: [], tags: tierTags("network") }, { parent: this });

    if (s.natGateways === "instance") {
      createNatInstance(name, { vpcId: vpc.vpcId, vpcCidr: s.cidr, publicSubnetIds: vpc.publicSubnetIds, privateSubnetIds: vpc.privateSubnetIds, azCount: azs.length }, this);
    }
    this.flowLogGroupName = this.flowLogs(name, { ...s.flowLogs, kmsKeyArn: keys.logs, account }, vpc.vpcId);
    this.interfaceEndpoints(name, { ...s, region: args.region }, vpc);
    this.registerOutputs({
      vpcId: this.vpcId,
      publicSubnetIds: this.publicSubnetIds,
      privateSubnetIds: this.privateSubnetIds,
      databaseSubnetIds: this.databaseSubnetIds,
      flowLogGroupName: this.flowLogGroupName,
    });
  }

  private flowLogs(
    name: string,
    f: NetworkSettings["flowLogs"] & { kmsKeyArn: pulumi.Input<string>; account: pulumi.Output<AccountContext> },
    vpcId: pulumi.Output<string>,
  ): pulumi.Output<string> {
    const group = new aws.cloudwatch.LogGroup(
      childName(name, "flow-logs"),
      { retentionInDays: f.retentionDays, kmsKeyId: f.kmsKeyArn, tags: tierTags("network") },
      { parent: this },
    );
    const role = new aws.iam.Role(
      childName(name, "flow-logs"),
      {
        assumeRolePolicy: f.account.apply((a) => JSON.stringify(serviceTrustPolicy("vpc-flow-logs.amazonaws.com", a.accountId))),
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
        trafficType: f.trafficType,
        logDestinationType: "cloud-watch-logs",
        logDestination: group.arn,
        iamRoleArn: role.arn,
        maxAggregationInterval: f.maxAggregationIntervalSeconds,
        tags: tierTags("network"),
      },
      { parent: this },
    );
    return group.name;
  }

  private interfaceEndpoints(name: string, args: NetworkSettings & { region: string }, vpc: awsx.ec2.Vpc): void {
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
