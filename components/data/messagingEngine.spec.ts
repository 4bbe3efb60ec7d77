import { strict as assert } from "node:assert";
import fc from "fast-check";
import { MQ_PASSWORD_SPECIALS, isValidMqPassword, kafkaAzCount, kafkaServerProperties, rabbitMqProblem } from "./messagingEngine";

const props = (text: string) => Object.fromEntries(text.split("\n").map((l) => l.split("=")));

describe("messaging rules", () => {
  it("spreads MSK brokers over 2 or 3 AZs, never more", () => {
    assert.deepEqual([2, 3, 4].map(kafkaAzCount), [2, 3, 3]);
  });

  it("keeps three copies of every partition and acknowledges a write only with all but one, when there are brokers for it (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 30 }), (brokers) => {
        const p = props(kafkaServerProperties(brokers));
        const rf = Number(p["default.replication.factor"]);
        assert.equal(rf, Math.min(3, brokers));
        const minInsync = Number(p["min.insync.replicas"]);
        assert.ok(minInsync >= 1 && minInsync <= rf);
        if (rf > 1) assert.equal(minInsync, rf - 1, "one copy may be down, never more");
        assert.equal(p["unclean.leader.election.enable"], "false");
        assert.equal(p["auto.create.topics.enable"], "false");
      }),
    );
    assert.equal(props(kafkaServerProperties(3))["min.insync.replicas"], "2");
  });

  describe("RabbitMQ versions and instance types", () => {
    const cases: Array<[string, string, RegExp | undefined]> = [
      ["4.2", "mq.m7g.large", undefined],
      ["4.2", "mq.m7g.medium", undefined],
      ["3.13", "mq.m5.large", undefined],
      ["4.2", "mq.m5.large", /RabbitMQ 4.2 runs on: mq.m7g/],
      // AWS: RabbitMQ 3.13 runs on mq.t3, mq.m5 and mq.m7g; 4.2 on mq.m7g only (rabbitmq-version-management).
      ["3.13", "mq.t3.micro", undefined],
      ["4.2", "mq.t3.micro", /RabbitMQ 4.2 runs on: mq.m7g\.\*/],
      ["3.13", "mq.m6g.large", /mq.t3.\*, mq.m5.\*, mq.m7g.\*/],
      ["3.12", "mq.m5.large", /Amazon MQ offers: 4.2, 3.13/],
    ];
    for (const [version, type, problem] of cases) {
      it(`${problem ? "rejects" : "accepts"} ${version} on ${type}`, () => {
        const p = rabbitMqProblem(version, type);
        if (problem) assert.match(p!, problem);
        else assert.equal(p, undefined);
      });
    }
  });

  it("generates broker passwords Amazon MQ accepts (property)", () => {
    const alphabet = fc.constantFrom(..."ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", ...MQ_PASSWORD_SPECIALS);
    fc.assert(
      fc.property(fc.array(alphabet, { minLength: 32, maxLength: 32 }), (chars) => {
        fc.pre(new Set(chars).size >= 4);
        assert.ok(isValidMqPassword(chars.join("")));
      }),
    );
    assert.equal(isValidMqPassword("aaaaaaaaaaaaaaaa"), false);
    assert.equal(isValidMqPassword("abcd:efghijklmn"), false);
  });
});
