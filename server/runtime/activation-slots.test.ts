import { describe, expect, it } from "vitest";
import { createActivationSlots } from "./activation-slots";

describe("activation slots", () => {
  it("serves waiters first come, first served, so one busy run cannot starve another", async () => {
    const slots = createActivationSlots(1);
    const never = new AbortController().signal;
    const releaseFirst = await slots.acquire(never);
    const order: string[] = [];
    const waiters = ["run-a:1", "run-a:2", "run-b:1", "run-a:3"].map((name) => slots.acquire(never).then((release) => {
      order.push(name);
      release();
    }));
    releaseFirst();
    await Promise.all(waiters);
    expect(order).toEqual(["run-a:1", "run-a:2", "run-b:1", "run-a:3"]);
    expect(slots.inUse).toBe(0);
  });

  it("lets an aborted waiter leave the queue without taking a slot", async () => {
    const slots = createActivationSlots(1);
    const release = await slots.acquire(new AbortController().signal);
    const controller = new AbortController();
    const waiting = slots.acquire(controller.signal);
    controller.abort(new Error("cancelled"));
    await expect(waiting).rejects.toThrow("cancelled");
    release();
    expect(slots.inUse).toBe(0);
    const again = await slots.acquire(new AbortController().signal);
    again();
    again();
    expect(slots.inUse).toBe(0);
  });
});
