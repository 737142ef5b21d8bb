"use client";

import { useEffect, useState } from "react";
import { describeSocketProblem, type TSocketState } from "./socket-status";
import { useSocketStatus } from "./use-socket-status";
import styles from "./connection-banner.module.css";

/**
 * How long a state lasts before the banner shows it: a lost connection usually comes back (a deploy, a laptop waking
 * up), and a first connection usually opens; one that hangs (a proxy holding the upgrade) reports nothing for 20 s.
 */
const GRACE_MS: Partial<Record<TSocketState, number>> = { lost: 2_000, connecting: 5_000 };

/** Says, under the header, when live updates are refused or lost, why, and what to do; runs are polled meanwhile. */
export function ConnectionBanner() {
  const status = useSocketStatus();
  const [isGraceOver, setIsGraceOver] = useState(false);

  const graceMs = GRACE_MS[status.state];
  useEffect(() => {
    if (graceMs === undefined) return;
    const timer = setTimeout(() => setIsGraceOver(true), graceMs);
    return () => {
      clearTimeout(timer);
      setIsGraceOver(false);
    };
  }, [status.state, graceMs]);

  const problem = describeSocketProblem(status, typeof window === "undefined" ? "" : window.location.origin);
  if (!problem || (graceMs !== undefined && !isGraceOver)) return null;
  return (
    <div role="alert" data-testid="connection-banner" className={styles.banner}>
      <strong>{problem.title}.</strong> {problem.reason} {problem.fix} <span className={styles.muted}>Run status is refreshed every few seconds meanwhile.</span>
    </div>
  );
}
