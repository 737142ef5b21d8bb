"use client";

import { skipToken, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useRunEvents } from "../realtime/use-run-events";
import { useTRPC } from "../trpc/trpc";
import { getStaleQueries } from "./run-status";

/** At most one refetch of steps (or of the run) per this many ms, however fast events arrive. */
const REFETCH_THROTTLE_MS = 300;

/**
 * The run, its recorded steps and its live events. Events stream over the socket; when one ends or parks a step (or
 * moves the run's status) the matching query is refetched, throttled, so a step's record follows its end event.
 */
export function useLiveRun(workspaceId: string | undefined, runId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const input = workspaceId ? { workspaceId, runId } : skipToken;
  const run = useQuery(trpc.run.get.queryOptions(input));
  const steps = useQuery(trpc.run.steps.queryOptions(input));
  const stream = useRunEvents(workspaceId, runId);
  const handledSeq = useRef(0);
  const timers = useRef<{ steps?: ReturnType<typeof setTimeout>; run?: ReturnType<typeof setTimeout> }>({});

  useEffect(() => {
    const fresh = stream.events.filter((event) => event.seq > handledSeq.current);
    if (fresh.length === 0) return;
    handledSeq.current = fresh[fresh.length - 1]!.seq;
    const stale = getStaleQueries(fresh);
    const schedule = (which: "steps" | "run") => {
      // Trailing edge: the refetch runs after the burst, so it sees the last event's step too.
      timers.current[which] ??= setTimeout(() => {
        timers.current[which] = undefined;
        void queryClient.invalidateQueries({ queryKey: which === "steps" ? trpc.run.steps.queryKey() : trpc.run.get.queryKey() });
      }, REFETCH_THROTTLE_MS);
    };
    if (stale.steps) schedule("steps");
    if (stale.run) schedule("run");
  }, [stream.events, queryClient, trpc]);

  useEffect(() => {
    const pending = timers.current;
    return () => {
      clearTimeout(pending.steps);
      clearTimeout(pending.run);
    };
  }, []);

  return { run, steps, stream };
}
