/**
 * Runs the edge component alone under the mock cloud, built from a stack file's config exactly as
 * stacks/platform.ts will build it (edgeArgs), with stand-ins for what the network, storage and
 * cluster tiers hand it. Then runs the policy pack over what it recorded.
 */
import * as aws from "@pulumi/aws";
import * as k8s from "@pulumi/kubernetes";
import * as pulumi from "@pulumi/pulumi";
import { join } from "node:path";
import { Edge } from "../../components/edge/edge";
import { TargetBindings } from "../../components/edge/targetBindings";
import { LOG_PREFIXES } from "../../components/storage/bucketPolicy";
import { readPlatformConfig } from "../../stacks/config/load";
import type { PlatformConfig } from "../../stacks/config/schema";
import type { ServiceConfig } from "../../stacks/config/sections/services";
import { defaultTags } from "../../stacks/platform";
import { edgeArgs } from "../../stacks/wiring/edge";
import { policies } from "../../policy-pack/policies";
import { MOCK_ACCOUNT_ID, hex } from "../../offline/ids";
import { readPackConfig, runPolicies } from "../../offline/policyRunner";
import { runStack } from "../../offline/runStack";
import { readStackFile } from "../../offline/stackFile";
import { Planned, ROOT } from "../helpers";

const service = (name: string, port: number, routePath?: string, healthCheckPath?: string): ServiceConfig => ({
  name, namespace: "medsearch", port, replicas: { min: 2, max: 6 }, cpu: 512, memory: 1024,
  ...(routePath ? { routePath } : {}), ...(healthCheckPath ? { healthCheckPath } : {}),
  volumes: [], buckets: [], secrets: [], queues: [],
});

/** The reference system's services: three behind the edge, the AI service internal-only. */
export const SERVICES: ServiceConfig[] = [
  service("users", 8080, "/api/users/*", "/healthz"),
  service("search", 8081, "/api/search/*", "/healthz"),
  service("content", 8082, "/api/content/*"),
  service("ai", 9000),
];

export const DOMAIN = { name: "medsearch.example.com", createHostedZone: true };

export interface EdgeRunOptions {
  /** Extra or overriding stack config (JSON text per key, as Pulumi hands it over). */
  config?: Record<string, string>;
  staticAssets?: boolean;
  /** Also the TargetBindings, in the same program. */
  kubernetes?: boolean;
  targetSecurityGroupIds?: string[];
  /** AZ names to hand the edge; default: the first network.azCount of the region. */
  availabilityZones?: string[];
}

/** The stand-in subnet id of a tier in an AZ, as the network tier would hand it over. */
export const subnetId = (tier: "private" | "public", az: string) => `subnet-${hex(`${tier}:${az}`, 17)}`;

const bucket = (name: string, region: string) => ({
  name: pulumi.output(name),
  arn: pulumi.output(`arn:aws:s3:::${name}`),
  regionalDomainName: pulumi.output(`${name}.s3.${region}.amazonaws.com`),
});

/**
 * The edge's TargetGroupBindings in the same program, as a library user composes them: on the
 * cluster's provider, after a stand-in for its load balancer controller release.
 */
function bindings(config: PlatformConfig, edge: Edge): TargetBindings {
  const provider = new k8s.Provider("cluster", { kubeconfig: "{}" });
  const controller = new k8s.core.v1.Namespace("aws-load-balancer-controller", { metadata: { name: "kube-system" } }, { provider });
  return new TargetBindings(`${config.name}-edge`, { provider, services: config.services, targetGroupArns: edge.targetGroupArns, albSecurityGroupId: edge.albSecurityGroupId, dependsOn: [controller] });
}

function buildEdge(config: PlatformConfig, opts: EdgeRunOptions): Edge {
  const tags = { defaultTags: { tags: defaultTags(config) } };
  const provider = new aws.Provider(config.name, { region: config.region as aws.Region, ...tags });
  const usEast1 = new aws.Provider(`${config.name}-us-east-1`, { region: "us-east-1", ...tags });
  const azs = opts.availabilityZones ?? ["a", "b", "c", "d"].slice(0, config.network.azCount).map((l) => `${config.region}${l}`);
  const subnets = (tier: "private" | "public") => pulumi.output(azs.map((az) => subnetId(tier, az)));
  return new Edge(
    `${config.name}-edge`,
    edgeArgs(config, {
      account: { accountId: MOCK_ACCOUNT_ID, partition: "aws", region: config.region },
      vpcId: pulumi.output(`vpc-${hex("vpc", 17)}`),
      vpcCidr: config.network.cidr,
      availabilityZones: azs,
      privateSubnetIds: subnets("private"),
      publicSubnetIds: subnets("public"),
      logsBucket: bucket(`${config.name}-logs-${hex("logs", 8)}`, config.region),
      logPrefixes: { alb: LOG_PREFIXES.alb, cloudfront: LOG_PREFIXES.cloudfront },
      staticAssetsBucket: opts.staticAssets === false ? undefined : bucket(`${config.name}-static-${hex("static", 8)}`, config.region),
      usEast1Provider: usEast1,
      targetSecurityGroupIds: opts.targetSecurityGroupIds ?? [],
      logsKmsKeyArn: pulumi.output(`arn:aws:kms:${config.region}:${MOCK_ACCOUNT_ID}:key/${hex("logs-key", 8)}`),
    }),
    { providers: { aws: provider } },
  );
}

/** Reads the stack file with overrides, builds the edge, runs the pack with the profile's config. */
export async function planEdge(stackFile: string, opts: EdgeRunOptions = {}): Promise<Planned & { edge?: Edge }> {
  // The harness's own services, over the stack file's: these specs are about routing, not the system.
  const raw: Record<string, string> = { ...readStackFile(join(ROOT, stackFile)), "platform:services": JSON.stringify(SERVICES), ...opts.config };
  const stack = stackFile.replace(/^.*Pulumi\./, "").replace(/\.ya?ml$/, "");
  let edge: Edge | undefined;
  const run = await runStack({
    stack,
    config: raw,
    program: async () => {
      const config = readPlatformConfig(raw, stack);
      edge = buildEdge(config, opts);
      if (opts.kubernetes) bindings(config, edge);
      return { url: edge.url, distributionArn: edge.distributionArn, staticAssetsBucketStatements: edge.staticAssetsBucketStatements, logsBucketStatements: edge.logsBucketStatements };
    },
  });
  if (run.error) return { ...run, violations: [] };
  const pack = readPackConfig(join(ROOT, "policy-pack", "config", `${raw["platform:profile"]}.json`));
  return { ...run, edge, violations: await runPolicies(policies, run.resources, pack) };
}
