import { Suspense } from "react";
import { RunHistoryPage } from "@/components/runs/history/run-history-page";

export default async function WorkspaceRunsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  // The history reads its filter from the query string on the client (useSearchParams needs a Suspense boundary).
  return (
    <Suspense>
      <RunHistoryPage workspaceSlug={workspace} />
    </Suspense>
  );
}
