import { describe, expect, it } from "vitest";
import type { TRunStreamEvent } from "../realtime/use-run-events";
import { parseForkInput } from "./parse-fork-input";
import { getLiveRunStatus, getStaleQueries } from "./run-status";

const event = (type: string, seq: number) => ({ runId: "r", seq, type, nodeId: null, ts: seq, payload: {} }) as TRunStreamEvent;

describe("getLiveRunStatus", () => {
  it("follows the last run event while the fetched status is not final", () => {
    expect(getLiveRunStatus("queued", [])).toBe("queued");
    expect(getLiveRunStatus("queued", [event("run.started", 1), event("node.started", 2)])).toBe("running");
    expect(getLiveRunStatus("running", [event("run.started", 1), event("run.waiting", 5)])).toBe("waiting");
    expect(getLiveRunStatus("waiting", [event("run.waiting", 5), event("run.started", 6), event("run.completed", 9)])).toBe("succeeded");
    expect(getLiveRunStatus("cancelled", [event("run.started", 1)])).toBe("cancelled");
  });
});

describe("getStaleQueries", () => {
  it("refetches steps when a step ends or parks, and the run when its status moves", () => {
    expect(getStaleQueries([event("node.output_chunk", 1), event("node.started", 2)])).toEqual({ steps: false, run: false });
    expect(getStaleQueries([event("node.completed", 1)])).toEqual({ steps: true, run: false });
    expect(getStaleQueries([event("node.waiting", 1)])).toEqual({ steps: true, run: false });
    expect(getStaleQueries([event("run.cancelled", 1)])).toEqual({ steps: true, run: true });
  });
});

describe("parseForkInput", () => {
  it("accepts an object per input port and explains anything else", () => {
    expect(parseForkInput('{"in": {"question": "edited"}}')).toEqual({ ok: true, input: { in: { question: "edited" } } });
    expect(parseForkInput("[1]")).toMatchObject({ ok: false, error: expect.stringContaining("one value per input port") });
    expect(parseForkInput("{in: 1}")).toMatchObject({ ok: false, error: expect.stringContaining("Not valid JSON") });
  });
});
