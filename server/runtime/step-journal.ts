// Group commit of a run's steps. A pure step (a pure node's result or a skip: nothing outside the run saw it happen)
// is not written on its own: it waits up to DEFER_MS, or until the run writes anything else, and goes in one statement
// with the steps deferred alongside it and the latest frontier. Lost in a crash, such a step just runs again from the
// last checkpoint, as it would have had the crash come a moment earlier; every other step (effectful, waiting,
// failed) is written before the drive goes on, with whatever was deferred before it. Writes happen in order; once one
// fails, every later commit and settle fails with the same error, so the drive ends on it.
import type { TFrontier } from "./frontier/frontier";
import type { TStepRecord } from "./run-store";

export const DEFER_MS = 10;
const MAX_DEFERRED = 64;

export type TStepJournal = ReturnType<typeof createStepJournal>;

export function createStepJournal(write: (steps: TStepRecord[], frontier: TFrontier) => Promise<void>, options: { deferMs?: number } = {}) {
  let deferred: TStepRecord[] = [];
  let latestFrontier: TFrontier | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();

  function writeDeferred(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    if (deferred.length > 0) {
      const steps = deferred;
      const frontier = latestFrontier!;
      deferred = [];
      writing = writing.then(() => write(steps, frontier));
      // A background write's failure surfaces at the run's next commit or settle, never as an unhandled rejection.
      writing.catch(() => undefined);
    }
    return writing;
  }

  return {
    /** Records a pure step; it is written within `deferMs`, with the next step written, or at the next settle. */
    defer(step: TStepRecord, frontier: TFrontier): void {
      deferred.push(step);
      latestFrontier = frontier;
      if (deferred.length >= MAX_DEFERRED) void writeDeferred();
      else timer ??= setTimeout(() => void writeDeferred(), options.deferMs ?? DEFER_MS);
    },
    /** Writes `step` with every step deferred before it, in one statement, and the frontier after it. */
    commit(step: TStepRecord, frontier: TFrontier): Promise<void> {
      deferred.push(step);
      latestFrontier = frontier;
      return writeDeferred();
    },
    /** Resolves once every step so far is written: before any other write of the run (markers, park). */
    settle(): Promise<void> {
      return writeDeferred();
    },
    /**
     * Hands the deferred steps to the caller's own write (the run's finish records them in its statement), once the
     * writes before them are done; fails like settle.
     */
    async take(): Promise<TStepRecord[]> {
      clearTimeout(timer);
      timer = undefined;
      const steps = deferred;
      deferred = [];
      await writing;
      return steps;
    },
  };
}
