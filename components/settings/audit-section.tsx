"use client";

import { useInfiniteQuery, useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC, useTRPCClient } from "../trpc/trpc";
import { Alert, Badge } from "../ui/alert";
import { Button } from "../ui/button";
import { describeAuditChange } from "./audit-change";
import { formatRelativeTime } from "../ui/format-relative-time";
import { TextInput } from "../ui/text-input";
import styles from "./settings.module.css";

type TFilter = { actor: string; action: string; target: string; after: string; before: string };
const NO_FILTER: TFilter = { actor: "", action: "", target: "", after: "", before: "" };

/** `YYYY-MM-DD` from a date input, as the API's ISO bounds (local midnight; the end date counts whole). */
function toRange(filter: TFilter) {
  const day = (text: string, plusDays: number) => (text ? new Date(new Date(`${text}T00:00`).getTime() + plusDays * 86_400_000).toISOString() : undefined);
  return { actor: filter.actor || undefined, action: filter.action || undefined, target: filter.target || undefined, after: day(filter.after, 0), before: day(filter.before, 1) };
}

/** Who did what, when and from where: filter, verify the hash chain, export as JSON lines. */
export function AuditSection({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const [draft, setDraft] = useState<TFilter>(NO_FILTER);
  const [filter, setFilter] = useState<TFilter>(NO_FILTER);
  const input = { workspaceId, ...toRange(filter) };
  const events = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions({ ...input, limit: 50 }, { getNextPageParam: (page) => page.nextBeforeSeq ?? undefined }),
  );
  const verify = useMutation({ mutationFn: () => client.audit.verify.query({ workspaceId }) });
  const exportLines = useMutation({
    mutationFn: () => client.audit.export.query(input),
    onSuccess: ({ jsonl }) => {
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([jsonl], { type: "application/x-ndjson" }));
      link.download = `audit-${workspaceId}.jsonl`;
      link.click();
      URL.revokeObjectURL(link.href);
    },
  });
  const field = (key: keyof TFilter, label: string, type = "text") => (
    <TextInput type={type} aria-label={label} placeholder={label} value={draft[key]} onChange={(event) => setDraft({ ...draft, [key]: event.target.value })} />
  );
  const rows = events.data?.pages.flatMap((page) => page.items) ?? [];
  const error = events.error ?? verify.error ?? exportLines.error;

  return (
    <section className={styles.section} aria-labelledby="audit-title">
      <div className={styles.sectionHeader}>
        <h2 id="audit-title">Audit log</h2>
        <p>Every change, sign-in and refusal in this workspace. Records are hash-chained: an edited or deleted record is found by Verify (and by <code>npm run audit:verify</code>).</p>
      </div>
      {error && <Alert>{getErrorMessage(error)}</Alert>}
      <form className={styles.row} onSubmit={(event) => { event.preventDefault(); setFilter(draft); }}>
        {field("actor", "Actor (email or id)")}
        {field("action", "Action (e.g. graph.)")}
        {field("target", "Target id or type")}
        {field("after", "From", "date")}
        {field("before", "To", "date")}
        <Button type="submit">Filter</Button>
        <Button onClick={() => verify.mutate()} disabled={verify.isPending}>Verify chain</Button>
        <Button onClick={() => exportLines.mutate()} disabled={exportLines.isPending}>Export JSON lines</Button>
      </form>
      {verify.data && (
        <div role="status" data-testid="audit-verdict">
          {verify.data.ok ? `Chain intact: ${verify.data.checked} records verified.` : `Chain broken at record ${verify.data.seq}: ${verify.data.problem}.`}
        </div>
      )}
      <table className={styles.table}>
        <thead><tr><th>#</th><th>When</th><th>Actor</th><th>Action</th><th>Target</th><th>Outcome</th><th>Change</th><th>From</th></tr></thead>
        <tbody>
          {rows.map((event) => (
            <tr key={event.id} data-testid="audit-row" title={JSON.stringify(event.summary, null, 2)}>
              <td className={styles.mono}>{event.seq}</td>
              <td title={new Date(event.at).toISOString()}>{formatRelativeTime(event.at)}</td>
              <td>{event.actorLabel ?? event.actorType}</td>
              <td className={styles.mono}>{event.action}</td>
              <td>{event.targetId ? `${event.targetType ?? ""} ${event.targetId}` : ""}</td>
              <td>{event.outcome === "ok" ? "ok" : <Badge>{event.outcome}</Badge>}</td>
              <td data-testid="audit-change">{describeAuditChange(event.summary).map((line) => <div key={line}>{line}</div>)}</td>
              <td className={styles.muted}>{event.address ?? ""}</td>
            </tr>
          ))}
          {events.data && rows.length === 0 && <tr><td colSpan={8} className={styles.muted}>No records match.</td></tr>}
        </tbody>
      </table>
      {events.hasNextPage && <Button onClick={() => void events.fetchNextPage()} disabled={events.isFetchingNextPage}>Load older records</Button>}
    </section>
  );
}
