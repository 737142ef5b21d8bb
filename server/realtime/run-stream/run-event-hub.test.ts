import { describe, expect, it } from "vitest";
import type { TSeqEvent } from "../../runtime/run-store";
import { createRunEventHub, IDLE_RETENTION_MS, RECENT_RETENTION_MS } from "./run-event-hub";

const event = (runId: string, seq: number, type = "node.completed"): TSeqEvent => ({ runId, seq, type, ts: 0 }) as TSeqEvent;

describe("run event hub memory", () => {
  it("keeps a finished run's events for late subscribers until the retention has passed, then forgets them within a second", () => {
    let clock = 1_000_000;
    const hub = createRunEventHub({ now: () => clock });
    hub.publish(event("a", 1));
    hub.publish(event("a", 2, "run.completed"));

    clock += RECENT_RETENTION_MS - 1;
    hub.publish(event("b", 1));
    expect(hub.recentAfter("a", 0).map((e) => e.seq)).toEqual([1, 2]);

    // The memory is swept at most once a second, so it is gone within a second after the retention.
    clock += 1_001;
    hub.publish(event("b", 2));
    expect(hub.recentAfter("a", 0)).toEqual([]);
    expect(hub.recentAfter("b", 1).map((e) => e.seq)).toEqual([2]);
  });

  it("forgets a run that stopped publishing without a final event once it has been idle for the idle retention", () => {
    let clock = 0;
    const hub = createRunEventHub({ now: () => clock });
    hub.publish(event("moved", 1));
    clock += IDLE_RETENTION_MS + 1;
    hub.publish(event("other", 1));
    expect(hub.recentAfter("moved", 0)).toEqual([]);
    expect(hub.recentAfter("other", 0)).toHaveLength(1);
  });

  it("hands every event to the run's subscribers in publish order and stops after unsubscribe", () => {
    const hub = createRunEventHub();
    const seen: number[] = [];
    const stop = hub.subscribe("a", (e) => seen.push(e.seq));
    hub.publish(event("a", 1));
    hub.publish(event("b", 1));
    hub.publish(event("a", 2));
    stop();
    hub.publish(event("a", 3));
    expect(seen).toEqual([1, 2]);
    expect(hub.listenerCount("a")).toBe(0);
  });
});
