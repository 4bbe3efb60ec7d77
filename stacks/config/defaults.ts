/**
 * Per-profile defaults: the only place per-environment values (sizes, counts, retention, Multi-AZ,
 * deletion protection) get a default. Each tier keeps its defaults beside its schema in
 * sections/<tier>.ts; this module assembles them per profile. A stack file overrides any of them;
 * objects merge key by key, arrays replace.
 */
import { APP_SECRETS_DEFAULTS } from "./sections/appSecrets";
import { CLUSTER_DEFAULTS, ClusterDefaults, clusterDefaultsFor } from "./sections/cluster";
import { COST_DEFAULTS } from "./sections/cost";
import { EDGE_DEFAULTS } from "./sections/edge";
import { CACHE_DEFAULTS } from "./sections/cache";
import { DATABASE_DEFAULTS } from "./sections/database";
import { DEPLOY_DEFAULTS } from "./sections/deploy";
import { KEYS_DEFAULTS } from "./sections/keys";
import { LOGGING_DEFAULTS } from "./sections/logging";
import { MONITORING_DEFAULTS } from "./sections/monitoring";
import { MESSAGING_DEFAULTS } from "./sections/messaging";
import { NETWORK_DEFAULTS } from "./sections/network";
import { SERVICES_DEFAULTS } from "./sections/services";
import { STORAGE_DEFAULTS } from "./sections/storage";
import type { PlatformConfig } from "./schema";
import { PROFILES, Profile } from "./values";

/** Every section's defaults; the cluster's carry both engines' values (the config reference shows both). */
export type ProfileDefaults = Omit<PlatformConfig, "stack" | "region" | "profile" | "name" | "tags" | "cluster"> & { cluster: ClusterDefaults };

export const PROFILE_DEFAULTS: Record<Profile, ProfileDefaults> = Object.fromEntries(
  PROFILES.map((p) => [p, {
    logging: LOGGING_DEFAULTS[p], keys: KEYS_DEFAULTS[p], network: NETWORK_DEFAULTS[p], services: SERVICES_DEFAULTS[p], appSecrets: APP_SECRETS_DEFAULTS[p],
    storage: STORAGE_DEFAULTS[p], cluster: CLUSTER_DEFAULTS[p], deploy: DEPLOY_DEFAULTS[p], edge: EDGE_DEFAULTS[p],
    database: DATABASE_DEFAULTS[p], cache: CACHE_DEFAULTS[p], messaging: MESSAGING_DEFAULTS[p], monitoring: MONITORING_DEFAULTS[p], cost: COST_DEFAULTS[p],
  }]),
) as Record<Profile, ProfileDefaults>;

/**
 * The defaults a section of the stack file is merged over: the profile's, except that the cluster's
 * are those of the engine the stack file names (platform:cluster.engine, eks when it names none).
 */
export function sectionDefaults(defaults: ProfileDefaults | undefined, name: string, given: unknown): unknown {
  if (!defaults) return undefined;
  if (name === "cluster") return clusterDefaultsFor(defaults.cluster, given);
  return (defaults as Record<string, unknown>)[name];
}
