/**
 * The account a component deploys into: one type for every tier, and one way to learn it when the
 * caller does not say.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

/** Account, partition and region: what ARNs, key policies and confused-deputy conditions name. */
export interface AccountContext {
  /** The 12-digit AWS account id. */
  accountId: string;
  /**
   * The ARN partition: aws, aws-cn or aws-us-gov.
   * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
   */
  partition: string;
  /** The region the component deploys into, e.g. us-west-2. */
  region: string;
}

/**
 * The account context a component was given or, when it was given none, what its own provider
 * answers (caller identity, partition, region). Invoked with the component as parent, so an explicit
 * provider for another account or region is the one asked.
 */
export function accountContext(parent: pulumi.Resource, given?: AccountContext): pulumi.Output<AccountContext> {
  if (given) return pulumi.output(given);
  const opts = { parent };
  return pulumi
    .all([aws.getCallerIdentityOutput({}, opts), aws.getPartitionOutput({}, opts), aws.getRegionOutput({}, opts)])
    .apply(([identity, partition, region]) => ({ accountId: identity.accountId, partition: partition.partition, region: region.region }));
}
