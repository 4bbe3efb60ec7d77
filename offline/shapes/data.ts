/**
 * Mock shapes of the data tier's types: ids, ARNs and endpoints in AWS's formats, and the name limits
 * the real APIs enforce. Pulumi appends 8 characters to auto-names, so a logical name must leave room:
 * RDS DB identifier 63, ElastiCache replication group id 40, MSK cluster name 64, MQ broker name 50.
 */
import * as pulumi from "@pulumi/pulumi";
import { hex, uuid } from "../ids";
import type { Ctx, Shape } from "../resourceShapes";

/** A value the engine keeps secret in state, as a mock returns it (the SDK's secret envelope). */
function secretValue(value: string): Record<string, string> {
  return { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value };
}

const arn = (service: string, ctx: Ctx, resource: string) => `arn:aws:${service}:${ctx.region}:${ctx.account}:${resource}`;
const shortRegion = (region: string) => region.replace(/-/g, "").replace("west", "w").replace("east", "e").replace("central", "c").replace("north", "n").replace("south", "s");

function rdsInstance(): Shape {
  return {
    nameProp: "identifier",
    nameLimit: 63,
    id: (name) => name,
    extra: (id, _name, inputs, ctx) => {
      const address = `${id}.c${hex(`rds:${ctx.account}:${ctx.region}`, 11)}.${ctx.region}.rds.amazonaws.com`;
      const port = inputs.port ?? 5432;
      return {
        arn: arn("rds", ctx, `db:${id}`),
        address,
        endpoint: `${address}:${port}`,
        port,
        resourceId: `db-${hex(`rds:${id}`, 26).toUpperCase()}`,
        availabilityZone: inputs.availabilityZone ?? `${ctx.region}a`,
        engineVersionActual: inputs.engineVersion && /^\d+$/.test(inputs.engineVersion) ? `${inputs.engineVersion}.7` : inputs.engineVersion,
        // RDS names its managed secret "rds!db-<uuid>" and encrypts it with the key given.
        masterUserSecrets: inputs.manageMasterUserPassword
          ? [{ secretArn: arn("secretsmanager", ctx, `secret:rds!db-${uuid(`secret:${id}`)}-${hex(`suffix:${id}`, 6)}`), kmsKeyId: inputs.masterUserSecretKmsKeyId, secretStatus: "active" }]
          : [],
      };
    },
  };
}

function replicationGroup(): Shape {
  return {
    nameProp: "replicationGroupId",
    nameLimit: 40,
    id: (name) => name,
    extra: (id, _name, inputs, ctx) => {
      const host = (role: string) => `${role}.${id}.${hex(`ec:${id}`, 6)}.${shortRegion(ctx.region)}.cache.amazonaws.com`;
      const cluster = inputs.clusterMode === "enabled";
      const shards = cluster ? (inputs.numNodeGroups ?? 1) : 1;
      const perShard = cluster ? 1 + (inputs.replicasPerNodeGroup ?? 0) : (inputs.numCacheClusters ?? 1);
      return {
        arn: arn("elasticache", ctx, `replicationgroup:${id}`),
        clusterEnabled: cluster,
        configurationEndpointAddress: cluster ? host("clustercfg") : undefined,
        primaryEndpointAddress: cluster ? undefined : host("master"),
        readerEndpointAddress: cluster ? undefined : host("replica"),
        memberClusters: Array.from({ length: shards * perShard }, (_, i) =>
          cluster ? `${id}-${String(Math.floor(i / perShard) + 1).padStart(4, "0")}-${String((i % perShard) + 1).padStart(3, "0")}` : `${id}-${String(i + 1).padStart(3, "0")}`),
      };
    },
  };
}

function mskCluster(): Shape {
  return {
    nameProp: "clusterName",
    nameLimit: 64,
    id: (name, _i, ctx) => arn("kafka", ctx, `cluster/${name}/${uuid(`msk:${name}`)}-2`),
    extra: (id, name, inputs, ctx) => {
      const brokers = Array.from({ length: inputs.numberOfBrokerNodes ?? 3 }, (_, i) => `b-${i + 1}.${name}.${hex(`msk:${name}`, 6)}.c2.kafka.${ctx.region}.amazonaws.com`);
      return {
        arn: id,
        clusterUuid: id.split("/").pop(),
        currentVersion: `K${hex(`ver:${name}`, 13).toUpperCase()}`,
        bootstrapBrokersSaslIam: brokers.map((b) => `${b}:9098`).join(","),
        bootstrapBrokersTls: "",
      };
    },
  };
}

