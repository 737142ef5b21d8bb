import { describe, expect, it } from "vitest";
import { pickStepValue } from "./pick-step-value";
import { trimStepValues } from "./trim-step-values";
import { isTruncatedJson } from "./truncate-json";

const HUGE = "r".repeat(5_000_000);

function agentStep() {
  return {
    seq: 3,
    nodeId: "assistant",
    input: { in: "How many words?" },
    output: { out: { text: "Seven." } },
    error: null,
    effects: {
      now: [1, 2],
      random: [],
      calls: [
        { callId: "c1", nodeId: "model", kind: "model", operation: "chat", startedAt: 10, finishedAt: 20, input: { messages: [] }, output: { content: "ok" }, usage: { tokens: 12, costUsd: 0 } },
        { callId: "c2", nodeId: "search", kind: "tool", operation: "search", startedAt: 21, finishedAt: 90, input: { q: "x" }, output: HUGE },
      ],
      result: { emissions: [] },
    },
  };
}

describe("trimStepValues", () => {
  it("truncates only the big values, keeping the calls' ids, timings and usage", () => {
    const trimmed = trimStepValues(agentStep(), 10_240);
    const calls = (trimmed.effects as { calls: Record<string, unknown>[] }).calls;
    expect(trimmed.input).toEqual({ in: "How many words?" });
    expect(calls[0]).toMatchObject({ callId: "c1", output: { content: "ok" }, usage: { tokens: 12, costUsd: 0 } });
    expect(calls[1]).toMatchObject({ callId: "c2", kind: "tool", startedAt: 21, finishedAt: 90, input: { q: "x" } });
    expect(isTruncatedJson(calls[1]!.output)).toBe(true);
    expect(JSON.stringify(trimmed).length).toBeLessThan(12_000);
  });

  it("truncates big inputs, outputs and errors, and leaves steps without effects alone", () => {
    const step = { input: { text: HUGE }, output: null, error: { message: "boom", stack: HUGE }, effects: null };
    const trimmed = trimStepValues(step, 100);
    expect(isTruncatedJson(trimmed.input)).toBe(true);
    expect(isTruncatedJson(trimmed.error)).toBe(true);
    expect(trimmed.output).toBeNull();
    expect(trimmed.effects).toBeNull();
  });
});

describe("trimStepValues with values kept in files", () => {
  it("lists a file reference, wherever it sits, as a truncation marker with the file's size and preview", () => {
    const reference = { $file: { path: "ws/run/3-0b0e8f2c-3f0a-4a51-9d8e-8f8f3c1e2a11.json", chars: 300_000, preview: `"${"r".repeat(20_000)}` } };
    const step = { ...agentStep(), output: reference, effects: { now: [], random: [], calls: [{ callId: "c1", input: {}, output: reference }] } };
    const trimmed = trimStepValues(step, 10_240);
    expect(trimmed.output).toEqual({ $truncated: { chars: 300_000, preview: reference.$file.preview.slice(0, 10_240) } });
    expect((trimmed.effects as { calls: { output: unknown }[] }).calls[0]!.output).toEqual(trimmed.output);
    expect(trimmed.input).toEqual({ in: "How many words?" });
  });
});

describe("pickStepValue", () => {
  it("finds a column, an effects list and a call's part in the full record", () => {
    const step = agentStep();
    expect(pickStepValue(step, "input")).toEqual({ found: true, value: { in: "How many words?" } });
    expect(pickStepValue(step, "error")).toEqual({ found: true, value: null });
    expect(pickStepValue(step, "now")).toEqual({ found: true, value: [1, 2] });
    expect(pickStepValue(step, { call: 1, part: "output" })).toEqual({ found: true, value: HUGE });
    expect(pickStepValue(step, { call: 1, part: "error" })).toEqual({ found: true, value: null });
    expect(pickStepValue(step, { call: 2, part: "output" })).toEqual({ found: false });
    expect(pickStepValue({ effects: null }, { call: 0, part: "input" })).toEqual({ found: false });
  });
});
