"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { onMembershipChanged } from "./socket";

/** A role change or removal refetches what the page shows, so buttons the new role cannot use disappear at once. */
export function useMembershipNotices(): void {
  const queryClient = useQueryClient();
  useEffect(() => onMembershipChanged(() => void queryClient.invalidateQueries()), [queryClient]);
}
