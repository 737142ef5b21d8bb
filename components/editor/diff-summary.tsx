"use client";

import type { TGraphDiff } from "@/lib/graph";
import { Button } from "../ui/button";
import styles from "./editor.module.css";

/** The comparison with a version: what was added, removed and changed, and the selected node's config changes. */
export function DiffSummary(props: { versionNumber: number; diff: TGraphDiff; selectedId: string | undefined; onClose: () => void }) {
  const { diff } = props;
  const selectedChange = diff.nodes.changed.find((change) => change.id === props.selectedId);
  const name = (node: { label: string; id: string }) => node.label || node.id;
  return (
    <section className={styles.inspector} aria-label="Comparison" data-testid="diff-summary">
      <div className={styles.paletteGroup}>Draft compared with v{props.versionNumber}</div>
      {diff.isEmpty && <p className={styles.muted}>No difference.</p>}
      {diff.nodes.added.length > 0 && <div>Added: {diff.nodes.added.map(name).join(", ")}</div>}
      {diff.nodes.removed.length > 0 && <div>Removed: {diff.nodes.removed.map(name).join(", ")}</div>}
      {diff.nodes.changed.length > 0 && <div>Changed: {diff.nodes.changed.map((change) => `${name(change.after)} (${change.fields.join(", ")})`).join("; ")}</div>}
      {diff.edges.added.length + diff.edges.removed.length > 0 && (
        <div>
          Edges: +{diff.edges.added.length} −{diff.edges.removed.length}
        </div>
      )}
      {selectedChange && selectedChange.configChanges.length > 0 && (
        <table className={styles.diffTable}>
          <tbody>
            {selectedChange.configChanges.map((change) => (
              <tr key={change.path.join(".")}>
                <td className={styles.mono}>{change.path.join(".")}</td>
                <td className={styles.diffBefore}>{JSON.stringify(change.before) ?? "—"}</td>
                <td className={styles.diffAfter}>{JSON.stringify(change.after) ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Button variant="ghost" onClick={props.onClose}>Close comparison</Button>
    </section>
  );
}
