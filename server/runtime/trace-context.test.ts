import { describe, expect, it } from "vitest";
import { callSpanId, formatTraceparent, parseTraceparent, stepSpanId, traceOfRun } from "./trace-context";

const TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
const SPAN = "00f067aa0ba902b7";

describe("parseTraceparent", () => {
  it("reads a W3C traceparent and its sampled flag", () => {
    expect(parseTraceparent(`00-${TRACE}-${SPAN}-01`)).toEqual({ traceId: TRACE, spanId: SPAN, isSampled: true });
    expect(parseTraceparent(` 00-${TRACE}-${SPAN}-00 `)).toEqual({ traceId: TRACE, spanId: SPAN, isSampled: false });
  });

  it("accepts fields a later version appends, and refuses them in version 00", () => {
    expect(parseTraceparent(`01-${TRACE}-${SPAN}-01-what-comes-next`)?.traceId).toBe(TRACE);
    expect(parseTraceparent(`00-${TRACE}-${SPAN}-01-extra`)).toBeUndefined();
  });

  it("refuses what the spec calls invalid: version ff, all-zero ids, upper case, wrong lengths, several headers", () => {
    for (const header of [
      `ff-${TRACE}-${SPAN}-01`,
      `00-${"0".repeat(32)}-${SPAN}-01`,
      `00-${TRACE}-${"0".repeat(16)}-01`,
      `00-${TRACE.toUpperCase()}-${SPAN}-01`,
      `00-${TRACE.slice(1)}-${SPAN}-01`,
      `00-${TRACE}-${SPAN}-1`,
      "",
      undefined,
      [`00-${TRACE}-${SPAN}-01`],
    ]) {
      expect(parseTraceparent(header)).toBeUndefined();
    }
  });
});

describe("span ids of a run", () => {
  it("are the same wherever they are computed, and differ per step, attempt, resume and call", () => {
    expect(stepSpanId("run-1", 3, 1)).toBe(stepSpanId("run-1", 3, 1));
    const steps = [stepSpanId("run-1", 3, 1), stepSpanId("run-1", 3, 2), stepSpanId("run-1", 4, 1), stepSpanId("run-2", 3, 1), stepSpanId("run-1", 3, 1, true)];
    expect(new Set(steps).size).toBe(5);
    const calls = [callSpanId(steps[0]!, "3.0"), callSpanId(steps[0]!, "3.1"), callSpanId(steps[1]!, "3.0")];
    expect(new Set([...calls, ...steps]).size).toBe(8);
    for (const id of [...steps, ...calls]) expect(id).toMatch(/^[0-9a-f]{16}$/);
  });

  it("make headers that parse back", () => {
    const spanId = stepSpanId("run-1", 1, 1);
    expect(parseTraceparent(formatTraceparent(TRACE, spanId))).toEqual({ traceId: TRACE, spanId, isSampled: true });
  });

  it("give a run older than trace ids one derived from its id, and keep a stored one", () => {
    const derived = traceOfRun({ id: "run-1", trace: null });
    expect(derived).toEqual({ traceId: expect.stringMatching(/^[0-9a-f]{32}$/), parentSpanId: null });
    expect(traceOfRun({ id: "run-1" })).toEqual(derived);
    expect(traceOfRun({ id: "run-2" }).traceId).not.toBe(derived.traceId);
    expect(traceOfRun({ id: "run-1", trace: { traceId: TRACE, parentSpanId: SPAN } })).toEqual({ traceId: TRACE, parentSpanId: SPAN });
  });
});
