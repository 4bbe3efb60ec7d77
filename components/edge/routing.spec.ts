import { strict as assert } from "node:assert";
import fc from "fast-check";
import type { RoutedService } from "./routing";
import { ORIGIN_ID, behaviors, routes } from "./routing";

const svc = (name: string, routePath?: string, healthCheckPath?: string): RoutedService => ({
  name, namespace: "apps", port: 8080,
  ...(routePath ? { routePath } : {}), ...(healthCheckPath ? { healthCheckPath } : {}),
});

describe("edge routing", () => {
  it("routes only services with a routePath, in list order, health check defaulting to /", () => {
    const rs = routes([svc("api", "/api/*", "/healthz"), svc("worker"), svc("web", "/*")]);
    assert.deepEqual(rs.map((r) => [r.service, r.pathPattern, r.healthCheckPath, r.priority]), [
      ["api", "/api/*", "/healthz", 10],
      ["web", "/*", "/", 20],
    ]);
  });

  it("gives every routed service a distinct, increasing priority within the ALB's 1..50000", () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 100 }), (routed) => {
        const services = routed.map((r, i) => svc(`s${i}`, r ? `/s${i}/*` : undefined));
        const ps = routes(services).map((r) => r.priority);
        assert.equal(ps.length, routed.filter(Boolean).length);
        ps.forEach((p, i) => {
          assert.ok(p >= 1 && p <= 50000);
          if (i > 0) assert.ok(p > ps[i - 1]);
        });
      }),
    );
  });

  it("sends the default behavior to the static bucket when there is one, else to the application", () => {
    const rs = routes([svc("api", "/api/*")]);
    assert.equal(behaviors(rs, true).defaultBehavior.targetOriginId, ORIGIN_ID.static);
    assert.equal(behaviors(rs, false).defaultBehavior.targetOriginId, ORIGIN_ID.app);
    assert.deepEqual(behaviors(rs, true).ordered, [{ pathPattern: "/api/*", targetOriginId: ORIGIN_ID.app, kind: "app" }]);
  });
});
