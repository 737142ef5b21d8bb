"use client";

import { useQueryClient } from "@tanstack/react-query";
import { FileJson } from "lucide-react";
import { useState } from "react";
import type { TGraphSpec } from "@/lib/graph";
import { isOpenClawConfigType } from "@/lib/openclaw-config/config-node-types";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Button } from "../ui/button";
import { downloadText } from "./editor-status";
import styles from "./editor.module.css";
import type { TEditorNotice } from "./editor-notice";

/**
 * "Export openclaw.json", shown for a graph with openclaw.json nodes: saves pending edits, asks the server for the
 * config (the same export the command line prints) and downloads it with each workspace file.
 */
export function ExportOpenClawButton({ workspaceId, graphId, spec, saveDraft, notify }: { workspaceId: string; graphId: string; spec: TGraphSpec; saveDraft: () => Promise<boolean>; notify: (notice: TEditorNotice) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [isExporting, setIsExporting] = useState(false);
  if (!spec.nodes.some((node) => isOpenClawConfigType(node.type))) return null;

  async function onExport() {
    setIsExporting(true);
    try {
      if (!(await saveDraft())) {
        notify({ tone: "error", text: "Not exported: the latest edits are not saved yet. Try again once the draft is saved." });
        return;
      }
      const exported = await queryClient.fetchQuery({ ...trpc.openClaw.exportConfig.queryOptions({ workspaceId, graphId }), staleTime: 0 });
      downloadText("openclaw.json", exported.openclawJson);
      for (const file of exported.files) downloadText(file.path.replace(/\//g, "__"), file.content, "text/markdown");
      const extra = exported.files.length > 0 ? ` and ${exported.files.length} workspace file${exported.files.length === 1 ? "" : "s"} (folders written as __)` : "";
      notify({ tone: "info", text: `Exported openclaw.json${extra}` });
    } catch (error) {
      notify({ tone: "error", text: `Not exported: ${getErrorMessage(error)}` });
    } finally {
      setIsExporting(false);
    }
  }

  return (
    <Button variant="ghost" className={styles.iconButton} onClick={() => void onExport()} disabled={isExporting} aria-label="Export openclaw.json" title="Export openclaw.json: this gateway's config and workspace files">
      <FileJson size={16} aria-hidden="true" />
    </Button>
  );
}
