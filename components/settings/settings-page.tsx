"use client";

import Link from "next/link";
import { Alert, Badge } from "../ui/alert";
import { useWorkspace } from "../workspace/use-workspace";
import { ApiKeysSection } from "./api-keys-section";
import { AuditSection } from "./audit-section";
import { EgressSection } from "./egress-section";
import { EnvironmentsSection } from "./environments-section";
import { InvitationsSection } from "./invitations-section";
import { McpCommandsSection } from "./mcp-commands-section";
import { MembersSection } from "./members-section";
import { OpenClawSection } from "./openclaw-section";
import { PasswordResetSection } from "./password-reset-section";
import { PluginsSection } from "./plugins-section";
import { RunRetentionSection } from "./run-retention-section";
import { SecretsSection } from "./secrets-section";
import styles from "./settings.module.css";
import { TrustedKeysSection } from "./trusted-keys-section";
import { WorkspaceSection } from "./workspace-section";

export function SettingsPage({ workspaceSlug }: { workspaceSlug: string }) {
  const { workspace, can, isLoading } = useWorkspace(workspaceSlug);
  if (isLoading) return <main className={styles.page} aria-busy="true" />;
  if (!workspace) return <main className={styles.page}><Alert>Workspace not found.</Alert></main>;
  const workspaceId = workspace.id;
  return (
    <main className={styles.page}>
      <div className={styles.row}>
        <Link href={`/w/${workspaceSlug}`}>Graphs</Link>
        <span aria-hidden="true">/</span>
        <h1>Settings</h1>
        <Badge>{workspace.role}</Badge>
      </div>
      {can("workspace:manage") && <WorkspaceSection key={workspaceId} workspace={workspace} />}
      <MembersSection key={`members-${workspaceId}`} workspaceId={workspaceId} viewerRole={workspace.role} canManage={can("members:manage")} />
      {can("members:manage") && <InvitationsSection key={`invitations-${workspaceId}`} workspaceId={workspaceId} ownRole={workspace.role} />}
      {can("members:manage") && <PasswordResetSection key={`resets-${workspaceId}`} workspaceId={workspaceId} />}
      <PluginsSection workspaceId={workspaceId} canManage={can("plugins:manage")} isOwner={workspace.role === "owner"} />
      {can("plugins:manage") && <TrustedKeysSection workspaceId={workspaceId} />}
      {can("plugins:manage") && <OpenClawSection workspaceId={workspaceId} />}
      {can("environments:manage") && <EnvironmentsSection workspaceId={workspaceId} ownRole={workspace.role} />}
      {can("secrets:manage") && <SecretsSection workspaceId={workspaceId} />}
      {can("egress:manage") && <EgressSection workspaceId={workspaceId} />}
      {can("mcp:manage") && <McpCommandsSection workspaceId={workspaceId} />}
      {can("retention:manage") && <RunRetentionSection key={`retention-${workspaceId}`} workspaceId={workspaceId} />}
      {can("api-keys:manage") && <ApiKeysSection workspaceId={workspaceId} ownRole={workspace.role} />}
      {can("members:manage") && <AuditSection key={`audit-${workspaceId}`} workspaceId={workspaceId} />}
    </main>
  );
}
