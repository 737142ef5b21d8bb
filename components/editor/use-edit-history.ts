"use client";

import { useCallback, useRef, useState } from "react";
import type { TGraphSpec } from "@/lib/graph";

const LIMIT = 200;

/** Undo and redo over whole specs: every edit records the spec before it; a new edit clears what was undone. */
export function useEditHistory() {
  const past = useRef<TGraphSpec[]>([]);
  const future = useRef<TGraphSpec[]>([]);
  const [sizes, setSizes] = useState({ past: 0, future: 0 });
  const sync = () => setSizes({ past: past.current.length, future: future.current.length });

  const record = useCallback((before: TGraphSpec) => {
    past.current.push(before);
    if (past.current.length > LIMIT) past.current.shift();
    future.current = [];
    sync();
  }, []);

  const undo = useCallback((current: TGraphSpec): TGraphSpec | undefined => {
    const previous = past.current.pop();
    if (previous) future.current.push(current);
    sync();
    return previous;
  }, []);

  const redo = useCallback((current: TGraphSpec): TGraphSpec | undefined => {
    const next = future.current.pop();
    if (next) past.current.push(current);
    sync();
    return next;
  }, []);

  return { record, undo, redo, canUndo: sizes.past > 0, canRedo: sizes.future > 0 };
}
