import { strict as assert } from "node:assert";
import Ajv from "ajv";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { policyEntrySchema } from "../../lib/configFileSchema";
import { T } from "../../lib/types";
import { assertOneViolation, check, fixture, withInputs } from "../../test/fixtures";
import { HIGH_RISK_PORTS, disallowUnrestrictedIngress as policy } from "./disallowUnrestrictedIngress";

const tcp = (port: number, source: Record<string, unknown>) => ({ protocol: "tcp", fromPort: port, toPort: port, ...source });
const INTERNET = { cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] };

/** An internet-facing load balancer's group: 80 and 443 from anywhere, the rest from inside only. */
const publicGroup = fixture(T.securityGroup, "public-alb", {
  inputs: {
    vpcId: "vpc-1",
    ingress: [
      tcp(443, INTERNET),
      tcp(80, { cidrBlocks: ["0.0.0.0/0"] }),
      tcp(8080, { cidrBlocks: ["10.0.0.0/16"] }),
      tcp(8443, { prefixListIds: ["pl-82a045eb"] }),
      tcp(5432, { securityGroups: ["sg-0123456789abcdef0"] }),
    ],
    egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
  },
});
const ec2Rule = fixture(T.securityGroupRule, "https-in", {
  inputs: { type: "ingress", securityGroupId: "sg-0123456789abcdef0", protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] },
});
const vpcRule = fixture(T.securityGroupIngressRule, "https-in-v6", {
  inputs: { securityGroupId: "sg-0123456789abcdef0", ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv6: "::/0" },
});
const defaultGroup = fixture(T.defaultSecurityGroup, "default-sg", { inputs: { vpcId: "vpc-1", ingress: [], egress: [] } });

/** publicGroup with its first inline rule replaced. */
const withFirstRule = (rule: Record<string, unknown>) => withInputs(publicGroup, { ingress: [rule, ...publicGroup.inputs.ingress.slice(1)] });
const RESTRICT = /restrict the source to the VPC CIDR, a security group or a prefix list such as CloudFront's origin-facing list/;

describe("ec2-disallow-unrestricted-ingress (FSBP EC2.18, EC2.19)", () => {
  for (const r of [publicGroup, ec2Rule, vpcRule, defaultGroup]) {
    it(`passes ${r.type} ${r.name}: the internet only on TCP 80 and 443, other ports from the VPC, a prefix list or a security group`, async () => {
      assert.deepEqual(await check(policy, [r]), []);
    });
  }

  it("passes an egress rule open to the internet: only ingress counts", async () => {
    assert.deepEqual(await check(policy, [withInputs(ec2Rule, { type: "egress", protocol: "-1", fromPort: 0, toPort: 0 })]), []);
  });

  it("fails SSH open to the world, a high-risk port (EC2.19), naming the group's rule, port and source", async () => {
    const v = assertOneViolation(await check(policy, [withFirstRule(tcp(22, INTERNET))]), policy, []);
    assert.equal(v.message, "Security group public-alb ingress rule 1 admits TCP port 22 from 0.0.0.0/0 and ::/0, a high-risk port (FSBP EC2.19) that no authorizedPorts entry opens; restrict the source to the VPC CIDR, a security group or a prefix list such as CloudFront's origin-facing list.");
    assert.equal(v.urn, publicGroup.urn);
  });

  it("fails a port outside the authorized ones, offering authorizedPorts for a truly public one", async () => {
    const v = assertOneViolation(await check(policy, [withFirstRule(tcp(8443, { cidrBlocks: ["0.0.0.0/0"] }))]), policy, []);
    assert.equal(v.message, "Security group public-alb ingress rule 1 admits TCP port 8443 from 0.0.0.0/0, beyond the authorized ports (80, 443); restrict the source to the VPC CIDR, a security group or a prefix list such as CloudFront's origin-facing list, or add the port to authorizedPorts if it is truly meant to be public.");
  });

  it("fails a range that spans a non-authorized port, though it holds 443", async () => {
    assertOneViolation(await check(policy, [withFirstRule({ protocol: "tcp", fromPort: 443, toPort: 444, cidrBlocks: ["0.0.0.0/0"] })]), policy, [/admits TCP ports 443-444 from 0\.0\.0\.0\/0, beyond the authorized ports/, /add the ports to authorizedPorts if they are truly meant/]);
  });

  it("fails every port open (0-65535), naming the high-risk ones among them", async () => {
    assertOneViolation(await check(policy, [withFirstRule({ protocol: "tcp", fromPort: 0, toPort: 65535, cidrBlocks: ["0.0.0.0/0"] })]), policy, [/admits TCP ports 0-65535 from 0\.0\.0\.0\/0, high-risk ports 20, 21, 22 and 21 more among them \(FSBP EC2\.19\)/, RESTRICT]);
  });

  it("fails all traffic (protocol -1) from the internet, inline, as a SecurityGroupRule (\"all\") and as a SecurityGroupIngressRule", async () => {
    const all = /admits all traffic \(every protocol and port\) from (0\.0\.0\.0\/0|::\/0); authorizedPorts opens only TCP ports, so restrict the source .*, or admit only authorized TCP ports\.$/;
    assertOneViolation(await check(policy, [withFirstRule({ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] })]), policy, [/^Security group public-alb ingress rule 1 /, all]);
    assertOneViolation(await check(policy, [withInputs(ec2Rule, { protocol: "all", fromPort: 0, toPort: 65535 })]), policy, [/^Security group rule https-in /, all]);
    assertOneViolation(await check(policy, [withInputs(vpcRule, { ipProtocol: "-1", fromPort: undefined, toPort: undefined })]), policy, [/^Security group ingress rule https-in-v6 /, all]);
  });

  it("fails UDP and ICMP from the internet: authorizedPorts authorizes TCP ports only", async () => {
    assertOneViolation(await check(policy, [withInputs(vpcRule, { ipProtocol: "udp", fromPort: 53, toPort: 53 })]), policy, [/admits UDP port 53 from ::\/0; authorizedPorts opens only TCP ports/]);
    assertOneViolation(await check(policy, [withInputs(ec2Rule, { protocol: "icmp", fromPort: -1, toPort: -1 })]), policy, [/admits ICMP traffic from 0\.0\.0\.0\/0/]);
  });

  it("fails a default security group that admits the internet", async () => {
    const open = withInputs(defaultGroup, { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] });
    assertOneViolation(await check(policy, [open]), policy, [/^Default security group default-sg ingress rule 1 admits all traffic/]);
  });

  it("reports each open rule of a group once", async () => {
    const group = withInputs(publicGroup, { ingress: [tcp(22, { cidrBlocks: ["0.0.0.0/0"] }), tcp(443, INTERNET), tcp(3389, { ipv6CidrBlocks: ["::/0"] })] });
    const found = await check(policy, [group]);
    assert.deepEqual(found.map((v) => v.message.split(" admits")[0]), ["Security group public-alb ingress rule 1", "Security group public-alb ingress rule 3"]);
  });
});

