import { SettingsPage } from "@/components/settings/settings-page";

export default async function WorkspaceSettingsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  return <SettingsPage workspaceSlug={workspace} />;
}
