import { strict as assert } from "node:assert";
import { STANDARD_SUPPORT } from "../cluster/versions";
import { CACHE_VERSIONS_SINCE_SNAPSHOT } from "../data/cacheEngine";
import { KAFKA_VERSION_SOURCES, RABBITMQ_VERSIONS } from "../data/messagingEngine";
import type { Sourced } from "./sourced";

const lists: Record<string, Readonly<Record<string, Sourced>>> = {
  "EKS standard support": STANDARD_SUPPORT,
  "MSK Kafka versions": KAFKA_VERSION_SOURCES,
  "Amazon MQ RabbitMQ versions": RABBITMQ_VERSIONS,
  "Valkey versions since the snapshot": CACHE_VERSIONS_SINCE_SNAPSHOT.valkey,
  "Redis OSS versions since the snapshot": CACHE_VERSIONS_SINCE_SNAPSHOT.redis,
};

describe("hand-kept AWS lists", () => {
  for (const [name, list] of Object.entries(lists)) {
    it(`${name}: every entry names its source page and the day it was read; a secondary source says why in a note`, () => {
      for (const [entry, s] of Object.entries(list)) {
        assert.match(s.source, /^https:\/\//, `${entry}: ${s.source}`);
        assert.match(s.checked, /^\d{4}-\d{2}-\d{2}$/, entry);
        if (s.sourceKind === "secondary") assert.ok((s.note ?? "").length > 20, `${entry}: a secondary source needs a note`);
      }
    });
  }
});
