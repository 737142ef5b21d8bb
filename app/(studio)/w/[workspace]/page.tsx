import { GraphListPage } from "@/components/graphs/graph-list-page";

export default async function WorkspacePage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  return <GraphListPage workspaceSlug={workspace} />;
}
