/**
 * Config namespaces a stack file may use. A key is `<namespace>:<name>`; Pulumi hands every key to
 * the program, and a provider reads only its own namespace, so a key under a misspelt namespace
 * (`platfrom:database`) would be silently ignored. The known ones: the project's own (the project
 * name in Pulumi.yaml), `pulumi` (engine settings such as pulumi:template), and those of the
 * providers the program uses, one per @pulumi/* dependency in package.json (namespaces.spec.ts
 * keeps the two in step). https://www.pulumi.com/docs/iac/concepts/config/#config-keys
 */
export const PROJECT_NAMESPACE = "platform";

export const PROVIDER_NAMESPACES = ["aws", "awsx", "eks", "kubernetes", "random"] as const;

export const KNOWN_NAMESPACES: readonly string[] = [PROJECT_NAMESPACE, "pulumi", ...PROVIDER_NAMESPACES];
