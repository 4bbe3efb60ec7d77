/**
 * Finds reads of remote-component properties (awsx, eks) that are not plain outputs. Under mocks a
 * remote component has no children, so resource-typed outputs (vpc.routeTables, cluster.core, ...)
 * would be fake; on AWS they are real. The program must only read ids, id lists, kubeconfig and
 * the like, listed here per class.
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import * as ts from "typescript";

/** Plain outputs the program may read, per remote component class (module path : class name). */
export const PLAIN_OUTPUTS: Record<string, readonly string[]> = {
  "@pulumi/awsx/ec2/vpc:Vpc": ["vpcId", "publicSubnetIds", "privateSubnetIds", "isolatedSubnetIds"],
  // Both outputs (service, taskDefinition) are resource references; nothing is read.
  "@pulumi/awsx/ecs/ec2service:EC2Service": [],
  "@pulumi/eks/cluster:Cluster": ["kubeconfigJson", "clusterSecurityGroupId", "nodeSecurityGroupId", "oidcProviderArn", "oidcProviderUrl"],
};

const REMOTE_PACKAGES = /node_modules\/@pulumi\/(awsx|eks)\//;

export interface RemoteRead {
  file: string;
  line: number;
  component: string;
  property: string;
}

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === "node_modules" ? [] : sourceFiles(p);
    return p.endsWith(".ts") && !p.endsWith(".spec.ts") && !p.endsWith(".d.ts") ? [p] : [];
  });
}

function componentKey(type: ts.Type): string | undefined {
  const decl = type.getSymbol()?.declarations?.[0];
  const file = decl?.getSourceFile().fileName ?? "";
  if (!decl || !REMOTE_PACKAGES.test(file) || !ts.isClassDeclaration(decl) || !decl.name) return undefined;
  const module = file.replace(/^.*node_modules\//, "").replace(/\.d\.ts$/, "");
  return `${module}:${decl.name.text}`;
}

const programs = new Map<string, ts.Program>();

/** One type-checked program per set of root files: building one parses every declaration file the sources import (@pulumi/aws's alone is tens of MB). */
function programOf(roots: string[]): ts.Program {
  const key = [...roots].sort().join("\n");
  let program = programs.get(key);
  if (!program) {
    program = ts.createProgram(roots, { strict: true, module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true, skipLibCheck: true });
    programs.set(key, program);
  }
  return program;
}

/**
 * Every read of a remote component's property outside PLAIN_OUTPUTS, in the given files, type-checked
 * in the program of `roots` (the files themselves by default): specs that check several sets of files
 * pass the same roots, so the declarations are parsed once.
 */
export function findRemoteOutputReads(files: string[], roots: string[] = files): RemoteRead[] {
  const program = programOf(roots);
  const checker = program.getTypeChecker();
  const reads: RemoteRead[] = [];
  for (const sf of program.getSourceFiles().filter((s) => files.includes(s.fileName))) {
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const component = componentKey(checker.getTypeAtLocation(node.expression));
        const property = node.name.text;
        if (component && !(PLAIN_OUTPUTS[component] ?? []).includes(property)) {
          reads.push({ file: sf.fileName, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, component, property });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return reads;
}
