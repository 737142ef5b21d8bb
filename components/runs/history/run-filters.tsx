"use client";

import { RUN_TRIGGERS } from "@/lib/runs/run-triggers";
import { RUN_STATUSES } from "@/server/runtime/statuses";
import { Button } from "../../ui/button";
import { DateRangeFilter } from "./date-range-filter";
import { ErrorTextFilter } from "./error-text-filter";
import { GraphVersionFilter } from "./graph-version-filter";
import { EMPTY_HISTORY_FILTER, type THistoryFilter } from "./history-filter";
import { ToggleChips } from "./toggle-chips";
import styles from "./history.module.css";

export function RunFilters(props: { workspaceId: string; filter: THistoryFilter; onChange: (patch: Partial<THistoryFilter>) => void }) {
  const { filter, onChange } = props;
  return (
    <section className={styles.filters} aria-label="Filters">
      <ToggleChips legend="Status" options={RUN_STATUSES} selected={filter.statuses} onChange={(statuses) => onChange({ statuses })} />
      <ToggleChips legend="Trigger" options={RUN_TRIGGERS} selected={filter.triggers} onChange={(triggers) => onChange({ triggers })} />
      <div className={styles.filterRow}>
        <GraphVersionFilter workspaceId={props.workspaceId} graphId={filter.graphId} version={filter.version} onChange={onChange} />
        <DateRangeFilter range={filter.range} from={filter.from} to={filter.to} onChange={onChange} />
        <ErrorTextFilter value={filter.errorText} onChange={(errorText) => onChange({ errorText })} />
        <Button variant="ghost" onClick={() => onChange(EMPTY_HISTORY_FILTER)}>
          Clear filters
        </Button>
      </div>
    </section>
  );
}
