/**
 * The one config schema: every knob of every tier, as the stack files spell it. Each tier's
 * section (schema, profile defaults, cross-field rules) lives in sections/<tier>.ts; this module
 * lists them.
 *
 * Phase 1 of validation (types, ranges, unknown keys) is zod. Phase 2 (rules across fields) is each
 * section's rules, because zod skips object-level refinements while any type error remains, and we
 * want every problem reported at once. Defaults per profile live beside each section; nothing in a
 * schema has a default, so a value's origin is always either the stack file or the profile.
 */
import { z } from "zod";
import { appSecretsSchema } from "./sections/appSecrets";
import { clusterSchema } from "./sections/cluster";
import { costSchema } from "./sections/cost";
import { edgeSchema } from "./sections/edge";
import { cacheSchema } from "./sections/cache";
import { databaseSchema } from "./sections/database";
import { deploySchema } from "./sections/deploy";
import { keysSchema } from "./sections/keys";
import { loggingSchema } from "./sections/logging";
import { monitoringSchema } from "./sections/monitoring";
import { messagingSchema } from "./sections/messaging";
import { networkSchema } from "./sections/network";
import { servicesSchema } from "./sections/services";
import { storageSchema } from "./sections/storage";
import type { MonitoringConfig } from "./sections/monitoring";
import { PROFILES, REGION_PATTERN } from "./values";

export const tagsSchema = z.strictObject({
  owner: z.string().min(1).max(256).describe("Owner tag: the team answerable for the stack."),
  costCenter: z.string().min(1).max(256).describe("CostCenter tag for billing."),
});

/**
 * Top-level keys of the `platform:` namespace. Sections with profile defaults are merged over them
 * before parsing. A tier's section is optional unless listed in REQUIRED_SECTIONS: a system may lack
 * a database or a cache.
 */
export const sections = {
  profile: z.enum(PROFILES).describe("Environment profile: selects defaults and policy enforcement. Never inferred from the stack name."),
  name: z.string().regex(/^[a-z][a-z0-9-]{1,14}[a-z0-9]$/, "3 to 16 characters of a-z, 0-9 and '-', starting with a letter")
    .describe("Short system name, the prefix of every resource name."),
  tags: tagsSchema,
  logging: loggingSchema,
  keys: keysSchema,
  network: networkSchema,
  services: servicesSchema,
  appSecrets: appSecretsSchema,
  storage: storageSchema,
  monitoring: monitoringSchema,
  cluster: clusterSchema,
  deploy: deploySchema,
  edge: edgeSchema,
  database: databaseSchema,
  cache: cacheSchema,
  messaging: messagingSchema,
  cost: costSchema,
} as const;

export type SectionName = keyof typeof sections;
export const SECTION_NAMES = Object.keys(sections) as SectionName[];

/** Sections every stack must set; the others come from profile defaults. */
export const REQUIRED_SECTIONS: readonly SectionName[] = ["profile", "name", "tags"];

export const region = z.string().regex(REGION_PATTERN, "an AWS region name such as us-east-1").describe("AWS region of the stack (aws:region).");

export type { NetworkConfig } from "./sections/network";
export type { LoggingConfig } from "./sections/logging";
export type { KeysConfig } from "./sections/keys";
export type { ServiceConfig } from "./sections/services";
export type { AppSecretsConfig } from "./sections/appSecrets";
export type { StorageConfig } from "./sections/storage";
export type { MonitoringConfig } from "./sections/monitoring";
export type { ClusterConfig } from "./sections/cluster";
export type { DeployConfig } from "./sections/deploy";
export type { EdgeConfig } from "./sections/edge";
export type { DatabaseConfig } from "./sections/database";
export type { CacheConfig } from "./sections/cache";
export type { MessagingConfig } from "./sections/messaging";
export type { CostConfig } from "./sections/cost";
export type TagsConfig = z.infer<typeof tagsSchema>;

/** The typed, validated stack configuration the program hands to components. */
export interface PlatformConfig {
  /** Name of the Pulumi stack (for tags and explicit physical names only; never for prod-ness). */
  stack: string;
  region: string;
  profile: z.infer<(typeof sections)["profile"]>;
  name: string;
  tags: TagsConfig;
  logging: z.infer<typeof loggingSchema>;
  keys: z.infer<typeof keysSchema>;
  network: z.infer<typeof networkSchema>;
  services: z.infer<typeof servicesSchema>;
  appSecrets: z.infer<typeof appSecretsSchema>;
  storage: z.infer<typeof storageSchema>;
  monitoring: MonitoringConfig;
  cluster: z.infer<typeof clusterSchema>;
  deploy: z.infer<typeof deploySchema>;
  edge: z.infer<typeof edgeSchema>;
  database: z.infer<typeof databaseSchema>;
  cache: z.infer<typeof cacheSchema>;
  messaging: z.infer<typeof messagingSchema>;
  /** Usage the offline cost estimate assumes; no component reads it. */
  cost: z.infer<typeof costSchema>;
}
