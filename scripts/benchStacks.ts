/**
 * Generated stacks for the benchmark's scaling table: Pulumi.prod.yaml with its seven services
 * repeated until there are `services` of them. A copy keeps everything its original asks for
 * (namespace, size, buckets, secrets, queues) under its own name and route, `<name>-<n>` and
 * `/api/<name>-<n>/*`, so each adds the same resources as the service it copies.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";
import { ROOT } from "./stackArgs";

interface Service {
  name: string;
  routePath: string;
  [key: string]: unknown;
}

/** Services 1..n: the base list, then numbered copies of it in order. */
export function scaledServices(base: readonly Service[], services: number): Service[] {
  return Array.from({ length: services }, (_, i) => {
    const original = base[i % base.length];
    const copy = Math.floor(i / base.length);
    if (copy === 0) return structuredClone(original);
    const name = `${original.name}-${copy}`;
    return { ...structuredClone(original), name, routePath: `/api/${name}/*` };
  });
}

/** The text of a stack file: the prod stack with `services` services. */
export function scaledStack(services: number, prodFile = join(ROOT, "Pulumi.prod.yaml")): string {
  const doc = parse(readFileSync(prodFile, "utf8")) as { config: Record<string, unknown> };
  const base = doc.config["platform:services"] as Service[];
  return stringify({ ...doc, config: { ...doc.config, "platform:services": scaledServices(base, services) } });
}
