/**
 * Phase-2 rules that check values against AWS's own lists (cfn-lint's data, components/aws): the
 * pinned AZs belong to the stack's region and are distinct, the region has azCount AZs, the
 * replica region exists, and the EC2 instance types, RDS classes (for the PostgreSQL major),
 * ElastiCache node types and Amazon MQ broker types are offered in the region. Versions are checked
 * beside their sections (postgres.ts, cacheEngine.ts, messagingEngine.ts, cluster/versions.ts).
 */
import {
  ValueProblem, availabilityZoneProblems, cacheNodeTypeProblem, ec2InstanceTypeProblem, mqInstanceTypeProblem, rdsPostgresClassProblem, regionProblem,
} from "../../components/aws/checks";
import { availabilityZonesOf, snapshotCitation } from "../../components/aws/facts";
import { postgresVersionProblem } from "../../components/data/postgres";
import type { ConfigProblem } from "./problems";
import type { Parsed } from "./rules";

const problem = (key: string, value: unknown, p: ValueProblem | undefined): ConfigProblem[] =>
  p ? [{ key, value, allowed: p.allowed, suggestions: p.suggestions }] : [];

function networkProblems(region: string, net: NonNullable<Parsed["network"]>): ConfigProblem[] {
  const key = "platform:network";
  if (net.availabilityZones) {
    return availabilityZoneProblems(region, net.availabilityZones).flatMap(({ index, problem: p }) =>
      problem(index === undefined ? `${key}.availabilityZones` : `${key}.availabilityZones[${index}]`, index === undefined ? net.availabilityZones : net.availabilityZones![index], p));
  }
  const azs = availabilityZonesOf(region);
  return azs.length > 0 && net.azCount > azs.length
    ? [{ key: `${key}.azCount`, value: net.azCount, allowed: `at most ${azs.length}, the AZs of ${region} (${azs.join(", ")}; ${snapshotCitation()})` }]
    : [];
}

function clusterProblems(region: string, cluster: NonNullable<Parsed["cluster"]>): ConfigProblem[] {
  const key = "platform:cluster";
  if (!cluster.enabled) return [];
  if (cluster.engine === "ecs") return problem(`${key}.ecs.instanceType`, cluster.ecs.instanceType, ec2InstanceTypeProblem(region, cluster.ecs.instanceType));
  const groups = (["system", "application", "gpu"] as const).filter((g) => g !== "gpu" || cluster.nodeGroups.gpu.enabled);
  return groups.flatMap((g) => cluster.nodeGroups[g].instanceTypes.flatMap((t, i) =>
    problem(`${key}.nodeGroups.${g}.instanceTypes[${i}]`, t, ec2InstanceTypeProblem(region, t))));
}

function dataProblems(region: string, c: Parsed): ConfigProblem[] {
  const out: ConfigProblem[] = [];
  const db = c.database;
  // The class is judged for the major only once the version itself is right (databaseRules says when it is not).
  if (db?.enabled && !postgresVersionProblem(db.engineVersion)) {
    out.push(...problem("platform:database.instanceClass", db.instanceClass, rdsPostgresClassProblem(region, db.engineVersion.split(".")[0], db.instanceClass)));
  }
  if (c.cache?.enabled) out.push(...problem("platform:cache.nodeType", c.cache.nodeType, cacheNodeTypeProblem(region, c.cache.nodeType)));
  if (c.messaging?.engine === "rabbitmq") {
    const type = c.messaging.rabbitmq.instanceType;
    out.push(...problem("platform:messaging.rabbitmq.instanceType", type, mqInstanceTypeProblem(region, type)));
  }
  return out;
}

export function awsValueRules(c: Parsed): ConfigProblem[] {
  const region = c.region;
  if (!region) return [];
  const replica = c.storage?.replication.enabled ? c.storage.replication.region : undefined;
  return [
    ...(c.network ? networkProblems(region, c.network) : []),
    ...(replica ? problem("platform:storage.replication.region", replica, regionProblem(replica)) : []),
    ...(c.cluster ? clusterProblems(region, c.cluster) : []),
    ...dataProblems(region, c),
  ];
}
