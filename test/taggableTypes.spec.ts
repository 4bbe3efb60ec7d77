import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { TAGGABLE_AWS_TYPES } from "../policy-pack/lib/taggableTypes";
import { TAGGABLE_FILE, scanTaggableTypes, taggableTypesModule } from "../scripts/taggableTypes";

describe("policy-pack/lib/taggableTypes.ts", () => {
  it("matches the installed @pulumi/aws (run npx tsx scripts/taggableTypes.ts after upgrading it)", () => {
    assert.equal(readFileSync(TAGGABLE_FILE, "utf8"), taggableTypesModule(), "taggableTypes.ts is stale: run npx tsx scripts/taggableTypes.ts");
  });

  it("lists the types the platform tags, and none whose tags the provider does not manage", () => {
    const types = new Set(scanTaggableTypes());
    for (const t of ["aws:s3/bucket:Bucket", "aws:kms/key:Key", "aws:backup/vault:Vault", "aws:cloudwatch/logGroup:LogGroup", "aws:iam/role:Role", "aws:ec2/vpc:Vpc", "aws:rds/instance:Instance", "aws:elasticache/replicationGroup:ReplicationGroup"]) {
      assert.ok(types.has(t), t);
    }
    // Settings resources have no tags; an Auto Scaling group's tags are a list with propagateAtLaunch, outside defaultTags.
    for (const t of ["aws:s3/bucketPolicy:BucketPolicy", "aws:kms/alias:Alias", "aws:iam/rolePolicy:RolePolicy", "aws:autoscaling/group:Group"]) {
      assert.ok(!types.has(t), t);
    }
    assert.deepEqual([...TAGGABLE_AWS_TYPES], [...types]);
  });
});
