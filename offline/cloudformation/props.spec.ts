import { strict as assert } from "node:assert";
import { bool, compact, int, json, pascal } from "./props";

describe("CloudFormation property helpers", () => {
  it("pascal: keys in PascalCase at every depth, renames wherever they appear, '' drops a key", () => {
    assert.deepEqual(pascal({ visibilityConfig: { cloudwatchMetricsEnabled: true, metricName: "m" }, skip: 1, list: [{ aB: 1 }] }, { cloudwatchMetricsEnabled: "CloudWatchMetricsEnabled", skip: "" }), {
      VisibilityConfig: { CloudWatchMetricsEnabled: true, MetricName: "m" }, List: [{ AB: 1 }],
    });
  });

  it("compact: drops undefined, null, empty lists and empty objects, keeps false and 0", () => {
    assert.deepEqual(compact({ a: undefined, b: null, c: [], d: {}, e: false, f: 0, g: "" }), { e: false, f: 0, g: "" });
  });

  it("json: parses policy text, passes objects and unparsable text through", () => {
    assert.deepEqual(json("{\"a\":1}"), { a: 1 });
    assert.deepEqual(json({ a: 1 }), { a: 1 });
    assert.equal(json("not json"), "not json");
  });

  it("bool and int: the provider's string-typed booleans and numbers", () => {
    assert.deepEqual([bool("true"), bool("false"), bool(true), bool(undefined)], [true, false, true, undefined]);
    assert.deepEqual([int("20"), int(20), int(""), int(undefined)], [20, 20, undefined, undefined]);
  });
});
