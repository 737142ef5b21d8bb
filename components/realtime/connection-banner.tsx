"use client";

import { useEffect, useState } from "react";
import { describeSocketProblem } from "./socket-status";
import { useSocketStatus } from "./use-socket-status";
import styles from "./connection-banner.module.css";

/** A lost connection gets this long to come back before the banner shows (a deploy, a laptop waking up). */
const LOST_GRACE_MS = 2_000;

/** Says, under the header, when live updates are refused or lost, why, and what to do; runs are polled meanwhile. */
export function ConnectionBanner() {
  const status = useSocketStatus();
  const [isGraceOver, setIsGraceOver] = useState(false);

  useEffect(() => {
    if (status.state !== "lost") return;
    const timer = setTimeout(() => setIsGraceOver(true), LOST_GRACE_MS);
    return () => {
      clearTimeout(timer);
      setIsGraceOver(false);
    };
  }, [status.state]);

  const problem = describeSocketProblem(status, typeof window === "undefined" ? "" : window.location.origin);
  if (!problem || (status.state === "lost" && !isGraceOver)) return null;
  return (
    <div role="alert" data-testid="connection-banner" className={styles.banner}>
      <strong>{problem.title}.</strong> {problem.reason} {problem.fix} <span className={styles.muted}>Run status is refreshed every few seconds meanwhile.</span>
    </div>
  );
}
