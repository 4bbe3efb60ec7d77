/**
 * Alarms, alert topics and the stateful resources alarms watch, as a stack policy sees them. A
 * reference (an alarm's dimension, an action, a subscription's topic) counts when the property
 * depends on the resource (known even in preview) or when its value equals one of the resource's
 * identifiers.
 */
import type { PolicyResource } from "@pulumi/policy";
import { T } from "./types";
import { known } from "./unknowns";

/** The tag that marks an alert topic's severity; critical topics page on-call. */
export const SEVERITY_TAG = "Severity";

export const criticalTopics = (resources: PolicyResource[]): PolicyResource[] =>
  resources.filter((r) => r.type === T.snsTopic && known<Record<string, string>>(r.props, "tags")?.[SEVERITY_TAG] === "critical");

const strings = (v: unknown): string[] => (typeof v === "string" ? [v] : []);

/** The ARN of a topic (its id is the ARN as well). */
const topicArns = (topic: PolicyResource): string[] => [...strings(known(topic.props, "arn")), ...strings(known(topic.props, "id"))];

function dependsOn(r: PolicyResource, props: string[], target: PolicyResource): boolean {
  return props.some((p) => (r.propertyDependencies[p] ?? []).some((d) => d.urn === target.urn));
}

/** The values of an object read one by one, an unknown one (during preview) as undefined. */
function knownValues(o: Record<string, any> | undefined): unknown[] {
  return o && typeof o === "object" ? Object.keys(o).map((k) => known(o, k)) : [];
}

/** True when the alarm's ALARM actions include the topic. */
export function notifies(alarm: PolicyResource, topic: PolicyResource): boolean {
  if (dependsOn(alarm, ["alarmActions"], topic)) return true;
  const actions = knownValues(known<unknown[]>(alarm.props, "alarmActions"));
  const arns = topicArns(topic);
  return actions.some((a) => typeof a === "string" && arns.includes(a));
}

/** True when the subscription is on the topic. */
export function subscribes(sub: PolicyResource, topic: PolicyResource): boolean {
  if (dependsOn(sub, ["topic"], topic)) return true;
  const value = known(sub.props, "topic");
  return typeof value === "string" && topicArns(topic).includes(value);
}

/** A resource that holds data and must have a critical alarm. */
export interface Stateful {
  resource: PolicyResource;
  what: string;
  /** Values its metrics carry as dimensions (identifier, member cluster ids, broker name). */
  ids: Set<string>;
  /** Member cluster ids of a replication group start with "<group id>-". */
  memberPrefix?: string;
}

function ids(r: PolicyResource, props: string[]): Set<string> {
  return new Set(props.flatMap((p) => {
    const v = known(r.props, p);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : strings(v);
  }));
}

/** Every RDS instance and cluster, cache and broker of the stack. */
export function statefulResources(resources: PolicyResource[]): Stateful[] {
  const out: Stateful[] = [];
  for (const r of resources) {
    switch (r.type) {
      case T.rdsInstance:
        out.push({ resource: r, what: "RDS instance", ids: ids(r, ["identifier"]) });
        break;
      case T.rdsCluster:
        out.push({ resource: r, what: "RDS cluster", ids: ids(r, ["clusterIdentifier"]) });
        break;
      case T.cacheReplicationGroup: {
        const group = known(r.props, "replicationGroupId");
        out.push({ resource: r, what: "cache replication group", ids: ids(r, ["replicationGroupId", "memberClusters"]), memberPrefix: typeof group === "string" ? `${group}-` : undefined });
        break;
      }
      case T.cacheCluster:
        // A member of a replication group is watched through its group.
        if (!known(r.props, "replicationGroupId")) out.push({ resource: r, what: "cache cluster", ids: ids(r, ["clusterId"]) });
        break;
      case T.mqBroker:
        out.push({ resource: r, what: "Amazon MQ broker", ids: ids(r, ["brokerName"]) });
        break;
      case T.mskCluster:
        out.push({ resource: r, what: "MSK cluster", ids: ids(r, ["clusterName"]) });
        break;
    }
  }
  return out;
}

/**
 * Every dimension value of an alarm: its own dimensions and those of its metric-math inputs. During
 * preview a value built from another resource's output is unknown; it is skipped here and the
 * alarm still watches that resource through its property dependency (see watches).
 */
export function dimensionValues(alarm: PolicyResource): string[] {
  const own = knownValues(known<Record<string, unknown>>(alarm.props, "dimensions"));
  const queries = knownValues(known<any[]>(alarm.props, "metricQueries")).flatMap((q) => {
    const metric = q && typeof q === "object" ? known<Record<string, any>>(q as Record<string, any>, "metric") : undefined;
    return knownValues(metric ? known<Record<string, unknown>>(metric, "dimensions") : undefined);
  });
  return [...own, ...queries].filter((v): v is string => typeof v === "string");
}

/** True when the alarm watches the resource. */
export function watches(alarm: PolicyResource, s: Stateful): boolean {
  if (dependsOn(alarm, ["dimensions", "metricQueries"], s.resource)) return true;
  return dimensionValues(alarm).some((v) => s.ids.has(v) || (s.memberPrefix !== undefined && v.startsWith(s.memberPrefix)));
}
