import { strict as assert } from "node:assert";
import { replaceBlock } from "./generatedBlock";

describe("generated Markdown blocks", () => {
  it("replaces the block between the markers, markers included, and keeps the rest", () => {
    assert.equal(replaceBlock("a\n<!-- s -->\nold\n<!-- e -->\nb", "<!-- s -->", "<!-- e -->", "<!-- s -->\nnew\n<!-- e -->"), "a\n<!-- s -->\nnew\n<!-- e -->\nb");
  });

  it("refuses a file without the block, or with the end before the start", () => {
    assert.throws(() => replaceBlock("no markers", "<!-- s -->", "<!-- e -->", "x"), /no <!-- s --> \.\.\. <!-- e --> block/);
    assert.throws(() => replaceBlock("<!-- e --> <!-- s -->", "<!-- s -->", "<!-- e -->", "x"), /no <!-- s -->/);
  });
});
