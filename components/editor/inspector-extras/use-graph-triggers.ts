"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "../../trpc/trpc";

/**
 * The graph's trigger rows and its published version number. Publishing syncs the rows on the server, so a new
 * version (seen through the editor's cached graph.get) refetches them.
 */
export function useGraphTriggers(workspaceId: string, graphId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const graph = useQuery(trpc.graph.get.queryOptions({ workspaceId, graphId }));
  const triggers = useQuery(trpc.trigger.list.queryOptions({ workspaceId, graphId }));
  const publishedNumber = graph.data?.currentVersion?.number ?? null;
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: trpc.trigger.list.queryKey({ workspaceId, graphId }) });
  }, [publishedNumber, queryClient, trpc, workspaceId, graphId]);
  return { triggers, publishedNumber };
}
