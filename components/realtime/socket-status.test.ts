import { describe, expect, it } from "vitest";
import { describeSocketProblem, statusFromConnectError, statusFromDisconnect } from "./socket-status";

describe("the socket's status, as the banner tells it", () => {
  it("turns a refusal with a reason into words with the fix", () => {
    const status = statusFromConnectError(Object.assign(new Error("ORIGIN_NOT_ALLOWED"), { data: { code: "ORIGIN_NOT_ALLOWED", reason: "A page at http://box:3000 may not open live updates" } }));
    expect(status).toEqual({ state: "refused", code: "ORIGIN_NOT_ALLOWED", reason: "A page at http://box:3000 may not open live updates" });
    const problem = describeSocketProblem(status, "http://box:3000")!;
    expect(problem.reason).toContain("http://box:3000");
    expect(problem.fix).toContain("STUDIO_ALLOWED_ORIGINS");
    expect(describeSocketProblem(statusFromConnectError(Object.assign(new Error("UNAUTHORIZED"), { data: { code: "UNAUTHORIZED" } })), "http://x")!.fix).toBe("Sign in again.");
  });

  it("reports a transport failure as lost (socket.io retries it) and a server close as refused", () => {
    expect(statusFromConnectError(new Error("websocket error"))).toEqual({ state: "lost", reason: "websocket error" });
    expect(describeSocketProblem({ state: "lost", reason: "transport close" }, "http://x")!.title).toBe("Live updates lost");
    expect(statusFromDisconnect("io server disconnect").state).toBe("refused");
    expect(statusFromDisconnect("transport close")).toEqual({ state: "lost", reason: "transport close" });
    expect(statusFromDisconnect("forced close")).toEqual({ state: "idle" });
  });

  it("says a connection that does not open is not connected, and nothing while connected or unused", () => {
    expect(describeSocketProblem({ state: "connecting" }, "http://x")!.title).toBe("Live updates are not connected");
    expect(describeSocketProblem({ state: "connected" }, "http://x")).toBeUndefined();
    expect(describeSocketProblem({ state: "idle" }, "http://x")).toBeUndefined();
  });
});
