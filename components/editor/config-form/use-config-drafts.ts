"use client";

import { useCallback, useState } from "react";
import type { TConfigDraft } from "./config-drafts";
import type { TConfigPath } from "./config-values";
import type { TJsonTextError } from "./parse-json-text";

/**
 * The editor's unparsed JSON fields, across nodes: a draft outlives its form (select another node and come back, the
 * text and its error are still there) and feeds the problems panel until it parses or its node is gone.
 */
export function useConfigDrafts(): { drafts: readonly TConfigDraft[]; setDraft: (nodeId: string, path: TConfigPath, draft: { text: string; error: TJsonTextError } | undefined) => void } {
  const [drafts, setDrafts] = useState<readonly TConfigDraft[]>([]);
  const setDraft = useCallback((nodeId: string, path: TConfigPath, draft: { text: string; error: TJsonTextError } | undefined) => {
    setDrafts((current) => {
      const key = JSON.stringify(path);
      const others = current.filter((entry) => entry.nodeId !== nodeId || JSON.stringify(entry.path) !== key);
      if (!draft) return others.length === current.length ? current : others;
      return [...others, { nodeId, path, ...draft }];
    });
  }, []);
  return { drafts, setDraft };
}
