import type * as pulumi from "@pulumi/pulumi";

/**
 * Providers to hand a remote component (awsx, eks) explicitly.
 *
 * The Node SDK resolves a remote component's providers from its own options only: a parent's `aws`
 * provider is not passed on to an `awsx:*` or `eks:*` resource, because those belong to another
 * package (see @pulumi/pulumi runtime/resource.js, prepareResource). Without this the component's
 * children would run on the default provider: another region, and none of our default tags.
 */
export function awsProviders(component: pulumi.ComponentResource): Record<string, pulumi.ProviderResource> | undefined {
  const aws = component.getProvider("aws::");
  return aws ? { aws } : undefined;
}
