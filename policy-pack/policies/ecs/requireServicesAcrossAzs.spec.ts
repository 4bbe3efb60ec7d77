import { strict as assert } from "node:assert";
import { unknownValue } from "@pulumi/pulumi/runtime/rpc";
import { T } from "../../lib/types";
import { AZ_SPREAD, serviceVariants } from "../../test/ecsFixtures";
import { assertOneViolation, check, withInputs } from "../../test/fixtures";
import { requireServicesAcrossAzs as policy } from "./requireServicesAcrossAzs";

const network = (subnets: unknown) => ({ networkConfiguration: { subnets, securityGroups: ["sg-0ccccccccccccccc3"], assignPublicIp: false } });
const ec2Services = () => serviceVariants().filter((r) => r.type === T.awsxEc2Service || r.name === "backend");

describe("ecs-require-services-across-azs", () => {
  for (const r of serviceVariants()) {
    it(`passes ${r.type} ${r.name} over two subnets${r.type === T.awsxFargateService || r.name.endsWith("fargate") ? "" : ", spreading over AZs first"}`, async () => {
      assert.deepEqual(await check(policy, [r]), []);
    });
  }

  for (const r of serviceVariants(network(["subnet-0aaaaaaaaaaaaaaa1"]))) {
    it(`fails ${r.type} ${r.name} in one subnet`, async () => {
      assertOneViolation(await check(policy, [r]), policy, [/ECS service spans 1 subnets; spread it over at least 2 AZs/]);
    });
  }

  it("counts a repeated subnet once", async () => {
    const [r] = serviceVariants(network(["subnet-0aaaaaaaaaaaaaaa1", "subnet-0aaaaaaaaaaaaaaa1"]));
    assertOneViolation(await check(policy, [r]), policy, [/spans 1 subnets/]);
  });

  it("takes minAzCount from the config: 3 fails a two-subnet service", async () => {
    const [r] = serviceVariants();
    assertOneViolation(await check(policy, [r], { all: "mandatory", [policy.name]: { minAzCount: 3 } }), policy, [/spans 2 subnets; spread it over at least 3 AZs/]);
  });

  for (const r of ec2Services()) {
    it(`fails ${r.type} ${r.name} on EC2 whose first placement strategy is not the AZ spread`, async () => {
      const binpackFirst = withInputs(r, { orderedPlacementStrategies: [{ type: "binpack", field: "memory" }, AZ_SPREAD] });
      assertOneViolation(await check(policy, [binpackFirst]), policy, [/places its tasks by binpack on memory first/, /\{ type: "spread", field: "attribute:ecs.availability-zone" \}/]);
    });

    it(`passes ${r.type} ${r.name} on EC2 with no placement strategy (ECS spreads a service over AZs by default)`, async () => {
      assert.deepEqual(await check(policy, [withInputs(r, { orderedPlacementStrategies: undefined })]), []);
    });
  }

  it("ignores placement strategies on Fargate, where ECS places tasks itself", async () => {
    const fargate = serviceVariants().find((r) => r.name === "backend-fargate" && r.type === T.ecsService)!;
    assert.deepEqual(await check(policy, [withInputs(fargate, { orderedPlacementStrategies: [{ type: "binpack", field: "memory" }] })]), []);
    const onFargateProviders = withInputs(fargate, { launchType: undefined, capacityProviderStrategies: [{ capacityProvider: "FARGATE_SPOT", weight: 1 }], orderedPlacementStrategies: [{ type: "random" }] });
    assert.deepEqual(await check(policy, [onFargateProviders]), []);
  });

  it("fails services that name no subnets, except an EC2 service in bridge mode", async () => {
    for (const r of serviceVariants({ networkConfiguration: undefined })) {
      const found = await check(policy, [r]);
      if (r.type === T.ecsService && r.name === "backend") assert.deepEqual(found, [], "EC2 bridge mode uses its instances' subnets");
      else assertOneViolation(found, policy, [/names no networkConfiguration.subnets/]);
    }
  });

  it("counts subnet ids unknown during preview one each, and says it can't run when the whole list is unknown", async () => {
    const [known] = serviceVariants(network([unknownValue, unknownValue]));
    assert.deepEqual(await check(policy, [known]), []);
    const [unknownList] = serviceVariants(network(unknownValue));
    assertOneViolation(await check(policy, [unknownList]), policy, [/can't run policy 'ecs-require-services-across-azs' during preview/, /\.networkConfiguration\.subnets/], "advisory");
  });
});