describe("ec2-disallow-unrestricted-ingress authorizedPorts", () => {
  const config = (authorizedPorts: number[]) => ({ all: "mandatory" as const, [policy.name]: { authorizedPorts } });

  it("passes a port the pack config authorizes", async () => {
    assert.deepEqual(await check(policy, [withFirstRule(tcp(8443, { cidrBlocks: ["0.0.0.0/0"] }))], config([80, 443, 8443])), []);
  });

  it("fails 443 when the config authorizes nothing", async () => {
    assertOneViolation(await check(policy, [ec2Rule], config([])), policy, [/admits TCP port 443 from 0\.0\.0\.0\/0, beyond the authorized ports \(none\)/]);
  });

  it("never authorizes a high-risk port, even listed (EC2.19 holds whatever the config says)", async () => {
    for (const port of HIGH_RISK_PORTS) {
      assertOneViolation(await check(policy, [withFirstRule(tcp(port, { cidrBlocks: ["0.0.0.0/0"] }))], config([...HIGH_RISK_PORTS, 80, 443])), policy, [/a high-risk port \(FSBP EC2\.19\)/]);
    }
  });

  it("refuses, in the config schema, a port outside 1-65535", () => {
    const validate = new Ajv({ strict: true }).compile(policyEntrySchema(policy));
    assert.ok(validate({ authorizedPorts: [80, 443, 8443] }));
    for (const port of [0, 65536, 443.5]) assert.ok(!validate({ authorizedPorts: [443, port] }), String(port));
  });
});

describe("ec2-disallow-unrestricted-ingress during preview", () => {
  it("passes an unknown CIDR (another resource's output) on an authorized port: no source can make it a violation", async () => {
    assert.deepEqual(await check(policy, [withFirstRule(tcp(443, { cidrBlocks: [unknownValue] }))]), []);
    assert.deepEqual(await check(policy, [withInputs(vpcRule, { cidrIpv6: unknownValue })]), []);
  });

  it("says 'can't run during preview', never a violation, for an unknown CIDR on a port that is not authorized", async () => {
    assertOneViolation(await check(policy, [withFirstRule(tcp(5432, { cidrBlocks: [unknownValue] }))]), policy, [/can't run policy 'ec2-disallow-unrestricted-ingress' during preview/, /\.ingress\.0\.cidrBlocks\.0/], "advisory");
  });

  it("decides a known 0.0.0.0/0 beside an unknown CIDR", async () => {
    assertOneViolation(await check(policy, [withFirstRule(tcp(22, { cidrBlocks: ["0.0.0.0/0", unknownValue] }))]), policy, [/admits TCP port 22 from 0\.0\.0\.0\/0, a high-risk port/]);
  });

  it("passes an unknown prefix list or security group source, which is never the whole internet", async () => {
    assert.deepEqual(await check(policy, [withFirstRule(tcp(5432, { prefixListIds: [unknownValue], securityGroups: [unknownValue] }))]), []);
  });

  it("reports the rules it can decide, then says it can't run for the one whose port is unknown", async () => {
    const group = withInputs(publicGroup, { ingress: [tcp(22, { cidrBlocks: ["0.0.0.0/0"] }), { protocol: "tcp", fromPort: unknownValue, toPort: unknownValue, cidrBlocks: ["0.0.0.0/0"] }] });
    const found = await check(policy, [group]);
    assert.deepEqual(found.map((v) => v.level), ["mandatory", "advisory"]);
    assert.match(found[1].message, /can't run .* \.ingress\.1\.fromPort/);
  });

  it("says it can't run when a whole ingress list, or a rule's type, is unknown", async () => {
    assertOneViolation(await check(policy, [withInputs(publicGroup, { ingress: unknownValue })]), policy, [/can't run .*\.ingress can't be known/], "advisory");
    assertOneViolation(await check(policy, [withInputs(ec2Rule, { type: unknownValue })]), policy, [/can't run .*\.type can't be known/], "advisory");
  });
});
