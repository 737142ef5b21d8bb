import { RunPage } from "@/components/run-page/run-page";

export default async function RunDetailPage({ params }: { params: Promise<{ workspace: string; runId: string }> }) {
  const { workspace, runId } = await params;
  return <RunPage key={runId} workspaceSlug={workspace} runId={runId} />;
}
