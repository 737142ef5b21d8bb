"use client";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { useState } from "react";
import { z } from "zod";
import { MAX_TRPC_BATCH_SIZE } from "@/lib/api-limits";
import type { AppRouter } from "@/server/api/root";
import { getErrorCode } from "./error-message";
import { TRPCProvider } from "./trpc";

// Pages run under a script policy without 'unsafe-eval' (server/http/security-headers.ts). zod probes for
// `new Function` on its first object parse to pick a compiled fast path; the browser refuses that probe and reports it
// as a policy violation. jitless skips the probe; the compiled path could not run under the policy anyway.
if (typeof window !== "undefined") z.config({ jitless: true });

/** A call that answers UNAUTHORIZED means the session ended (signed out elsewhere, expired): go to sign-in. */
function redirectWhenSignedOut(error: unknown): void {
  if (getErrorCode(error) !== "UNAUTHORIZED" || window.location.pathname.startsWith("/signin")) return;
  const callbackUrl = encodeURIComponent(window.location.pathname + window.location.search);
  window.location.assign(`/signin?callbackUrl=${callbackUrl}`);
}

function createQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: redirectWhenSignedOut }),
    mutationCache: new MutationCache({ onError: redirectWhenSignedOut }),
    defaultOptions: {
      queries: {
        staleTime: 10_000,
        refetchOnWindowFocus: false,
        // Client errors (4xx) will not change on retry.
        retry: (failureCount, error) => {
          const status = (error as { data?: { httpStatus?: number } }).data?.httpStatus ?? 500;
          return status >= 500 && failureCount < 2;
        },
      },
    },
  });
}

export function Providers({ children }: { children: React.ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  const [trpcClient] = useState(() => createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: "/api/trpc", maxItems: MAX_TRPC_BATCH_SIZE })] }));
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
