/**
 * `platform:logging`: retention classes every tier's log groups draw from.
 */
import { z } from "zod";
import type { ConfigProblem } from "../problems";
import type { Profile } from "../values";
import { retention } from "./common";

export const loggingSchema = z.strictObject({
  retentionDays: retention.describe("Days operational logs are kept. One of the CloudWatch Logs retention values."),
  auditRetentionDays: retention.describe("Days audit logs (VPC flow logs, control-plane audit) are kept. One of the CloudWatch Logs retention values."),
});
export type LoggingConfig = z.infer<typeof loggingSchema>;

/** dev keeps a week; prod keeps audit logs over a year, for a yearly audit cycle. */
export const LOGGING_DEFAULTS: Record<Profile, LoggingConfig> = {
  dev: { retentionDays: 7, auditRetentionDays: 7 },
  staging: { retentionDays: 30, auditRetentionDays: 90 },
  prod: { retentionDays: 90, auditRetentionDays: 400 },
};

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
