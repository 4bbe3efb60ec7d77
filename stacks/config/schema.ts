/**
 * The one config schema: every knob of every tier, as the stack files spell it.
 *
 * Phase 1 of validation (types, ranges, unknown keys) is this file. Phase 2 (rules across fields)
 * is rules.ts, because zod skips object-level refinements while any type error remains, and we
 * want every problem reported at once. Defaults per profile live in defaults.ts; nothing here has
 * a default, so a value's origin is always either the stack file or the profile.
 */
import { z } from "zod";
import { AZ_PATTERN, INTERFACE_ENDPOINT_SERVICES, LOG_RETENTION_DAYS, PROFILES, REGION_PATTERN } from "./values";
import { parseCidr } from "../../components/network/cidr";

const literals = <T extends readonly (string | number)[]>(values: T) =>
  z.union(values.map((v) => z.literal(v)) as unknown as [z.ZodLiteral<T[number]>, z.ZodLiteral<T[number]>]);

/** An IPv4 CIDR block with a prefix in [min, max] and no host bits set. */
export const cidrBlock = (min: number, max: number) =>
  z.string().refine((s) => {
    const c = parseCidr(s);
    return c !== undefined && c.prefix >= min && c.prefix <= max;
  }, `an IPv4 CIDR block with prefix /${min} to /${max} and no host bits set, such as 10.0.0.0/${min}`);

const retention = literals(LOG_RETENTION_DAYS).describe(
  `Days. One of the values CloudWatch Logs accepts: ${LOG_RETENTION_DAYS.join(", ")}.`,
);

/** AWS subnet sizes run from /16 to /28. https://docs.aws.amazon.com/vpc/latest/userguide/subnet-sizing.html */
const subnetPrefix = z.number().int().min(16).max(28).describe("Prefix length of each subnet of this tier, /16 to /28 (AWS subnet size limits).");
const pinnedCidrs = z.array(cidrBlock(16, 28)).describe("Pinned CIDRs, one per AZ in AZ order. Overrides the derived layout for this tier.");

const tier = z.strictObject({ prefixLength: subnetPrefix, cidrs: pinnedCidrs.optional() });

export const networkSchema = z.strictObject({
  cidr: cidrBlock(16, 24).describe("VPC IPv4 CIDR, /16 to /24. AWS allows /16 to /28; below /24 the tiers no longer fit four AZ slots."),
  azCount: z.number().int().min(2).max(4).describe("AZs to spread subnets over, 2 to 4. AWS needs 2 for DB subnet groups, EKS and load balancers; prod needs 3."),
  availabilityZones: z.array(z.string().regex(AZ_PATTERN, "an AZ name such as us-east-1a")).optional()
    .describe("Pinned AZ names, exactly azCount of them. Default: the first azCount available AZs of the region."),
  natGateways: z.enum(["none", "single", "onePerAz"]).describe("NAT strategy: one per AZ survives an AZ outage; single is a cost saving for dev."),
  subnets: z.strictObject({
    private: tier.describe("Cluster nodes, caches, brokers, interface endpoints."),
    public: tier.describe("Load balancers and NAT gateways only."),
    database: z.strictObject({
      enabled: z.boolean().describe("Isolated subnets with no route to the internet, for RDS."),
      prefixLength: subnetPrefix,
      cidrs: pinnedCidrs.optional(),
    }),
  }),
  interfaceEndpoints: z.array(z.enum(INTERFACE_ENDPOINT_SERVICES))
    .describe(`Interface VPC endpoints, each with its own security group admitting 443 from the VPC. Allowed: ${INTERFACE_ENDPOINT_SERVICES.join(", ")}.`),
  flowLogs: z.strictObject({
    trafficType: z.enum(["ALL", "ACCEPT", "REJECT"]).describe("Traffic the flow log records."),
    maxAggregationIntervalSeconds: literals([60, 600] as const).describe("Seconds: 60 or 600, the two values AWS accepts."),
  }),
});

export const loggingSchema = z.strictObject({
  retentionDays: retention.describe("Days operational logs are kept. One of the CloudWatch Logs retention values."),
  auditRetentionDays: retention.describe("Days audit logs (VPC flow logs, control-plane audit) are kept. One of the CloudWatch Logs retention values."),
});

export const keysSchema = z.strictObject({
  deletionWindowDays: z.number().int().min(7).max(30).describe("Days a deleted KMS key waits before it is destroyed, 7 to 30 (AWS limits)."),
  protect: z.boolean().describe("Pulumi `protect` on every key, so `pulumi destroy` refuses to schedule their deletion. Losing a key loses all data it encrypted."),
});

export const tagsSchema = z.strictObject({
  owner: z.string().min(1).max(256).describe("Owner tag: the team answerable for the stack."),
  costCenter: z.string().min(1).max(256).describe("CostCenter tag for billing."),
});

/**
 * Top-level keys of the `platform:` namespace. Sections that have profile defaults are merged over
 * them before parsing. Later tiers add their sections here.
 */
export const sections = {
  profile: z.enum(PROFILES).describe("Environment profile: selects defaults and policy enforcement. Never inferred from the stack name."),
  name: z.string().regex(/^[a-z][a-z0-9-]{1,14}[a-z0-9]$/, "3 to 16 characters of a-z, 0-9 and '-', starting with a letter")
    .describe("Short system name, the prefix of every resource name."),
  tags: tagsSchema,
  logging: loggingSchema,
  keys: keysSchema,
  network: networkSchema,
} as const;

export type SectionName = keyof typeof sections;
export const SECTION_NAMES = Object.keys(sections) as SectionName[];

/** Sections every stack must set; the others come from profile defaults. */
export const REQUIRED_SECTIONS: readonly SectionName[] = ["profile", "name", "tags"];

export const region = z.string().regex(REGION_PATTERN, "an AWS region name such as us-east-1").describe("AWS region of the stack (aws:region).");

export type NetworkConfig = z.infer<typeof networkSchema>;
export type LoggingConfig = z.infer<typeof loggingSchema>;
export type KeysConfig = z.infer<typeof keysSchema>;
export type TagsConfig = z.infer<typeof tagsSchema>;

/** The typed, validated stack configuration the program hands to components. */
export interface PlatformConfig {
  /** Name of the Pulumi stack (for tags and explicit physical names only; never for prod-ness). */
  stack: string;
  region: string;
  profile: z.infer<(typeof sections)["profile"]>;
  name: string;
  tags: TagsConfig;
  logging: LoggingConfig;
  keys: KeysConfig;
  network: NetworkConfig;
}
