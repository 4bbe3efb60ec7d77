/**
 * Services name the secrets they read (`platform:services[].secrets`): the data tier's (database,
 * cache or messaging) or an application secret of `platform:appSecrets`. Each must exist in this
 * stack, so a role is never granted a secret that does not exist. Kafka clients authenticate with
 * IAM and have no secret to read.
 */
import { DATA_SECRET_NAMES, DataSecretName } from "../../../components/data/outputs";
import type { ConfigProblem } from "../problems";
import type { CacheConfig } from "./cache";
import type { DatabaseConfig } from "./database";
import type { AppSecretsConfig } from "./appSecrets";
import type { MessagingConfig } from "./messaging";
import type { ServiceConfig } from "./services";

interface DataStores {
  database?: DatabaseConfig;
  cache?: CacheConfig;
  messaging?: MessagingConfig;
  services?: ServiceConfig[];
  appSecrets?: AppSecretsConfig;
}

/** The secrets this stack's data tier creates. */
export function availableDataSecrets(c: DataStores): DataSecretName[] {
  return [
    ...(c.database?.enabled ? ["database" as const] : []),
    ...(c.cache?.enabled ? ["cache" as const] : []),
    ...(c.messaging?.engine === "rabbitmq" ? ["messaging" as const] : []),
  ];
}

export function dataSecretRules(c: DataStores): ConfigProblem[] {
  // A section that failed phase 1 is undefined; its store's secrets cannot be judged yet.
  if (!c.database || !c.cache || !c.messaging || !c.appSecrets) return [];
  const available = availableDataSecrets(c);
  const application = c.appSecrets.secrets.map((s) => s.name);
  const problems: ConfigProblem[] = [];
  (c.services ?? []).forEach((s, i) => {
    s.secrets.forEach((name, j) => {
      if (available.includes(name as DataSecretName) || application.includes(name)) return;
      const why = name === "messaging" && c.messaging?.engine === "kafka"
        ? "Kafka clients authenticate with IAM (grant topics through `queues`), so there is no messaging secret"
        : `the data tier of this stack creates only: ${available.join(", ") || "none"}; platform:appSecrets lists: ${application.join(", ") || "none"}`;
      problems.push({ key: `platform:services[${i}].secrets[${j}]`, value: name, allowed: `one of ${DATA_SECRET_NAMES.join(", ")} that exists, or an application secret: ${why}` });
    });
  });
  return problems;
}
