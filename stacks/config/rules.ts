/**
 * Phase 2 of validation: every section's cross-field and per-profile rules. Each rule sees only
 * sections that passed phase 1, so a type error elsewhere never hides these problems.
 */
import type { ConfigProblem } from "./problems";
import type { PlatformConfig } from "./schema";
import { appSecretsRules } from "./sections/appSecrets";
import { clusterRules } from "./sections/cluster";
import { edgeRules } from "./sections/edge";
import { cacheRules } from "./sections/cache";
import { dataSecretRules } from "./sections/dataSecrets";
import { databaseRules } from "./sections/database";
import { deployRules } from "./sections/deploy";
import { keysRules } from "./sections/keys";
import { loggingRules } from "./sections/logging";
import { monitoringRules } from "./sections/monitoring";
import { messagingRules } from "./sections/messaging";
import { networkRules } from "./sections/network";
import { servicesRules } from "./sections/services";
import { storageRules } from "./sections/storage";
import { awsValueRules } from "./awsValues";

export type Parsed = Partial<Omit<PlatformConfig, "stack">>;

/**
 * Every phase-2 rule; each tier appends its own. `given` is what the stack file itself set, section
 * by section, before profile defaults were merged in: a rule about keys the user wrote reads it.
 */
export const RULES: ReadonlyArray<(c: Parsed, given: Record<string, unknown>) => ConfigProblem[]> = [
  networkRules, loggingRules, keysRules, servicesRules, appSecretsRules, storageRules, clusterRules, deployRules, edgeRules,
  databaseRules, cacheRules, messagingRules, dataSecretRules, monitoringRules, awsValueRules,
];
