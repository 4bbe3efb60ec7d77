/**
 * The data components' own checks on values AWS would reject mid-deployment, for callers that
 * build them directly (the stack config runs the same checks with full config keys). Pure: each
 * returns one sentence per problem, naming the argument, the value, what is allowed and the nearest.
 */
import { cacheNodeTypeProblem, describeProblem, mqInstanceTypeProblem, rdsPostgresClassProblem } from "../aws/checks";
import { regionOfAz } from "../aws/facts";
import { didYouMean } from "../suggest";
import { type CacheEngine, cacheVersionProblem } from "./cacheEngine";
import { KAFKA_VERSIONS, rabbitMqProblem } from "./messagingEngine";
import { postgresVersionProblem } from "./postgres";

export function databaseArgProblems(a: { account: { region: string }; engineVersion: string; instanceClass: string }): string[] {
  const version = postgresVersionProblem(a.engineVersion);
  if (version) return [describeProblem("engineVersion", a.engineVersion, version)];
  const cls = rdsPostgresClassProblem(a.account.region, a.engineVersion.split(".")[0], a.instanceClass);
  return cls ? [describeProblem("instanceClass", a.instanceClass, cls)] : [];
}

export function cacheArgProblems(a: { availabilityZones: string[]; engine: CacheEngine; engineVersion: string; nodeType: string }): string[] {
  const version = cacheVersionProblem(a.engine, a.engineVersion);
  const type = a.availabilityZones[0] ? cacheNodeTypeProblem(regionOfAz(a.availabilityZones[0]), a.nodeType) : undefined;
  return [...(version ? [describeProblem("engineVersion", a.engineVersion, version)] : []), ...(type ? [describeProblem("nodeType", a.nodeType, type)] : [])];
}

export function rabbitMqArgProblems(a: { availabilityZones: string[]; engineVersion: string; instanceType: string }): string[] {
  const family = rabbitMqProblem(a.engineVersion, a.instanceType);
  if (family) return [`rabbitmq: got engineVersion ${JSON.stringify(a.engineVersion)} with instanceType ${JSON.stringify(a.instanceType)}; allowed: ${family}`];
  const type = a.availabilityZones[0] ? mqInstanceTypeProblem(regionOfAz(a.availabilityZones[0]), a.instanceType) : undefined;
  return type ? [describeProblem("rabbitmq.instanceType", a.instanceType, type)] : [];
}

export function kafkaArgProblems(a: { version: string }): string[] {
  if ((KAFKA_VERSIONS as readonly string[]).includes(a.version)) return [];
  return [describeProblem("kafka.version", a.version, { allowed: `a Kafka version MSK offers for Standard brokers: ${KAFKA_VERSIONS.join(", ")}`, suggestions: didYouMean(a.version, KAFKA_VERSIONS) })];
}
