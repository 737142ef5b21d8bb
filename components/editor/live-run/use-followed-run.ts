"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback } from "react";

/**
 * The run the canvas follows lives in the URL (`?run=<id>`), so a reload, a shared link or the back button shows the
 * same run live again. `replace`, not `push`: following runs should not fill the history.
 */
export function useFollowedRunId(): [string | undefined, (runId: string | undefined) => void] {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const runId = searchParams.get("run") ?? undefined;
  const setRunId = useCallback(
    (next: string | undefined) => {
      const params = new URLSearchParams(searchParams.toString());
      if (next) params.set("run", next);
      else params.delete("run");
      const query = params.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [pathname, router, searchParams],
  );
  return [runId, setRunId];
}
