"use client";

import { useEffect, useRef } from "react";

/** Handlers for Ctrl/Cmd + a key, by lower-case key; `shift` tells them apart. They return whether they acted. */
export type TShortcutHandlers = Record<string, (shift: boolean) => boolean>;

/**
 * Ctrl/Cmd shortcuts anywhere on the page except in a field. Handlers are read at key time, so they may change on
 * every render without re-subscribing.
 */
export function useEditorShortcuts(isEnabled: boolean, handlers: TShortcutHandlers): void {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    if (!isEnabled) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || (event.target as HTMLElement | null)?.closest("input, textarea, select, [contenteditable]")) return;
      const handler = current.current[event.key.toLowerCase()];
      if (handler?.(event.shiftKey)) event.preventDefault();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [isEnabled]);
}
