/**
 * Mock-cloud shapes of the monitoring tier's resource types: ids and ARNs in AWS's formats and the
 * name limits AWS enforces (components/monitoring/naming.ts cites each).
 */
import { hex, uuid } from "../ids";
import type { Shape } from "../resourceShapes";

export const MONITORING_SHAPES: Record<string, Shape> = {
  "aws:sns/topic:Topic": {
    nameProp: "name",
    nameLimit: 256,
    id: (name, _i, ctx) => `arn:aws:sns:${ctx.region}:${ctx.account}:${name}`,
    extra: (id, name) => ({ arn: id, name }),
  },
  "aws:sns/topicPolicy:TopicPolicy": { id: (_n, inputs) => String(inputs.arn) },
  "aws:sns/topicSubscription:TopicSubscription": {
    id: (name, inputs) => `${inputs.topic}:${uuid(`sub:${name}`)}`,
    extra: (id) => ({ arn: id, pendingConfirmation: true }),
  },
  "aws:cloudwatch/metricAlarm:MetricAlarm": {
    nameProp: "name",
    nameLimit: 255,
    id: (name) => name,
    extra: (_id, name, _i, ctx) => ({ arn: `arn:aws:cloudwatch:${ctx.region}:${ctx.account}:alarm:${name}` }),
  },
  "aws:cloudwatch/dashboard:Dashboard": {
    nameProp: "dashboardName",
    nameLimit: 255,
    id: (name) => name,
    extra: (_id, name, _i, ctx) => ({ dashboardArn: `arn:aws:cloudwatch::${ctx.account}:dashboard/${name}` }),
  },
  "aws:cloudwatch/eventRule:EventRule": {
    nameProp: "name",
    nameLimit: 64,
    id: (name) => name,
    extra: (_id, name, _i, ctx) => ({ arn: `arn:aws:events:${ctx.region}:${ctx.account}:rule/${name}` }),
  },
  "aws:cloudwatch/eventTarget:EventTarget": { id: (name, inputs) => `${inputs.rule}-${hex(`target:${name}`, 12)}`, extra: (id) => ({ targetId: id }) },
  "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter": { nameProp: "name", nameLimit: 512, id: (name, inputs) => `cwlsf-${hex(`${inputs.logGroup}:${name}`, 10)}` },
  "aws:budgets/budget:Budget": {
    nameProp: "name",
    nameLimit: 100,
    id: (name, _i, ctx) => `${ctx.account}:${name}`,
    extra: (_id, name, _i, ctx) => ({ arn: `arn:aws:budgets::${ctx.account}:budget/${name}` }),
  },
  "aws:cloudtrail/trail:Trail": {
    nameProp: "name",
    nameLimit: 128,
    id: (name, _i, ctx) => `arn:aws:cloudtrail:${ctx.region}:${ctx.account}:trail/${name}`,
    extra: (id, _n, _i, ctx) => ({ arn: id, homeRegion: ctx.region }),
  },
  "aws:xray/samplingRule:SamplingRule": {
    nameProp: "ruleName",
    nameLimit: 32,
    id: (name) => name,
    extra: (_id, name, _i, ctx) => ({ arn: `arn:aws:xray:${ctx.region}:${ctx.account}:sampling-rule/${name}` }),
  },
  "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": {
    nameProp: "name",
    nameLimit: 64,
    id: (name, _i, ctx) => `arn:aws:firehose:${ctx.region}:${ctx.account}:deliverystream/${name}`,
    extra: (id) => ({ arn: id }),
  },
  "aws:s3/bucketMetric:BucketMetric": { id: (name, inputs) => `${inputs.bucket}:${inputs.name ?? name}` },
};
