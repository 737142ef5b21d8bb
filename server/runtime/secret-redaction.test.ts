import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { TNodeImplementation } from "./node-implementation";
import { buildSpec } from "./testing/build-spec";
import { createRuntimeHarness, runToIdle } from "./testing/runtime-harness";

/** A careless node: it puts the secret it resolved into its output, its log and its error. */
const leakyNode: TNodeImplementation = {
  definition: { type: "test/leaky", version: 1, title: "leaky", category: "test", icon: "x", description: "", inputs: [{ id: "in", kind: "data" }], outputs: [{ id: "out", kind: "data" }], configSchema: {}, sideEffects: "effectful" },
  async execute(context) {
    const key = await context.resolveSecret("API_KEY");
    context.emit("node.log", { level: "info", message: `calling with ${key}` });
    if (context.config.fail) throw new Error(`upstream rejected ${Buffer.from(key).toString("base64")}`);
    return { kind: "outputs", outputs: { out: { header: `Bearer ${key}`, hex: Buffer.from(key).toString("hex"), url: encodeURIComponent(key) } } };
  },
};

describe("secret redaction", () => {
  const canary = `sk-CANARY-${randomUUID()}`;
  const spellings = [canary, Buffer.from(canary).toString("base64"), Buffer.from(canary).toString("hex"), encodeURIComponent(canary)];

  it("keeps a resolved secret out of steps, checkpoints, events and the run output", async () => {
    const { memory, runtime, start } = createRuntimeHarness([leakyNode], () => Date.now(), { API_KEY: canary });
    const id = start(buildSpec([{ id: "in", type: "core/input" }, { id: "leak", type: "test/leaky" }, { id: "out", type: "core/output" }], ["in.out->leak.in", "leak.out->out.in"]));
    await runToIdle(runtime);
    const run = memory.runs.get(id)!;
    expect(run.status).toBe("succeeded");
    const stored = JSON.stringify({ steps: memory.steps, events: memory.events, run });
    for (const spelling of spellings) expect(stored).not.toContain(spelling);
    expect(JSON.stringify(run.output)).toContain("Bearer [secret:API_KEY]");
  });

  it("keeps it out of a failed step's error too", async () => {
    const { memory, runtime, start } = createRuntimeHarness([leakyNode], () => Date.now(), { API_KEY: canary });
    const id = start(buildSpec([{ id: "in", type: "core/input" }, { id: "leak", type: "test/leaky", config: { fail: true } }], ["in.out->leak.in"]));
    await runToIdle(runtime);
    expect(memory.runs.get(id)!.status).toBe("failed");
    const stored = JSON.stringify({ steps: memory.steps, events: memory.events, run: memory.runs.get(id) });
    for (const spelling of spellings) expect(stored).not.toContain(spelling);
    expect(stored).toContain("[secret:API_KEY]");
  });
});
