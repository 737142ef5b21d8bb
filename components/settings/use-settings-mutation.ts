"use client";

import { useQueryClient } from "@tanstack/react-query";

/** After a settings change, refetch everything the settings page shows (small lists; simpler than targeted keys). */
export function useRefreshSettings() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries();
}
