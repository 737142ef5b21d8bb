import { RunComparePage } from "@/components/run-page/run-compare-page";

export default async function CompareRunsPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<{ a?: string | string[]; b?: string | string[] }> }) {
  const { workspace } = await params;
  const { a, b } = await searchParams;
  const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);
  return <RunComparePage key={`${first(a)}:${first(b)}`} workspaceSlug={workspace} a={first(a)} b={first(b)} />;
}
