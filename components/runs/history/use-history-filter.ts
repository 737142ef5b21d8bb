"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { parseHistoryFilter, toHistorySearch, type THistoryFilter } from "./history-filter";

/**
 * The filter from the URL, and a setter that replaces the URL. `now` anchors preset windows ("last 24 hours"): it is
 * taken again on every change and on `refresh`, never per render, so query keys stay stable between renders.
 */
export function useHistoryFilter() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const [now, setNow] = useState(() => Date.now());
  const filter = useMemo(() => parseHistoryFilter(new URLSearchParams(searchParams.toString())), [searchParams]);

  // Patches the URL as it is when called, not as it was rendered: a debounced change (the error text) must not undo a
  // filter clicked while it waited.
  const setFilter = useCallback(
    (patch: Partial<THistoryFilter>) => {
      setNow(Date.now());
      const current = parseHistoryFilter(new URLSearchParams(window.location.search));
      router.replace(`${pathname}${toHistorySearch({ ...current, ...patch })}`, { scroll: false });
    },
    [pathname, router],
  );
  const refresh = useCallback(() => setNow(Date.now()), []);
  return { filter, setFilter, now, refresh };
}
