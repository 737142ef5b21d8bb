/** Calls one tRPC HTTP request may batch: the server refuses more with 400, the browser's batch link splits at it. */
export const MAX_TRPC_BATCH_SIZE = 50;
