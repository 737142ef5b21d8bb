// Queue mode: the run store as the runtime sees it, plus a job for every run that its writes make need an executor:
// a child run it creates, a run it parks until a time, the parent of a child run it finishes. The polling runtime
// finds those by polling; in queue mode nobody polls, so they are enqueued as they happen.
import type { TRunStore } from "../runtime/run-store";
import type { TRunQueue } from "./run-queue";

export function withQueueDispatch(store: TRunStore, queue: Pick<TRunQueue, "enqueueSoon">): TRunStore {
  return {
    ...store,
    async createChildRun(options) {
      const created = await store.createChildRun(options);
      if (!created.finished) queue.enqueueSoon([created.runId]);
      return created;
    },
    async createToolRun(options) {
      const created = await store.createToolRun(options);
      queue.enqueueSoon([created.runId]);
      return created;
    },
    async parkRun(options) {
      await store.parkRun(options);
      if (options.wakeAt) queue.enqueueSoon([options.runId], options.wakeAt.getTime());
    },
    async finishRun(options) {
      const finished = await store.finishRun(options);
      if (finished.resumedParentRunId) queue.enqueueSoon([finished.resumedParentRunId]);
      return finished;
    },
  };
}
