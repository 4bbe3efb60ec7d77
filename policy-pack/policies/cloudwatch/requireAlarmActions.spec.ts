import { strict as assert } from "node:assert";
import { assertOneViolation, check, fixture, withInputs } from "../../test/fixtures";
import { alarm, criticalTopic, mathAlarm } from "../../test/monitoringFixtures";
import { requireAlarmActions } from "./requireAlarmActions";

const cpu = alarm("database-cpu-1", { DBInstanceIdentifier: "medsearch-db" });
const composite = fixture("aws:cloudwatch/compositeAlarm:CompositeAlarm", "data-tier", {
  inputs: { alarmName: "data-tier", alarmRule: "ALARM(a) OR ALARM(b)", actionsEnabled: true, alarmActions: [criticalTopic.outputs.arn] },
});

describe("cloudwatch-require-alarm-actions", () => {
  it("passes a metric alarm, a metric-math alarm and a composite alarm that notify a topic", async () => {
    assert.deepEqual(await check(requireAlarmActions, [cpu, mathAlarm("rabbitmq-memory", "medsearch-mq"), composite]), []);
  });

  it("flags an alarm without alarmActions", async () => {
    const v = assertOneViolation(await check(requireAlarmActions, [withInputs(cpu, { alarmActions: undefined })]), requireAlarmActions, [/no alarmActions/, /add the SNS topic of its severity/]);
    assert.equal(v.urn, cpu.urn);
  });

  it("flags an alarm with an empty alarmActions list (only OK actions)", async () => {
    assertOneViolation(await check(requireAlarmActions, [withInputs(cpu, { alarmActions: [] })]), requireAlarmActions, [/no alarmActions/]);
  });

  it("flags an alarm whose actions are disabled", async () => {
    assertOneViolation(await check(requireAlarmActions, [withInputs(cpu, { actionsEnabled: false })]), requireAlarmActions, [/actionsEnabled false/, /set actionsEnabled to true/]);
  });

  it("flags a composite alarm without actions", async () => {
    assertOneViolation(await check(requireAlarmActions, [withInputs(composite, { alarmActions: undefined })]), requireAlarmActions, [/no alarmActions/]);
  });

  it("ignores other resource types, such as a dashboard", async () => {
    assert.deepEqual(await check(requireAlarmActions, [fixture("aws:cloudwatch/dashboard:Dashboard", "d", { inputs: { dashboardName: "d", dashboardBody: "{}" } })]), []);
  });
});
