"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { abilityFromRules, canOnGraph, type TAbilityRules, type TGraphAction, type TGraphFacts } from "@/lib/auth/abilities";
import type { TScope } from "@/lib/auth/access-rights";
import { useTRPC } from "../trpc/trpc";

/**
 * The workspace named by the URL's slug, with the viewer's role and the policy's answers for hiding what they cannot
 * do: `can(scope)` and `canOnGraph(action, graph)`, from the same ability the server checks (lib/auth/abilities.ts).
 */
export function useWorkspace(slug: string) {
  const trpc = useTRPC();
  const query = useQuery(trpc.workspace.list.queryOptions());
  const workspace = query.data?.find((candidate) => candidate.slug === slug);
  const rules = workspace?.rules;
  const ability = useMemo(() => abilityFromRules((rules ?? []) as TAbilityRules), [rules]);
  return {
    ...query,
    workspace,
    can: (scope: TScope) => ability.can(scope, "Workspace"),
    canOnGraph: (action: TGraphAction, graph: TGraphFacts) => canOnGraph(ability, action, graph),
  };
}
