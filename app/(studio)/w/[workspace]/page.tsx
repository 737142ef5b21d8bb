import { Suspense } from "react";
import { GraphListPage } from "@/components/graphs/graph-list-page";

export default async function WorkspacePage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace } = await params;
  // The list reads its tag filter from the query string on the client (useSearchParams needs a Suspense boundary).
  return (
    <Suspense>
      <GraphListPage workspaceSlug={workspace} />
    </Suspense>
  );
}
