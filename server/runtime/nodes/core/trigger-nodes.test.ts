import { describe, expect, it } from "vitest";
import { buildSpec } from "../../testing/build-spec";
import { createRuntimeHarness, runToIdle } from "../../testing/runtime-harness";

describe("trigger nodes", () => {
  it("a Webhook and a Schedule started by hand pass the typed run input on, like a delivery or a tick", async () => {
    const { memory, runtime, start } = createRuntimeHarness();
    const webhook = buildSpec([{ id: "hook", type: "core/webhook" }, { id: "out", type: "core/output", config: { name: "request" } }], ["hook.out->out.in"]);
    const schedule = buildSpec([{ id: "tick", type: "core/schedule", config: { cron: "0 * * * *" } }, { id: "out", type: "core/output", config: { name: "tick" } }], ["tick.out->out.in"]);
    const request = { body: { order: 7 }, query: {}, headers: { "content-type": "application/json" } };
    const tick = { firedAt: "2026-01-01T00:00:00.000Z", cron: "0 * * * *", timezone: "UTC" };
    const [webhookRun, scheduleRun] = [start(webhook, request), start(schedule, tick)];
    await runToIdle(runtime);
    expect(memory.runs.get(webhookRun)).toMatchObject({ status: "succeeded", output: { request } });
    expect(memory.runs.get(scheduleRun)).toMatchObject({ status: "succeeded", output: { tick } });
  });
});
