/**
 * TargetBindings on its own, as another team's program would build it after its Edge: a Kubernetes
 * provider, the services, the Edge's target groups and its ALB security group. What the bindings
 * let in is read off the recorded objects.
 */
import { strict as assert } from "node:assert";
import * as k8s from "@pulumi/kubernetes";
import { MOCK_ACCOUNT_ID } from "../../offline/ids";
import { Planned, ofType } from "../../test/helpers";
import { standalone } from "../../test/standalone";
import type { RoutedService } from "./routing";
import { TargetBindings, TargetBindingsArgs } from "./targetBindings";

const services: RoutedService[] = [
  { name: "api", namespace: "orders", port: 8080, routePath: "/api/*" },
  { name: "web", namespace: "storefront", port: 3000, routePath: "/*" },
  { name: "worker", namespace: "orders", port: 9000 },
];
const targetGroupArn = (s: string) => `arn:aws:elasticloadbalancing:us-west-2:${MOCK_ACCOUNT_ID}:targetgroup/orders-${s}/0123456789abcdef`;
const targetGroupArns = { api: targetGroupArn("api"), web: targetGroupArn("web") };
const ALB_GROUP = "sg-0a1b2c3d4e5f60718";

const run = (over: Partial<TargetBindingsArgs> = {}) => standalone((opts) => {
  const provider = new k8s.Provider("orders-k8s", { kubeconfig: "{}" });
  new TargetBindings("orders-bindings", { provider, services, targetGroupArns, albSecurityGroupId: ALB_GROUP, ...over }, opts);
});

describe("TargetBindings standalone", () => {
  let p: Planned;
  before(async () => {
    p = await run();
    assert.equal(p.error, undefined, p.error?.message);
  });
  const bindings = () => ofType(p, "kubernetes:elbv2.k8s.aws/v1beta1:TargetGroupBinding").map((r) => r.inputs);

  it("binds each routed service's pods, as IP targets, to its own target group; an unrouted service gets none", () => {
    assert.deepEqual(bindings().map((b) => [b.metadata.namespace, b.metadata.name, b.spec.serviceRef, b.spec.targetType, b.spec.targetGroupARN]), [
      ["orders", "api", { name: "api", port: 8080 }, "ip", targetGroupArn("api")],
      ["storefront", "web", { name: "web", port: 3000 }, "ip", targetGroupArn("web")],
    ]);
  });

  it("opens each service's port to the ALB's security group only, over TCP", () => {
    assert.deepEqual(bindings().map((b) => b.spec.networking.ingress), [
      [{ from: [{ securityGroup: { groupID: ALB_GROUP } }], ports: [{ protocol: "TCP", port: 8080 }] }],
      [{ from: [{ securityGroup: { groupID: ALB_GROUP } }], ports: [{ protocol: "TCP", port: 3000 }] }],
    ]);
  });

  it("creates nothing when a routed service has no target group, naming it", async () => {
    const bad = await run({ targetGroupArns: { api: targetGroupArn("api") } });
    assert.match(bad.error!.message, /^orders-bindings: no target group for routed service web: create the Edge \(the AWS step\)/);
    assert.equal(bad.resources.filter((r) => r.type.startsWith("kubernetes:")).length, 0);
  });
});
