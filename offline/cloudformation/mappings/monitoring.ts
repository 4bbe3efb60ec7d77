/**
 * Monitoring and audit: CloudWatch logs (groups, subscription filters, resource policies, vended
 * log delivery), alarms and dashboards, EventBridge rules with their targets folded in, SNS,
 * CloudTrail, Firehose, X-Ray and Budgets.
 */
import { compact, json, pascal } from "../props";
import type { Mapping, Props } from "../types";

const dimensions = (d: Record<string, string> | undefined) => (d ? Object.entries(d).map(([Name, Value]) => ({ Name, Value })) : undefined);

function alarmMetric(q: Props): Props {
  const m: Props | undefined = q.metric;
  return compact({
    Id: q.id, Expression: q.expression, Label: q.label, ReturnData: q.returnData, Period: q.period, AccountId: q.accountId,
    MetricStat: m ? compact({
      Metric: compact({ MetricName: m.metricName, Namespace: m.namespace, Dimensions: dimensions(m.dimensions) }), Period: m.period, Stat: m.stat, Unit: m.unit,
    }) : undefined,
  });
}

const alarm: Mapping = {
  cfnType: "AWS::CloudWatch::Alarm",
  attributes: { id: "Ref", name: "Ref", arn: "Arn" },
  properties: (i, ctx) => compact({
    AlarmName: i.name,
    AlarmDescription: i.alarmDescription,
    ActionsEnabled: i.actionsEnabled,
    AlarmActions: i.alarmActions,
    OKActions: i.okActions,
    InsufficientDataActions: i.insufficientDataActions,
    ComparisonOperator: i.comparisonOperator,
    EvaluationPeriods: i.evaluationPeriods,
    DatapointsToAlarm: i.datapointsToAlarm,
    Threshold: i.threshold,
    ThresholdMetricId: i.thresholdMetricId,
    TreatMissingData: i.treatMissingData,
    EvaluateLowSampleCountPercentile: i.evaluateLowSampleCountPercentiles,
    MetricName: i.metricName,
    Namespace: i.namespace,
    Dimensions: dimensions(i.dimensions),
    Period: i.period,
    Statistic: i.statistic,
    ExtendedStatistic: i.extendedStatistic,
    Unit: i.unit,
    Metrics: (i.metricQueries ?? []).map(alarmMetric),
    Tags: ctx.tagList(i.tags),
  }),
};

/** Firehose to S3: the provider's flat buffering and encryption settings nest in CloudFormation. */
function extendedS3(c: Props): Props {
  return compact({
    BucketARN: c.bucketArn,
    RoleARN: c.roleArn,
    Prefix: c.prefix,
    ErrorOutputPrefix: c.errorOutputPrefix,
    CompressionFormat: c.compressionFormat,
    BufferingHints: compact({ IntervalInSeconds: c.bufferingInterval, SizeInMBs: c.bufferingSize }),
    EncryptionConfiguration: c.kmsKeyArn ? { KMSEncryptionConfig: { AWSKMSKeyARN: c.kmsKeyArn } } : undefined,
    CloudWatchLoggingOptions: pascal(c.cloudwatchLoggingOptions),
  });
}

const BUDGET_SUBSCRIBERS: Array<[string, string]> = [["subscriberEmailAddresses", "EMAIL"], ["subscriberSnsTopicArns", "SNS"]];

/** The provider's filter expression ({ands: [{tags: {...}}]}) in CloudFormation's case ({And: [{Tags: {...}}]}). */
const filterExpression = (e: Props | undefined) => pascal(e, { ands: "And", ors: "Or", not: "Not" });

const budget: Mapping = {
  cfnType: "AWS::Budgets::Budget",
  properties: (i, ctx) => compact({
    Budget: compact({
      BudgetName: i.name,
      BudgetType: i.budgetType,
      TimeUnit: i.timeUnit,
      BudgetLimit: i.limitAmount ? { Amount: Number(i.limitAmount), Unit: i.limitUnit } : undefined,
      FilterExpression: filterExpression(i.filterExpression),
      Metrics: i.metrics ? [i.metrics] : undefined,
    }),
    NotificationsWithSubscribers: (i.notifications ?? []).map((n: Props) => ({
      Notification: compact({ ComparisonOperator: n.comparisonOperator, NotificationType: n.notificationType, Threshold: n.threshold, ThresholdType: n.thresholdType }),
      Subscribers: BUDGET_SUBSCRIBERS.flatMap(([key, SubscriptionType]) => (n[key] ?? []).map((Address: string) => ({ SubscriptionType, Address }))),
    })),
    ResourceTags: ctx.tagList(i.tags),
  }),
};

