import { Button } from "../../ui/button";
import { RunRow, type TRunListItem } from "./run-row";
import styles from "./history.module.css";

const COLUMNS = ["Run", "Status", "Graph", "Trigger", "Started", "Finished", "Duration", "Tokens", "Cost", "Error"];

export function RunTable(props: { runs: TRunListItem[]; workspaceSlug: string; isLoading: boolean; hasMore: boolean; isLoadingMore: boolean; onLoadMore: () => void }) {
  return (
    <div className={styles.tableWrap}>
      <table className={styles.table} aria-label="Runs" aria-busy={props.isLoading}>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.runs.map((run) => (
            <RunRow key={run.id} run={run} workspaceSlug={props.workspaceSlug} />
          ))}
        </tbody>
      </table>
      {!props.isLoading && props.runs.length === 0 && <p className={styles.empty}>No runs match these filters.</p>}
      {props.hasMore && (
        <div className={styles.footer}>
          <Button onClick={props.onLoadMore} disabled={props.isLoadingMore}>
            {props.isLoadingMore ? "Loading…" : "Load more"}
          </Button>
        </div>
      )}
    </div>
  );
}
