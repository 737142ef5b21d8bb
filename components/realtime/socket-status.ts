// What the tab's socket is doing, for the banner and for the run stream's polling fallback. socket.io retries a lost
// transport by itself; a refusal by the server (origin, session) it does not retry, so that state stays until reload.

export type TSocketState = "idle" | "connecting" | "connected" | "refused" | "lost";
export type TSocketStatus = { state: TSocketState; code?: string; reason?: string };

type TConnectError = Error & { data?: { code?: string; reason?: string } };

let status: TSocketStatus = { state: "idle" };
const listeners = new Set<() => void>();

export function getSocketStatus(): TSocketStatus {
  return status;
}

export function setSocketStatus(next: TSocketStatus): void {
  if (next.state === status.state && next.code === status.code && next.reason === status.reason) return;
  status = next;
  listeners.forEach((listener) => listener());
}

export function subscribeSocketStatus(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The status a `connect_error` means: a server refusal carries `data.code`; anything else is a transport failure. */
export function statusFromConnectError(error: TConnectError): TSocketStatus {
  if (error.data?.code) return { state: "refused", code: error.data.code, reason: error.data.reason };
  return { state: "lost", reason: error.message || "the connection failed" };
}

/** The status a `disconnect` means: the server closing the socket on purpose is a refusal (socket.io will not retry). */
export function statusFromDisconnect(reason: string): TSocketStatus {
  if (reason === "io server disconnect") return { state: "refused", code: "CLOSED_BY_SERVER", reason: "The studio closed this tab's live connection" };
  if (reason === "io client disconnect" || reason === "forced close") return { state: "idle" };
  return { state: "lost", reason };
}

export type TSocketProblem = { title: string; reason: string; fix: string };

/**
 * Words for the banner: what happened, why, and what the user can do. Undefined when there is nothing to say. The
 * banner waits a little before it shows `connecting` and `lost` (connection-banner.tsx): most of them pass.
 */
export function describeSocketProblem(current: TSocketStatus, pageOrigin: string): TSocketProblem | undefined {
  if (current.state === "refused") {
    switch (current.code) {
      case "ORIGIN_NOT_ALLOWED":
        return {
          title: "Live updates are off",
          reason: current.reason ?? `The studio does not accept live connections from ${pageOrigin}`,
          fix: `Open the studio at its PUBLIC_URL, or add ${pageOrigin} to STUDIO_ALLOWED_ORIGINS and restart it.`,
        };
      case "UNAUTHORIZED":
        return { title: "Live updates are off", reason: "Your session has ended.", fix: "Sign in again." };
      default:
        return { title: "Live updates are off", reason: current.reason ?? "The studio refused the live connection.", fix: "Reload the page." };
    }
  }
  if (current.state === "connecting") {
    return {
      title: "Live updates are not connected",
      reason: "The live connection has not opened yet.",
      fix: "Still trying; check that the studio is running and that nothing between it and this browser blocks WebSockets.",
    };
  }
  if (current.state === "lost") {
    return {
      title: "Live updates lost",
      reason: `Cannot reach the studio's live connection (${current.reason ?? "no answer"}).`,
      fix: "Reconnecting by itself; check that the studio is running.",
    };
  }
  return undefined;
}
