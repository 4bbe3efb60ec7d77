import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { configFromYaml } from "../offline/stackFile";
import { readPlatformConfig } from "../stacks/config/load";
import { scaledServices, scaledStack } from "./benchStacks";
import { ROOT } from "./stackArgs";

const prod = parse(readFileSync(join(ROOT, "Pulumi.prod.yaml"), "utf8")) as { config: Record<string, any> };
const base = prod.config["platform:services"];

describe("benchmark stacks", () => {
  it("keeps the prod services as they are, then adds numbered copies with their own names and routes", () => {
    assert.deepEqual(scaledServices(base, base.length), base);
    const seventy = scaledServices(base, 70);
    assert.equal(seventy.length, 70);
    assert.equal(new Set(seventy.map((s) => s.name)).size, 70);
    assert.equal(new Set(seventy.map((s) => s.routePath)).size, 70);
    seventy.forEach((s, i) => {
      const { name: _n, routePath: _r, ...rest } = base[i % base.length];
      const { name: _n2, routePath: _r2, ...copy } = s;
      assert.deepEqual(copy, rest, `service ${i} differs from the one it copies beyond its name and route`);
    });
    assert.equal(seventy[7].name, `${base[0].name}-1`);
    assert.equal(seventy[7].routePath, `/api/${base[0].name}-1/*`);
  });

  it("changes nothing but the services, and each generated stack passes config validation", () => {
    for (const services of [7, 35, 70]) {
      const text = scaledStack(services);
      const { config } = parse(text) as { config: Record<string, unknown> };
      const { "platform:services": _a, ...others } = config;
      const { "platform:services": _b, ...prodOthers } = prod.config;
      assert.deepEqual(others, prodOthers);
      assert.doesNotThrow(() => readPlatformConfig(configFromYaml(text), `scale-${services}`), `${services} services`);
    }
  });
});
