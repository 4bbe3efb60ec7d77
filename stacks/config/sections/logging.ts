/**
 * `platform:logging`: retention classes every tier's log groups draw from.
 */
import { z } from "zod";
import { LOGGING_PRESETS } from "../../../components/logs";
import type { ConfigProblem } from "../problems";
import type { Profile } from "../values";
import { retention } from "./common";

export const loggingSchema = z.strictObject({
  retentionDays: retention.describe("Days operational logs are kept. One of the CloudWatch Logs retention values."),
  auditRetentionDays: retention.describe("Days audit logs (VPC flow logs, control-plane audit) are kept. One of the CloudWatch Logs retention values."),
});
export type LoggingConfig = z.infer<typeof loggingSchema>;

/** The retention classes' profile values live beside the components (components/logs.ts). */
export const LOGGING_DEFAULTS: Record<Profile, LoggingConfig> = LOGGING_PRESETS;

/** Audit logs must outlive a yearly audit cycle in prod. */
export const PROD_MIN_AUDIT_RETENTION_DAYS = 365;

export function loggingRules(c: { profile?: Profile; logging?: LoggingConfig }): ConfigProblem[] {
  if (c.profile !== "prod" || !c.logging) return [];
  if (c.logging.auditRetentionDays >= PROD_MIN_AUDIT_RETENTION_DAYS) return [];
  return [{
    key: "platform:logging.auditRetentionDays",
    value: c.logging.auditRetentionDays,
    allowed: `at least ${PROD_MIN_AUDIT_RETENTION_DAYS} when profile is prod (audit logs are kept a year or more)`,
  }];
}
