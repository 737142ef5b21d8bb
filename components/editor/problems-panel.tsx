"use client";

import type { TGraphProblem } from "@/lib/graph";
import styles from "./editor.module.css";

/** Every problem of the graph, by the same rules as the server; a click focuses the node it is about. */
export function ProblemsPanel({ problems, onFocus }: { problems: readonly TGraphProblem[]; onFocus: (nodeId: string) => void }) {
  return (
    <aside className={styles.problems} aria-label="Problems" data-testid="problems-panel">
      <div className={styles.paletteGroup}>{problems.length === 0 ? "No problems" : `${problems.length} problem${problems.length === 1 ? "" : "s"}`}</div>
      {problems.map((problem, index) => (
        <button key={`${problem.code}-${index}`} type="button" className={styles.problemItem} disabled={!problem.nodeId} onClick={() => problem.nodeId && onFocus(problem.nodeId)}>
          {problem.message}
        </button>
      ))}
    </aside>
  );
}
