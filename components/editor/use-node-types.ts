"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { createNodeTypeRegistry, type TNodeTypeRegistry } from "@/lib/graph";
import { useTRPC } from "../trpc/trpc";

/** The workspace's node types: palette entries (external ones included) and a registry for drawing and validating. */
export function useNodeTypes(workspaceId: string, isEnabled = true) {
  const trpc = useTRPC();
  const query = useQuery({ ...trpc.nodeType.list.queryOptions({ workspaceId }), staleTime: 60_000, enabled: isEnabled });
  const registry: TNodeTypeRegistry = useMemo(() => createNodeTypeRegistry(query.data ?? []), [query.data]);
  return { entries: query.data ?? [], registry, isLoaded: query.data !== undefined, error: query.error };
}
