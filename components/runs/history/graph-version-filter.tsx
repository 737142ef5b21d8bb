"use client";

import { skipToken, useQuery } from "@tanstack/react-query";
import { useTRPC } from "../../trpc/trpc";
import { Field } from "../../ui/text-input";
import styles from "./history.module.css";

/** The graph, then one of its versions ("draft" for runs of the unpublished draft). */
export function GraphVersionFilter(props: {
  workspaceId: string;
  graphId: string | undefined;
  version: number | "draft" | undefined;
  onChange: (value: { graphId: string | undefined; version: number | "draft" | undefined }) => void;
}) {
  const trpc = useTRPC();
  const graphs = useQuery(trpc.graph.list.queryOptions({ workspaceId: props.workspaceId }));
  const versions = useQuery(trpc.graph.listVersions.queryOptions(props.graphId ? { workspaceId: props.workspaceId, graphId: props.graphId } : skipToken));
  const isKnownGraph = !props.graphId || graphs.data?.some((graph) => graph.id === props.graphId);

  return (
    <>
      <Field label="Graph">
        <select className={styles.select} value={props.graphId ?? ""} onChange={(event) => props.onChange({ graphId: event.target.value || undefined, version: undefined })}>
          <option value="">All graphs</option>
          {graphs.data?.map((graph) => (
            <option key={graph.id} value={graph.id}>
              {graph.name}
            </option>
          ))}
          {!isKnownGraph && <option value={props.graphId}>Deleted graph</option>}
        </select>
      </Field>
      <Field label="Version">
        <select
          className={styles.select}
          value={props.version ?? ""}
          disabled={!props.graphId}
          onChange={(event) => {
            const value = event.target.value;
            props.onChange({ graphId: props.graphId, version: value === "" ? undefined : value === "draft" ? "draft" : Number(value) });
          }}
        >
          <option value="">Any version</option>
          <option value="draft">Draft</option>
          {versions.data?.map((version) => (
            <option key={version.id} value={version.number}>
              v{version.number}
            </option>
          ))}
        </select>
      </Field>
    </>
  );
}
