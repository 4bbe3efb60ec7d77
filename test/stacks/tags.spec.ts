/**
 * Every taggable resource of the dev and prod programs carries Environment, Tier, Owner and
 * CostCenter: the stack-wide keys from the provider's default tags (stacks/platform.ts), Tier from
 * its component (components/tags.ts), and tags-require-tags agrees.
 */
import { strict as assert } from "node:assert";
import { effectiveTags } from "../../policy-pack/lib/tags";
import { TAGGABLE_AWS_TYPES } from "../../policy-pack/lib/taggableTypes";
import { Planned, byUrn, planStackFile } from "../helpers";
import type { RecordedResource } from "../../offline/recorder";

const taggable = (run: Planned) => run.resources.filter((r) => r.custom && TAGGABLE_AWS_TYPES.includes(r.type));

/** The tier of the platform component a resource belongs to: platform:<tier>:<Name>. */
function tierOf(run: Planned, r: RecordedResource): string | undefined {
  for (let p = byUrn(run, r.parent); p; p = byUrn(run, p.parent)) {
    const m = /^platform:([a-z]+):/.exec(p.type);
    if (m) return m[1];
  }
  return undefined;
}

/** The tags AWS will apply: the resource's tags over its provider's default tags. */
function tagsOf(run: Planned, r: RecordedResource): Map<string, string | undefined> {
  const p = byUrn(run, r.provider?.urn);
  return effectiveTags(r.inputs, p && { type: p.type, urn: p.urn, name: p.name, props: p.inputs }).tags;
}

for (const [stack, costCenter] of [["dev", "medsearch-dev"], ["prod", "medsearch-prod"]] as const) {
  describe(`required tags (${stack})`, () => {
    let run: Planned;
    before(async () => {
      run = await planStackFile(`Pulumi.${stack}.yaml`);
    });

    it("has taggable resources to check, every one created through an explicit provider", () => {
      assert.ok(taggable(run).length >= 10, `only ${taggable(run).length} taggable resources`);
      for (const r of taggable(run)) assert.ok(r.provider, `${r.name} uses the default provider, which has none of the stack's default tags`);
    });

    it(`tags every taggable resource Environment=${stack}, Owner=platform-team, CostCenter=${costCenter} and Tier=<its component's tier>`, () => {
      for (const r of taggable(run)) {
        const tags = tagsOf(run, r);
        assert.deepEqual(
          { Environment: tags.get("Environment"), Owner: tags.get("Owner"), CostCenter: tags.get("CostCenter"), Tier: tags.get("Tier") },
          { Environment: stack, Owner: "platform-team", CostCenter: costCenter, Tier: tierOf(run, r) },
          `${r.type} ${r.name}`,
        );
      }
    });

    it("passes tags-require-tags", () => {
      assert.deepEqual(run.violations.filter((v) => v.policy === "tags-require-tags"), []);
    });
  });
}
