/**
 * Per-profile defaults: the only place per-environment values (sizes, counts, retention, Multi-AZ,
 * deletion windows) get a default. A stack file overrides any of them; objects merge key by key,
 * arrays replace.
 *
 * dev is cost first but still spans 2 AZs, because AWS requires two AZs for DB subnet groups, EKS
 * and load balancers. prod spreads over 3 AZs with a NAT gateway in each, so losing an AZ loses
 * neither ingress nor egress, and keeps audit logs for more than a year.
 */
import type { Profile } from "./values";
import type { KeysConfig, LoggingConfig, NetworkConfig } from "./schema";

export interface ProfileDefaults {
  logging: LoggingConfig;
  keys: KeysConfig;
  network: NetworkConfig;
}

const subnets = {
  private: { prefixLength: 19 },
  public: { prefixLength: 24 },
  database: { enabled: true, prefixLength: 24 },
};

/** Endpoints for every call a node makes at boot and at run time, so nothing depends on NAT. */
const allNodeEndpoints: NetworkConfig["interfaceEndpoints"] = [
  "ecr.api", "ecr.dkr", "sts", "logs", "secretsmanager", "kms", "ec2", "elasticloadbalancing", "autoscaling",
];

export const PROFILE_DEFAULTS: Record<Profile, ProfileDefaults> = {
  dev: {
    logging: { retentionDays: 7, auditRetentionDays: 7 },
    keys: { deletionWindowDays: 7, protect: false },
    network: {
      cidr: "10.0.0.0/16",
      azCount: 2,
      natGateways: "single",
      subnets,
      // Each interface endpoint costs per AZ-hour; dev pulls through its single NAT instead.
      interfaceEndpoints: [],
      flowLogs: { trafficType: "ALL", maxAggregationIntervalSeconds: 600 },
    },
  },
  staging: {
    logging: { retentionDays: 30, auditRetentionDays: 90 },
    keys: { deletionWindowDays: 30, protect: true },
    network: {
      cidr: "10.0.0.0/16",
      azCount: 3,
      natGateways: "onePerAz",
      subnets,
      interfaceEndpoints: allNodeEndpoints,
      flowLogs: { trafficType: "ALL", maxAggregationIntervalSeconds: 600 },
    },
  },
  prod: {
    logging: { retentionDays: 90, auditRetentionDays: 400 },
    keys: { deletionWindowDays: 30, protect: true },
    network: {
      cidr: "10.0.0.0/16",
      azCount: 3,
      natGateways: "onePerAz",
      subnets,
      interfaceEndpoints: allNodeEndpoints,
      flowLogs: { trafficType: "ALL", maxAggregationIntervalSeconds: 60 },
    },
  },
};
