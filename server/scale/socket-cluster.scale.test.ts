// The cluster adapter's own Redis clients: a web side that stops right after it started (a failed boot, a test) must
// not leave a rejected command behind. Vitest fails a file with an unhandled rejection, and so would Node end a process.
import { setTimeout as sleep } from "node:timers/promises";
import { expect, it } from "vitest";
import { newRedisTarget, startQueueModeWeb } from "./testing/queue-mode-harness";

it("closes right after it started without an unhandled rejection", async () => {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  process.on("unhandledRejection", onRejection);
  try {
    for (let round = 0; round < 3; round += 1) {
      const web = await startQueueModeWeb(newRedisTarget(), "http://cluster.test");
      await web.close();
    }
    await sleep(500);
    expect(rejections).toEqual([]);
  } finally {
    process.off("unhandledRejection", onRejection);
  }
});
