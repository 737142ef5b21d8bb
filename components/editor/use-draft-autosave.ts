"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { TGraphSpec } from "@/lib/graph";
import { TAB_ID } from "../realtime/socket";
import { getErrorCode, getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";

const DEBOUNCE_MS = 400;

export type TSaveState =
  | { status: "saved" | "pending" | "saving" }
  | { status: "error"; message: string }
  | { status: "conflict"; currentRevision: number };

/**
 * Saves the draft shortly after the last edit, sending the revision it started from. A newer draft on the server
 * (another user or tab) turns into a `conflict` state instead of being overwritten; the user picks reload or overwrite.
 */
export function useDraftAutosave(options: { workspaceId: string; graphId: string; initialRevision: number; getSpec: () => TGraphSpec }) {
  const { workspaceId, graphId } = options;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [state, setState] = useState<TSaveState>({ status: "saved" });
  const revisionRef = useRef(options.initialRevision);
  const timerRef = useRef<ReturnType<typeof setTimeout>>(undefined);
  const isSavingRef = useRef(false);
  const isDirtyRef = useRef(false);
  const getSpecRef = useRef(options.getSpec);
  useEffect(() => {
    getSpecRef.current = options.getSpec;
  });
  const { mutateAsync } = useMutation(trpc.graph.saveDraft.mutationOptions());

  /** Saves until nothing is dirty: edits made while a save is in flight go out right after it. */
  const flush = useCallback(async () => {
    clearTimeout(timerRef.current);
    if (isSavingRef.current) return;
    isSavingRef.current = true;
    try {
      while (isDirtyRef.current) {
        isDirtyRef.current = false;
        setState({ status: "saving" });
        const spec = getSpecRef.current();
        try {
          const saved = await mutateAsync({ workspaceId, graphId, spec, baseRevision: revisionRef.current, clientId: TAB_ID });
          revisionRef.current = saved.draftRevision;
          queryClient.setQueryData(trpc.graph.get.queryKey({ workspaceId, graphId }), (old) =>
            old ? { ...old, draft: spec, draftRevision: saved.draftRevision } : old,
          );
        } catch (error) {
          isDirtyRef.current = true;
          const details = (error as { data?: { details?: { currentRevision?: number } } }).data?.details;
          if (getErrorCode(error) === "CONFLICT" && details?.currentRevision) {
            setState({ status: "conflict", currentRevision: details.currentRevision });
          } else {
            setState({ status: "error", message: getErrorMessage(error) });
          }
          return;
        }
      }
      setState({ status: "saved" });
    } finally {
      isSavingRef.current = false;
    }
  }, [graphId, mutateAsync, queryClient, trpc, workspaceId]);

  const scheduleSave = useCallback(() => {
    isDirtyRef.current = true;
    setState((current) => (current.status === "conflict" ? current : { status: "pending" }));
    clearTimeout(timerRef.current);
    timerRef.current = setTimeout(() => void flush(), DEBOUNCE_MS);
  }, [flush]);

  useEffect(() => {
    const warnBeforeLeaving = (event: BeforeUnloadEvent) => {
      if (isDirtyRef.current || isSavingRef.current) event.preventDefault();
    };
    window.addEventListener("beforeunload", warnBeforeLeaving);
    return () => {
      window.removeEventListener("beforeunload", warnBeforeLeaving);
      clearTimeout(timerRef.current);
    };
  }, []);

  /** The server's newer draft arrived: edits made here since the last save conflict with it. */
  const onRemoteRevision = useCallback((revision: number): "adopt" | "conflict" | "ignore" => {
    if (revision <= revisionRef.current) return "ignore";
    if (isDirtyRef.current || isSavingRef.current) {
      setState({ status: "conflict", currentRevision: revision });
      return "conflict";
    }
    revisionRef.current = revision;
    return "adopt";
  }, []);

  /** Discard local edits in favour of the server's draft at `revision`. */
  const adopt = useCallback((revision: number) => {
    clearTimeout(timerRef.current);
    isDirtyRef.current = false;
    revisionRef.current = revision;
    setState({ status: "saved" });
  }, []);

  /** Keep local edits and write them over the server's draft at `revision`. */
  const overwrite = useCallback(
    (revision: number) => {
      revisionRef.current = revision;
      isDirtyRef.current = true;
      void flush();
    },
    [flush],
  );

  /** Saves pending edits now (waiting for a save in flight); true when the server holds what the canvas shows. */
  const saveNow = useCallback(async (): Promise<boolean> => {
    while (isSavingRef.current) await new Promise((resolve) => setTimeout(resolve, 50));
    if (isDirtyRef.current) await flush();
    return !isDirtyRef.current;
  }, [flush]);

  return { state, scheduleSave, onRemoteRevision, adopt, overwrite, saveNow };
}
