"use client";

import { useEffect, useState } from "react";

/** The current time, ticking every `intervalMs` while `isTicking` (open bars and the live duration grow with it). */
export function useNow(isTicking: boolean, intervalMs = 250): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!isTicking) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [isTicking, intervalMs]);
  return now;
}
