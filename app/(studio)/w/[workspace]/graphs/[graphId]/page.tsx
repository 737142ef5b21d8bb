import { GraphEditorPage } from "@/components/editor/graph-editor-page";

export default async function GraphPage({ params }: { params: Promise<{ workspace: string; graphId: string }> }) {
  const { workspace, graphId } = await params;
  return <GraphEditorPage workspaceSlug={workspace} graphId={graphId} />;
}
