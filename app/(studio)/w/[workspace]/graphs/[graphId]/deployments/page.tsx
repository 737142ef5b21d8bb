import { DeploymentsPage } from "@/components/deployments/deployments-page";

export default async function GraphDeploymentsPage({ params }: { params: Promise<{ workspace: string; graphId: string }> }) {
  const { workspace, graphId } = await params;
  return <DeploymentsPage workspaceSlug={workspace} graphId={graphId} />;
}
