/**
 * Queries the example specs share over a planned stack: a bucket's settings by its config name, the
 * listener rules of the ALB, a service's IAM grants, and the services list of the example file.
 */
import { strict as assert } from "node:assert";
import { join } from "node:path";
import { readStackFile } from "../../offline/stackFile";
import type { RecordedResource } from "../../offline/recorder";
import { Planned, ROOT, ofType, one } from "../helpers";

export interface ExampleService {
  name: string;
  namespace: string;
  port: number;
  replicas: { min: number; max: number };
  routePath?: string;
  healthCheckPath?: string;
  buckets: Array<{ name: string; access: string }>;
  secrets: string[];
  queues: string[];
}

/** The services list of an example stack file, as the user wrote it. */
export const exampleServices = (file: string): ExampleService[] => JSON.parse(readStackFile(join(ROOT, file))["platform:services"]);

/** The resource of `type` whose `bucket` input is the bucket with config name `name`. */
export function bucketPart(p: Planned, type: string, name: string): RecordedResource {
  const physical = p.outputs.bucketNames[name];
  assert.ok(physical, `no bucket ${name}`);
  const found = ofType(p, type).filter((r) => r.inputs.bucket === physical);
  assert.equal(found.length, 1, `${type} of ${name}`);
  return found[0];
}

/** A bucket's lifecycle transitions, as S3 receives them. */
export const transitions = (p: Planned, name: string) =>
  bucketPart(p, "aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", name).inputs.rules[0].transitions;

export const versioning = (p: Planned, name: string) =>
  bucketPart(p, "aws:s3/bucketVersioning:BucketVersioning", name).inputs.versioningConfiguration.status;

/** Each ALB listener rule as [path pattern, target group port, health check path, service tag]. */
export function listenerRoutes(p: Planned): Array<[string, number, string, string]> {
  const groups = ofType(p, "aws:lb/targetGroup:TargetGroup");
  return ofType(p, "aws:lb/listenerRule:ListenerRule").map((rule) => {
    const action = rule.inputs.actions[0];
    assert.equal(action.type, "forward");
    const tg = groups.find((g) => g.outputs.arn === action.targetGroupArn)!;
    return [rule.inputs.conditions[0].pathPattern.values[0], tg.inputs.port, tg.inputs.healthCheck.path, rule.inputs.tags.Service];
  });
}

/** The statements of a service's IAM role policy, or none when its role has no policy. */
export function grants(p: Planned, system: string, service: string): Array<{ Action: string | string[]; Resource: string | string[] }> {
  const policy = ofType(p, "aws:iam/rolePolicy:RolePolicy").find((r) => r.name === `${system}-workloads-svc-${service}`);
  return policy ? JSON.parse(policy.inputs.policy).Statement : [];
}

/** Every resource ARN a service's role names. */
export const grantedResources = (p: Planned, system: string, service: string): string[] =>
  grants(p, system, service).flatMap((s) => [s.Resource].flat());

/** The HPA of a service: [min, max, CPU target %]. */
export function podScaling(p: Planned, system: string, service: string): [number, number, number] {
  const spec = one(p, "kubernetes:autoscaling/v2:HorizontalPodAutoscaler", `${system}-workloads-hpa-${service}`).inputs.spec;
  assert.equal(spec.metrics.length, 1);
  return [spec.minReplicas, spec.maxReplicas, spec.metrics[0].resource.target.averageUtilization];
}
