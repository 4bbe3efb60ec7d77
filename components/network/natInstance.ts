/**
 * A NAT instance: the cost option for dev (natGateways: "instance"). One small Graviton instance in
 * the first public subnet forwards the private subnets' IPv4 traffic to the internet with source
 * NAT (iptables MASQUERADE), instead of a managed NAT gateway's hourly and per-GB charges. It is a
 * single point of failure with the instance's bandwidth, so prod keeps managed gateways per AZ.
 * https://docs.aws.amazon.com/vpc/latest/userguide/VPC_NAT_Instance.html
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { childName } from "../naming";
import { tierTags } from "../tags";

/** The smallest Graviton type; a dev VPC's egress (image pulls, API calls) fits its burst bandwidth. */
export const NAT_INSTANCE_TYPE = "t4g.nano";

/** Amazon Linux 2023 for arm64, resolved from AWS's public SSM parameter at deploy time. */
export const NAT_AMI_PARAMETER = "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64";

/**
 * Boot script: forward IPv4 and masquerade everything leaving the primary interface, persisted across
 * reboots (iptables-services). AWS's NAT instance guide does the same with iptables.
 * https://docs.aws.amazon.com/vpc/latest/userguide/work-with-nat-instances.html
 */
export function natUserData(): string {
  return [
    "#!/bin/bash",
    "set -euo pipefail",
    "dnf install -y iptables-services",
    "echo 'net.ipv4.ip_forward = 1' > /etc/sysctl.d/90-nat.conf",
    "sysctl -p /etc/sysctl.d/90-nat.conf",
    "iface=$(ip route show default | awk '{print $5; exit}')",
    "iptables -t nat -A POSTROUTING -o \"$iface\" -j MASQUERADE",
    "iptables -F FORWARD",
    "service iptables save",
    "systemctl enable --now iptables",
    "",
  ].join("\n");
}

export interface NatInstanceArgs {
  vpcId: pulumi.Input<string>;
  vpcCidr: string;
  publicSubnetIds: pulumi.Output<string[]>;
  privateSubnetIds: pulumi.Output<string[]>;
  /** Private subnets (one per AZ) whose route tables get the default route. */
  azCount: number;
}

/**
 * The instance, its security group (everything from the VPC in, anything out) and a 0.0.0.0/0 route
 * in each private subnet's route table to the instance's network interface. Source/destination
 * checking is off, which forwarding needs; IMDSv2 only; the root volume is encrypted.
 */
export function createNatInstance(name: string, args: NatInstanceArgs, parent: pulumi.ComponentResource): aws.ec2.Instance {
  const sg = new aws.ec2.SecurityGroup(childName(name, "nat"), {
    vpcId: args.vpcId,
    description: "NAT instance: any traffic from the VPC in, any traffic out",
    ingress: [{ description: "Traffic to forward, from the VPC", protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: [args.vpcCidr] }],
    egress: [{ description: "Forwarded traffic to the internet", protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
    tags: tierTags("network"),
  }, { parent });
  const ami = aws.ssm.getParameterOutput({ name: NAT_AMI_PARAMETER }, { parent });
  const instance = new aws.ec2.Instance(childName(name, "nat"), {
    ami: ami.value,
    instanceType: NAT_INSTANCE_TYPE,
    subnetId: args.publicSubnetIds.apply((ids) => ids[0]),
    vpcSecurityGroupIds: [sg.id],
    associatePublicIpAddress: true,
    sourceDestCheck: false,
    metadataOptions: { httpEndpoint: "enabled", httpTokens: "required", httpPutResponseHopLimit: 1, instanceMetadataTags: "disabled" },
    rootBlockDevice: { encrypted: true, volumeType: "gp3", volumeSize: 8, deleteOnTermination: true },
    userData: natUserData(),
    userDataReplaceOnChange: true,
    tags: tierTags("network", { Name: childName(name, "nat") }),
  }, { parent });
  for (let i = 0; i < args.azCount; i++) {
    const table = aws.ec2.getRouteTableOutput({ subnetId: args.privateSubnetIds.apply((ids) => ids[i]) }, { parent });
    new aws.ec2.Route(childName(name, `nat-route-${i + 1}`), {
      routeTableId: table.routeTableId,
      destinationCidrBlock: "0.0.0.0/0",
      networkInterfaceId: instance.primaryNetworkInterfaceId,
    }, { parent });
  }
  return instance;
}
