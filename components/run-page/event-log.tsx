"use client";

import { memo, useMemo, useState } from "react";
import type { TRunStreamEvent } from "../realtime/use-run-events";
import { TextInput } from "../ui/text-input";
import { describeEvent } from "./describe-event";
import { findDiscardedChunks } from "./discarded-chunks";
import { ALL_EVENT_GROUPS, EVENT_GROUPS, filterEvents, type TEventFilter } from "./event-filter";
import { formatClock } from "./format-run-values";
import styles from "./run-page.module.css";

/** A long run streams many token events: the newest this many matching events are drawn. */
const MAX_SHOWN = 500;

/** The run's events as they arrive, filtered by type group, node and text. */
export const EventLog = memo(function EventLog(props: { events: readonly TRunStreamEvent[]; nodes: readonly { id: string; label: string }[]; labelOf: (nodeId: string) => string; streamStatus: string }) {
  const [filter, setFilter] = useState<TEventFilter>({ groups: ALL_EVENT_GROUPS, nodeId: "", text: "" });
  const matching = useMemo(() => filterEvents(props.events, filter, props.labelOf), [props.events, filter, props.labelOf]);
  const discarded = useMemo(() => findDiscardedChunks(props.events), [props.events]);
  const shown = matching.slice(-MAX_SHOWN);
  const toggleGroup = (group: (typeof ALL_EVENT_GROUPS)[number]) =>
    setFilter((current) => ({ ...current, groups: current.groups.includes(group) ? current.groups.filter((entry) => entry !== group) : [...current.groups, group] }));

  return (
    <section className={styles.card} aria-label="Event log">
      <h2 className={styles.cardTitle}>
        Events <span className={styles.muted}>({props.streamStatus})</span>
      </h2>
      <div className={styles.filters}>
        {ALL_EVENT_GROUPS.map((group) => (
          <label key={group} className={styles.chip}>
            <input type="checkbox" checked={filter.groups.includes(group)} onChange={() => toggleGroup(group)} />
            {EVENT_GROUPS[group]}
          </label>
        ))}
        <select className={styles.select} aria-label="Filter events by node" value={filter.nodeId} onChange={(event) => setFilter((current) => ({ ...current, nodeId: event.target.value }))}>
          <option value="">All nodes</option>
          {props.nodes.map((node) => (
            <option key={node.id} value={node.id}>
              {node.label}
            </option>
          ))}
        </select>
        <TextInput aria-label="Filter events by text" placeholder="Search events" value={filter.text} onChange={(event) => setFilter((current) => ({ ...current, text: event.target.value }))} style={{ width: 220 }} />
        <span className={styles.muted} data-testid="event-count">
          {matching.length} of {props.events.length} events
          {matching.length > MAX_SHOWN && ` (newest ${MAX_SHOWN} shown)`}
        </span>
      </div>
      <div className={styles.eventList}>
        <table className={styles.eventTable}>
          <thead>
            <tr>
              <th>#</th>
              <th>Time</th>
              <th>Type</th>
              <th>Node</th>
              <th>What</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((event) => {
              // Struck through and said in words: the strike alone is lost on a screen reader.
              const isDiscarded = discarded.has(event.seq);
              return (
                <tr key={event.seq} data-testid="event-row" data-type={event.type} data-discarded={isDiscarded || undefined} className={isDiscarded ? styles.discarded : undefined}>
                  <td className={styles.mono}>{event.seq}</td>
                  <td className={styles.mono}>{formatClock(event.ts)}</td>
                  <td className={styles.mono}>
                    {event.type}
                    {isDiscarded && <span className={styles.muted} title="The model call's attempt that streamed this failed and was retried"> discarded</span>}
                  </td>
                  <td>{event.nodeId ? props.labelOf(event.nodeId) : ""}</td>
                  <td className={styles.summaryCell}>{describeEvent(event)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
});