/** Target ids: letters, digits, dot, dash, underscore, at most 64. */
const targetId = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, "-").slice(-64);

export const MONITORING_MAPPINGS: Record<string, Mapping> = {
  // GetAtt Arn of a log group ends in ":*"; the provider's ARN does not.
  "aws:cloudwatch/logGroup:LogGroup": {
    cfnType: "AWS::Logs::LogGroup",
    attributes: { name: "Ref", arn: "Sub:arn:${AWS::Partition}:logs:${AWS::Region}:${AWS::AccountId}:log-group:${Self}" },
    properties: (i, ctx) => compact({ LogGroupName: i.name, RetentionInDays: i.retentionInDays, KmsKeyId: i.kmsKeyId, LogGroupClass: i.logGroupClass, Tags: ctx.tagList(i.tags) }),
  },
  "aws:cloudwatch/logSubscriptionFilter:LogSubscriptionFilter": {
    cfnType: "AWS::Logs::SubscriptionFilter",
    properties: (i) => compact({
      FilterName: i.name, LogGroupName: i.logGroup, FilterPattern: i.filterPattern, DestinationArn: i.destinationArn, RoleArn: i.roleArn, Distribution: i.distribution,
    }),
  },
  // CloudFormation takes this policy document as text.
  "aws:cloudwatch/logResourcePolicy:LogResourcePolicy": {
    cfnType: "AWS::Logs::ResourcePolicy",
    properties: (i) => ({ PolicyName: i.policyName, PolicyDocument: typeof i.policyDocument === "string" ? i.policyDocument : JSON.stringify(i.policyDocument) }),
  },
  "aws:cloudwatch/logDeliverySource:LogDeliverySource": {
    cfnType: "AWS::Logs::DeliverySource",
    attributes: { name: "Ref", arn: "Arn" },
    properties: (i, ctx) => compact({ Name: i.name, LogType: i.logType, ResourceArn: i.resourceArn, Tags: ctx.tagList(i.tags) }),
  },
  "aws:cloudwatch/logDeliveryDestination:LogDeliveryDestination": {
    cfnType: "AWS::Logs::DeliveryDestination",
    attributes: { name: "Ref", arn: "Arn" },
    properties: (i, ctx) => compact({
      Name: i.name, OutputFormat: i.outputFormat, DeliveryDestinationType: i.deliveryDestinationType,
      DestinationResourceArn: i.deliveryDestinationConfiguration?.destinationResourceArn, Tags: ctx.tagList(i.tags),
    }),
  },
  "aws:cloudwatch/logDelivery:LogDelivery": {
    cfnType: "AWS::Logs::Delivery",
    properties: (i, ctx) => compact({
      DeliverySourceName: i.deliverySourceName, DeliveryDestinationArn: i.deliveryDestinationArn, RecordFields: i.recordFields, FieldDelimiter: i.fieldDelimiter,
      S3SuffixPath: i.s3DeliveryConfigurations?.[0]?.suffixPath, S3EnableHiveCompatiblePath: i.s3DeliveryConfigurations?.[0]?.enableHiveCompatiblePath, Tags: ctx.tagList(i.tags),
    }),
  },
  "aws:cloudwatch/metricAlarm:MetricAlarm": alarm,
  "aws:cloudwatch/dashboard:Dashboard": {
    cfnType: "AWS::CloudWatch::Dashboard",
    properties: (i) => ({ DashboardName: i.dashboardName, DashboardBody: i.dashboardBody }),
  },
  "aws:cloudwatch/eventRule:EventRule": {
    cfnType: "AWS::Events::Rule",
    attributes: { id: "", name: "", arn: "Arn" },
    properties: (i, ctx) => compact({
      Name: i.name, Description: i.description, ScheduleExpression: i.scheduleExpression, EventPattern: json(i.eventPattern), EventBusName: i.eventBusName, RoleArn: i.roleArn,
      State: i.state ?? (i.isEnabled === false ? "DISABLED" : undefined), Tags: ctx.tagList(i.tags),
    }),
  },
  "aws:cloudwatch/eventTarget:EventTarget": {
    parentType: "aws:cloudwatch/eventRule:EventRule",
    parentInput: "rule",
    fold: (rule, i, ctx) => {
      rule.Targets = [...(rule.Targets ?? []), compact({
        Id: i.targetId ?? targetId(ctx.source.name),
        Arn: i.arn,
        RoleArn: i.roleArn,
        Input: i.input,
        InputPath: i.inputPath,
        InputTransformer: i.inputTransformer ? compact({ InputPathsMap: i.inputTransformer.inputPaths, InputTemplate: i.inputTransformer.inputTemplate }) : undefined,
        DeadLetterConfig: pascal(i.deadLetterConfig),
        RetryPolicy: i.retryPolicy ? compact({ MaximumRetryAttempts: i.retryPolicy.maximumRetryAttempts, MaximumEventAgeInSeconds: i.retryPolicy.maximumEventAgeInSeconds }) : undefined,
      })];
    },
  },
  "aws:sns/topic:Topic": {
    cfnType: "AWS::SNS::Topic",
    attributes: { id: "Ref", arn: "Ref", name: "TopicName" },
    properties: (i, ctx) => compact({ TopicName: i.name, DisplayName: i.displayName, KmsMasterKeyId: i.kmsMasterKeyId, FifoTopic: i.fifoTopic, Tags: ctx.tagList(i.tags) }),
  },
  "aws:sns/topicPolicy:TopicPolicy": {
    cfnType: "AWS::SNS::TopicPolicy",
    properties: (i) => ({ Topics: [i.arn], PolicyDocument: json(i.policy) }),
  },
  "aws:sns/topicSubscription:TopicSubscription": {
    cfnType: "AWS::SNS::Subscription",
    properties: (i) => compact({
      TopicArn: i.topic, Protocol: i.protocol, Endpoint: i.endpoint, FilterPolicy: json(i.filterPolicy), RawMessageDelivery: i.rawMessageDelivery, RedrivePolicy: json(i.redrivePolicy),
    }),
  },
  // The provider logs by default (enableLogging); CloudFormation requires IsLogging.
  "aws:cloudtrail/trail:Trail": {
    cfnType: "AWS::CloudTrail::Trail",
    properties: (i, ctx) => compact({
      TrailName: i.name, S3BucketName: i.s3BucketName, S3KeyPrefix: i.s3KeyPrefix, KMSKeyId: i.kmsKeyId, IsLogging: i.enableLogging ?? true,
      EnableLogFileValidation: i.enableLogFileValidation, IncludeGlobalServiceEvents: i.includeGlobalServiceEvents, IsMultiRegionTrail: i.isMultiRegionTrail,
      IsOrganizationTrail: i.isOrganizationTrail, CloudWatchLogsLogGroupArn: i.cloudWatchLogsGroupArn, CloudWatchLogsRoleArn: i.cloudWatchLogsRoleArn, SnsTopicName: i.snsTopicName,
      AdvancedEventSelectors: pascal(i.advancedEventSelectors, { startsWiths: "StartsWith", endsWiths: "EndsWith", notStartsWiths: "NotStartsWith", notEndsWiths: "NotEndsWith" }),
      Tags: ctx.tagList(i.tags),
    }),
  },
  "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream": {
    cfnType: "AWS::KinesisFirehose::DeliveryStream",
    attributes: { id: "Arn", arn: "Arn", name: "Ref" },
    properties: (i, ctx) => compact({
      DeliveryStreamName: i.name,
      DeliveryStreamType: "DirectPut",
      ExtendedS3DestinationConfiguration: i.extendedS3Configuration ? extendedS3(i.extendedS3Configuration) : undefined,
      DeliveryStreamEncryptionConfigurationInput: i.serverSideEncryption?.enabled ? compact({ KeyType: i.serverSideEncryption.keyType, KeyARN: i.serverSideEncryption.keyArn }) : undefined,
      Tags: ctx.tagList(i.tags),
    }),
  },
  "aws:xray/samplingRule:SamplingRule": {
    cfnType: "AWS::XRay::SamplingRule",
    properties: (i, ctx) => compact({
      SamplingRule: compact({
        RuleName: i.ruleName, Priority: i.priority, FixedRate: i.fixedRate, ReservoirSize: i.reservoirSize, ServiceName: i.serviceName, ServiceType: i.serviceType,
        Host: i.host, HTTPMethod: i.httpMethod, URLPath: i.urlPath, ResourceARN: i.resourceArn, Version: i.version, Attributes: i.attributes,
      }),
      Tags: ctx.tagList(i.tags),
    }),
  },
  "aws:budgets/budget:Budget": budget,
};
