"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { TGraphProblem, TGraphSpec } from "@/lib/graph";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { formatRelativeTime } from "../ui/format-relative-time";
import styles from "./editor.module.css";

/** Publish the saved draft as the next immutable version, see the history, restore a version as the draft (undoable). */
export function VersionsPanel(props: {
  workspaceId: string;
  graphId: string;
  draftRevision: number;
  canPublish: boolean;
  canEdit: boolean;
  isDraftSaved: boolean;
  /** The problems panel's list: publishing with any asks first, since the graph's triggers follow the new version. */
  problems: readonly TGraphProblem[];
  onRestore: (spec: TGraphSpec) => void;
  onCompare: (versionNumber: number, spec: TGraphSpec) => void;
}) {
  const { workspaceId, graphId } = props;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [message, setMessage] = useState("");
  const [isConfirming, setIsConfirming] = useState(false);
  const versions = useQuery(trpc.graph.listVersions.queryOptions({ workspaceId, graphId }));
  const publish = useMutation(
    trpc.graph.publishVersion.mutationOptions({
      onSuccess: async () => {
        setMessage("");
        setIsConfirming(false);
        await queryClient.invalidateQueries({ queryKey: trpc.graph.listVersions.queryKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.graph.get.queryKey() });
      },
    }),
  );
  const fetchVersion = (number: number) => queryClient.fetchQuery(trpc.graph.getVersion.queryOptions({ workspaceId, graphId, number }));
  const restore = useMutation({ mutationFn: fetchVersion, onSuccess: (version) => props.onRestore(version.spec) });
  const compare = useMutation({ mutationFn: fetchVersion, onSuccess: (version) => props.onCompare(version.number, version.spec) });
  const error = publish.error ?? restore.error ?? compare.error ?? versions.error;

  return (
    <section className={styles.inspector} aria-label="Versions" data-testid="versions-panel">
      <div className={styles.paletteGroup}>Versions</div>
      {props.canPublish && (
        <form
          className={styles.field}
          onSubmit={(event) => {
            event.preventDefault();
            if (props.problems.length > 0) setIsConfirming(true);
            else publish.mutate({ workspaceId, graphId, draftRevision: props.draftRevision, message });
          }}
        >
          <input aria-label="Version message" placeholder="What changed?" value={message} onChange={(event) => setMessage(event.target.value)} maxLength={500} />
          <Button type="submit" variant="primary" disabled={!props.isDraftSaved || publish.isPending}>Publish version</Button>
        </form>
      )}
      {error && <Alert>{getErrorMessage(error)}</Alert>}
      <ConfirmDialog
        isOpen={isConfirming}
        title={`Publish with ${props.problems.length} problem${props.problems.length === 1 ? "" : "s"}?`}
        confirmLabel="Publish anyway"
        isBusy={publish.isPending}
        onCancel={() => setIsConfirming(false)}
        onConfirm={() => publish.mutate({ workspaceId, graphId, draftRevision: props.draftRevision, message, acceptProblems: true })}
      >
        <p>Webhook and schedule triggers will start runs of this version, and a run of it fails before its first step:</p>
        <ul data-testid="publish-problems">
          {props.problems.map((problem, index) => (
            <li key={index}>{problem.message}</li>
          ))}
        </ul>
      </ConfirmDialog>
      {versions.data?.length === 0 && <p className={styles.muted}>Nothing published yet.</p>}
      {versions.data?.map((version) => (
        <div key={version.number} className={styles.versionRow} data-testid="version-row">
          <div>
            <strong>v{version.number}</strong> <span className={styles.muted}>{formatRelativeTime(version.createdAt)}</span>
            {version.message && <div>{version.message}</div>}
            {version.pluginPins.length > 0 && (
              <div className={styles.muted} data-testid="version-plugin-pins" title="The plugin versions this version runs with, whatever is installed later">
                Plugins: {version.pluginPins.map((pin) => `${pin.pluginKey} ${pin.version}`).join(", ")}
              </div>
            )}
          </div>
          <div>
            <Button variant="ghost" onClick={() => compare.mutate(version.number)}>Compare</Button>
            {props.canEdit && <Button variant="ghost" onClick={() => restore.mutate(version.number)}>Restore</Button>}
          </div>
        </div>
      ))}
    </section>
  );
}
