"use client";

import { useMutation } from "@tanstack/react-query";
import { useRef } from "react";
import { getErrorMessage } from "../trpc/error-message";
import { useTRPC } from "../trpc/trpc";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { OpenClawExtensionsList } from "./openclaw-extensions-list";
import styles from "./settings.module.css";
import { useRefreshSettings } from "./use-settings-mutation";

/** Imports OpenClaw manifests and skills as palette metadata: the files are read as text, nothing runs. */
export function OpenClawSection({ workspaceId }: { workspaceId: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshSettings();
  const importExtension = useMutation(trpc.openClaw.import.mutationOptions({ onSuccess: refresh }));
  const filesRef = useRef<HTMLInputElement>(null);

  async function onImport(event: React.FormEvent) {
    event.preventDefault();
    const files = [...(filesRef.current?.files ?? [])];
    const byName = new Map(files.map((file) => [file.name, file]));
    const skill = byName.get("SKILL.md");
    const manifest = byName.get("openclaw.plugin.json");
    if (skill) importExtension.mutate({ workspaceId, source: { kind: "skill", markdown: await skill.text() } });
    else if (manifest) {
      const packageJson = await byName.get("package.json")?.text();
      importExtension.mutate({ workspaceId, source: { kind: "plugin", manifest: await manifest.text(), packageJson } });
    }
  }

  return (
    <section className={styles.section} aria-labelledby="openclaw-title">
      <div className={styles.sectionHeader}>
        <h2 id="openclaw-title">Import from OpenClaw</h2>
        <p>openclaw.plugin.json (with its package.json) or a SKILL.md: listed in the palette as external, not runnable. A channel plugin adds one palette entry per channel, with the channel&apos;s settings form.</p>
      </div>
      {importExtension.error && <Alert>{getErrorMessage(importExtension.error)}</Alert>}
      {importExtension.isSuccess && <Alert tone="warning">Imported {importExtension.data.name}.</Alert>}
      <form className={styles.row} onSubmit={onImport}>
        <input ref={filesRef} type="file" multiple accept=".json,.md" aria-label="OpenClaw files" className={styles.grow} />
        <Button type="submit" variant="primary" disabled={importExtension.isPending}>Import</Button>
      </form>
      <OpenClawExtensionsList workspaceId={workspaceId} />
    </section>
  );
}
