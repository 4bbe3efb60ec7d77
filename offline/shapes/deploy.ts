/**
 * What the mock cloud returns for the deploy tier's CodeBuild runner: the project (its id is its ARN,
 * as the provider reads it back) and its webhook (GitHub's payload URL and a secret CodeBuild makes).
 */
import { hex } from "../ids";
import type { Ctx, Shape } from "../resourceShapes";

const projectArn = (ctx: Ctx, name: string) => `arn:aws:codebuild:${ctx.region}:${ctx.account}:project/${name}`;

export const DEPLOY_SHAPES: Record<string, Shape> = {
  // https://docs.aws.amazon.com/codebuild/latest/APIReference/API_CreateProject.html (name 2..255)
  "aws:codebuild/project:Project": {
    nameProp: "name",
    nameLimit: 255,
    id: (name, _i, ctx) => projectArn(ctx, name),
    extra: (id, name) => ({ arn: id, name, badgeUrl: "" }),
  },
  // https://docs.aws.amazon.com/codebuild/latest/APIReference/API_CreateWebhook.html: the webhook's id is its project's name.
  "aws:codebuild/webhook:Webhook": {
    id: (_n, inputs) => String(inputs.projectName),
    extra: (id, _n, _i, ctx) => ({
      url: `https://api.github.com/repos/example-org/example/hooks/${parseInt(hex(id, 8), 16)}`,
      payloadUrl: `https://codebuild.${ctx.region}.amazonaws.com/webhooks?t=${hex(`payload:${id}`, 32)}&v=1`,
      secret: hex(`secret:${id}`, 32),
    }),
  },
};