function mqBroker(): Shape {
  return {
    nameProp: "brokerName",
    nameLimit: 50,
    id: (name) => `b-${uuid(`mq:${name}`)}`,
    extra: (id, name, inputs, ctx) => ({
      arn: arn("mq", ctx, `broker:${name}:${id}`),
      instances: [{ consoleUrl: `https://${id}.mq.${ctx.region}.on.aws`, endpoints: [`amqps://${id}.mq.${ctx.region}.on.aws:5671`], ipAddress: "" }],
      brokerName: inputs.brokerName ?? name,
    }),
  };
}

export const DATA_SHAPES: Record<string, Shape> = {
  "aws:rds/instance:Instance": rdsInstance(),
  "aws:rds/subnetGroup:SubnetGroup": { nameProp: "name", nameLimit: 255, id: (n) => n, extra: (_id, n, _i, ctx) => ({ arn: arn("rds", ctx, `subgrp:${n}`) }) },
  "aws:rds/parameterGroup:ParameterGroup": { nameProp: "name", nameLimit: 255, id: (n) => n, extra: (_id, n, _i, ctx) => ({ arn: arn("rds", ctx, `pg:${n}`) }) },
  "aws:elasticache/replicationGroup:ReplicationGroup": replicationGroup(),
  "aws:elasticache/subnetGroup:SubnetGroup": { nameProp: "name", nameLimit: 255, id: (n) => n, extra: (_id, n, _i, ctx) => ({ arn: arn("elasticache", ctx, `subnetgroup:${n}`) }) },
  "aws:elasticache/parameterGroup:ParameterGroup": { nameProp: "name", nameLimit: 255, id: (n) => n, extra: (_id, n, _i, ctx) => ({ arn: arn("elasticache", ctx, `parametergroup:${n}`) }) },
  "aws:msk/cluster:Cluster": mskCluster(),
  "aws:msk/configuration:Configuration": {
    nameProp: "name",
    id: (n, _i, ctx) => arn("kafka", ctx, `configuration/${n}/${uuid(`mskcfg:${n}`)}-2`),
    extra: (id) => ({ arn: id, latestRevision: 1 }),
  },
  "aws:mq/broker:Broker": mqBroker(),
  "aws:secretsmanager/secret:Secret": {
    nameProp: "name",
    nameLimit: 512,
    id: (n, _i, ctx) => arn("secretsmanager", ctx, `secret:${n}-${hex(`sm:${n}`, 6)}`),
    extra: (id) => ({ arn: id }),
  },
  "aws:secretsmanager/secretVersion:SecretVersion": { id: (n, inputs) => `${inputs.secretId}|${uuid(`sv:${n}`)}`, extra: (_id, n) => ({ versionId: uuid(`sv:${n}`) }) },
  "aws:secretsmanager/secretRotation:SecretRotation": { id: (_n, inputs) => String(inputs.secretId), extra: () => ({ rotationEnabled: true }) },
  "aws:appautoscaling/target:Target": {
    id: (_n, inputs) => String(inputs.resourceId),
    extra: (_id, _n, inputs, ctx) => ({ arn: arn("application-autoscaling", ctx, `scalable-target/${hex(`aas:${inputs.resourceId}`, 12)}`) }),
  },
  "aws:appautoscaling/policy:Policy": {
    nameProp: "name",
    nameLimit: 256,
    id: (n) => n,
    extra: (_id, n, _i, ctx) => ({ arn: arn("autoscaling", ctx, `scalingPolicy:${uuid(`aasp:${n}`)}:resource/kafka/policyName/${n}`) }),
  },
  // random.RandomPassword: a deterministic stand-in, returned secret as the engine keeps it.
  "random:index/randomPassword:RandomPassword": {
    id: () => "none",
    extra: (_id, name, inputs) => {
      const specials: string = inputs.overrideSpecial ?? "!#$%&*()-_=+[]{}<>:?";
      const alphabet = `ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789${inputs.special === false ? "" : specials}`;
      const h = hex(`random:${name}`, inputs.length * 2);
      const chars = Array.from({ length: inputs.length }, (_, i) => alphabet[parseInt(h.slice(i * 2, i * 2 + 2), 16) % alphabet.length]);
      // Guarantee one of each class the minimums ask for, as the provider does.
      chars.splice(0, 4, "A", "z", "7", inputs.special === false ? "q" : specials[0]);
      const result = chars.join("");
      return { result: secretValue(result), bcryptHash: secretValue(`$2a$10$${hex(`bcrypt:${name}`, 53)}`) };
    },
  },
};
