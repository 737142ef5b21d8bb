"use client";

import { useQuery } from "@tanstack/react-query";
import type { TScope } from "@/lib/auth/access-rights";
import { useTRPC } from "../trpc/trpc";

/** The workspace named by the URL's slug, with the viewer's role and a `can(scope)` check for hiding buttons. */
export function useWorkspace(slug: string) {
  const trpc = useTRPC();
  const query = useQuery(trpc.workspace.list.queryOptions());
  const workspace = query.data?.find((candidate) => candidate.slug === slug);
  return {
    ...query,
    workspace,
    can: (scope: TScope) => workspace?.scopes.includes(scope) ?? false,
  };
}
