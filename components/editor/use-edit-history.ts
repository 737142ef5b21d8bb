"use client";

import { useMemo, useState } from "react";
import type { TGraphSpec } from "@/lib/graph";
import { createEditHistory } from "./edit-history";

/**
 * Undo and redo of the user's own edits. Only `record` adds an entry, and only the editor's edit paths call it (one
 * call per edit: a paste, a drag, a field); drafts adopted from the server, run updates, selection and viewport never
 * do. Entries are changes (edit-history.ts), so undoing after someone else's save reverts only what this user did.
 */
export function useEditHistory() {
  const [history] = useState(() => createEditHistory());
  const [sizes, setSizes] = useState(history.sizes);
  const actions = useMemo(() => {
    const withSizes = <T,>(result: T): T => {
      setSizes(history.sizes());
      return result;
    };
    return {
      record: (before: TGraphSpec, after: TGraphSpec) => withSizes(history.record(before, after)),
      undo: (current: TGraphSpec) => withSizes(history.undo(current)),
      redo: (current: TGraphSpec) => withSizes(history.redo(current)),
    };
  }, [history]);
  return { ...actions, canUndo: sizes.past > 0, canRedo: sizes.future > 0 };
}
