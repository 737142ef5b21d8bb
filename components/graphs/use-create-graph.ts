"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "../trpc/trpc";

/** graph.create, then refresh the list and open the new graph (the create form, import and templates all do this). */
export function useCreateGraph(workspaceSlug: string) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.graph.create.mutationOptions({
      onSuccess: async (graph) => {
        await queryClient.invalidateQueries({ queryKey: trpc.graph.list.queryKey() });
        router.push(`/w/${workspaceSlug}/graphs/${graph.id}`);
      },
    }),
  );
}
