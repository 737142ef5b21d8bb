// The public surface of egress: everything outside this folder imports from here.
export { egressFetch, egressStream, type TEgressPolicy, type TEgressRequest, type TEgressResponse, type TEgressStreamResponse } from "./egress-fetch";
export { EgressError, type TEgressErrorCode } from "./egress-error";
export { parseAllowlistEntry, type TAllowlistEntry } from "./allowlist-entry";
export { classifyAddress, type TAddressClass, type TBlockReason } from "./classify-address";
export type { TResolveHost, TResolvedAddress } from "./resolve-host";
export { IDEMPOTENCY_HEADER, withIdempotencyKey } from "./idempotency-header";
export { checkWebSocketTarget, type TWebSocketTarget } from "./open-websocket-target";
