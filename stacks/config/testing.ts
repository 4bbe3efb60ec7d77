/**
 * For config specs: the problems a stack config is rejected with. Fails the test when the config is
 * accepted, or when something other than a ConfigError is thrown.
 */
import { strict as assert } from "node:assert";
import { readPlatformConfig } from "./load";
import { ConfigError, ConfigProblem } from "./problems";

export function configProblems(config: Record<string, string>): ConfigProblem[] {
  try {
    readPlatformConfig(config, "test");
  } catch (e) {
    assert.ok(e instanceof ConfigError, String(e));
    return [...e.problems];
  }
  assert.fail("expected the config to be rejected");
}
