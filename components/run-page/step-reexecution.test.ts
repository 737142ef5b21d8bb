import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { listStepAttempts } from "./step-attempts";
import { StepReexecution } from "./step-reexecution";

describe("StepReexecution", () => {
  it("says the step was re-executed after takeover and shows both attempts' timing", () => {
    const startedAt = new Date(2026, 0, 1, 14, 3, 7, 250).getTime();
    const attempts = listStepAttempts({ previousAttempts: [{ attempt: 1, startedAt, owner: "executor-a" }] }, { attempt: 2, startedAt: startedAt + 2_000, finishedAt: startedAt + 2_400 });
    const text = renderToStaticMarkup(createElement(StepReexecution, { attempts })).replace(/<[^>]+>/g, "");
    expect(text).toContain("Re-executed after takeover");
    expect(text).toContain("Attempt 1 started 14:03:07.250 on executor-a, interrupted");
    expect(text).toContain("Attempt 2 started 14:03:09.250 · finished 14:03:09.650 (400 ms)");
  });

  it("shows nothing for a step that ran once", () => {
    expect(renderToStaticMarkup(createElement(StepReexecution, { attempts: [] }))).toBe("");
  });
});
