/**
 * Which services the edge routes, and how: ALB listener rules, target groups and CloudFront cache
 * behaviors, derived from the services list. Pure; no Pulumi imports.
 */
import { targetGroupPrefix } from "./names";

/** An ALB path pattern is at most 128 characters. https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html */
export const ROUTE_PATH_MAX_LENGTH = 128;

/** Gap between rule priorities, so a rule can be slotted in by hand during an incident. */
export const PRIORITY_STEP = 10;

/** Default health check path when a service names none (the ALB's own default). */
export const DEFAULT_HEALTH_CHECK_PATH = "/";

/**
 * A service as the edge sees it: the fields that decide its route. The stack's `platform:services`
 * entries fit it as they are.
 */
export interface RoutedService {
  /** Service name: names its target group, listener rule and TargetGroupBinding. */
  name: string;
  /** Kubernetes namespace of the service (the TargetGroupBinding's), or its ECS workload group. */
  namespace: string;
  /** Container port, 1 to 65535. */
  port: number;
  /** ALB and CloudFront path pattern, e.g. `/api/*`. Absent: internal-only, no route. */
  routePath?: string;
  /** Health check path. @default "/" */
  healthCheckPath?: string;
}

export interface Route {
  /** Service name; names its target group, listener rule and TargetGroupBinding. */
  service: string;
  /** Kubernetes namespace of the service (for the TargetGroupBinding). */
  namespace: string;
  /** Port the pods listen on: the target group's port and the Service port the binding references. */
  port: number;
  /** Path pattern, the same on the ALB and in CloudFront. */
  pathPattern: string;
  healthCheckPath: string;
  /** Listener rule priority, 1..50000, lower first; in the order services are listed. */
  priority: number;
  targetGroupPrefix: string;
}

/** Routed services in list order; services without routePath are internal-only and get nothing. */
export function routes(services: readonly RoutedService[]): Route[] {
  return services
    .filter((s) => s.routePath !== undefined)
    .map((s, i) => ({
      service: s.name,
      namespace: s.namespace,
      port: s.port,
      pathPattern: s.routePath!,
      healthCheckPath: s.healthCheckPath ?? DEFAULT_HEALTH_CHECK_PATH,
      priority: (i + 1) * PRIORITY_STEP,
      targetGroupPrefix: targetGroupPrefix(s.name),
    }));
}

/** CloudFront origin ids. */
export const ORIGIN_ID = { app: "app", static: "static" } as const;

export interface Behavior {
  /** Absent for the default behavior. */
  pathPattern?: string;
  targetOriginId: string;
  /** app: every method, never cached; static: read-only, cached. */
  kind: "app" | "static";
}

/**
 * Cache behaviors: one per route to the application, in route order (CloudFront matches ordered
 * behaviors first to last), and a default that serves static assets when there is a bucket, else the
 * application (whose ALB answers 404 for paths no service claims).
 */
export function behaviors(rs: readonly Route[], hasStatic: boolean): { defaultBehavior: Behavior; ordered: Behavior[] } {
  const app = (pathPattern?: string): Behavior => ({ pathPattern, targetOriginId: ORIGIN_ID.app, kind: "app" });
  return {
    defaultBehavior: hasStatic ? { targetOriginId: ORIGIN_ID.static, kind: "static" } : app(),
    ordered: rs.map((r) => app(r.pathPattern)),
  };
}
