// Size is the caller's weapon too: every input field has a bound (read off the router's own schemas), and the HTTP
// endpoint refuses batches over the cap, bodies over 5 MB, over-long fields, deep nesting and prototype keys before
// any of it runs.
import { describe, expect, it } from "vitest";
import { MAX_TRPC_BATCH_SIZE } from "@/lib/api-limits";
import { MAX_TRPC_BODY_BYTES } from "../../api/http-handler";
import { appRouter } from "../../api/root";
import { db } from "../../db/client";
import { createWorkspaceWithMembers } from "../../testing/factories";
import { createTestGraph } from "../../testing/run-factories";
import { sessionCookieFor } from "../../testing/session-cookie";
import { useTrpcHttpServer } from "../../testing/trpc-http-server";
import { findUnboundedInputs } from "./input-bounds";
import { listProcedures } from "./procedure-catalog";

const trpcServer = useTrpcHttpServer();

/**
 * Reviewed: fields whose size only the body cap (5 MB) and the nesting guard (64 levels) bound, and why that is right.
 */
const REVIEWED_UNBOUNDED: Record<string, string> = {
  "graph.create input.spec": "a graph spec; the graph rules then check node, edge and text limits (lib/graph/limits.ts) and answer where",
  "graph.saveDraft input.spec": "the same spec, as the editor saves it",
  "run.start input.input": "the run's input, whatever the graph's Input node accepts",
  "run.fork input.input": "a step's new input, per port",
};

async function signedInEditor() {
  const { workspace, members } = await createWorkspaceWithMembers(["editor"]);
  return { workspaceId: workspace.id, cookie: await sessionCookieFor(members.editor) };
}

/** A POST batch of `size` graph.create calls, as the browser's batch link sends mutations. */
function createGraphsInOneRequest(workspaceId: string, cookie: string, size: number): Promise<Response> {
  const paths = Array(size).fill("graph.create").join(",");
  const input = Object.fromEntries(Array.from({ length: size }, (_, index) => [index, { workspaceId, name: `Batch ${index}` }]));
  return fetch(`${trpcServer.base}/${paths}?batch=1`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body: JSON.stringify(input) });
}

const graphCount = (workspaceId: string) => db().graph.count({ where: { workspaceId } });

describe("input bounds", () => {
  it("every string, list and map of every procedure's input has a maximum, but the reviewed few", () => {
    const unbounded = listProcedures().flatMap(({ path, access }) => {
      const inputs = (appRouter._def.procedures as unknown as Record<string, { _def: { inputs: unknown[] } }>)[path]!._def.inputs;
      // The workspace rung's own loose `{ workspaceId }` comes first; the procedure's strict input repeats it.
      const own = access?.kind === "workspace" ? inputs.slice(1) : inputs;
      return own.flatMap((schema) => findUnboundedInputs(schema)).map((field) => `${path} ${field}`);
    });
    expect(unbounded.sort()).toEqual(Object.keys(REVIEWED_UNBOUNDED).sort());
  });
});

describe("the tRPC HTTP endpoint", () => {
  it(`answers a batch of ${MAX_TRPC_BATCH_SIZE} calls, and refuses ${MAX_TRPC_BATCH_SIZE + 1} or 1,000 with 400 without running any`, async () => {
    const { workspaceId, cookie } = await signedInEditor();
    const atCap = await createGraphsInOneRequest(workspaceId, cookie, MAX_TRPC_BATCH_SIZE);
    expect(atCap.status).toBe(200);
    expect(await graphCount(workspaceId)).toBe(MAX_TRPC_BATCH_SIZE);
    for (const size of [MAX_TRPC_BATCH_SIZE + 1, 1_000]) {
      const refused = await createGraphsInOneRequest(workspaceId, cookie, size);
      expect(refused.status).toBe(400);
      expect(await refused.text()).toContain("Batch call exceeds maximum size");
    }
    expect(await graphCount(workspaceId)).toBe(MAX_TRPC_BATCH_SIZE);
  });

  it("refuses a body over 5 MB with 413 before reading the call", async () => {
    const { workspaceId, cookie } = await signedInEditor();
    const body = JSON.stringify({ workspaceId, name: "Huge", spec: { padding: "x".repeat(MAX_TRPC_BODY_BYTES) } });
    const response = await fetch(`${trpcServer.base}/graph.create`, { method: "POST", headers: { cookie, "content-type": "application/json" }, body });
    expect(response.status).toBe(413);
    expect(await graphCount(workspaceId)).toBe(0);
  });

  it("refuses an over-long field, nesting past 64 levels and prototype keys with 400, naming the problem", async () => {
    const { workspaceId, cookie } = await signedInEditor();
    const graph = await createTestGraph(workspaceId, { name: "Kept" });
    const rename = (input: unknown) => trpcServer.call("mutation", "graph.rename", input, { cookie });

    const long = await rename({ workspaceId, graphId: graph.id, name: "n".repeat(10_000) });
    expect([long.status, long.error?.code]).toEqual([400, "BAD_REQUEST"]);
    expect(long.error?.message).toMatch(/^name: /);

    let deep: unknown = "bottom";
    for (let level = 0; level < 70; level++) deep = { deeper: deep };
    const nested = await trpcServer.call("mutation", "graph.create", { workspaceId, name: "Deep", spec: deep }, { cookie });
    expect([nested.status, nested.error?.code]).toEqual([400, "BAD_REQUEST"]);
    expect(nested.error?.message).toContain("64");

    const polluting = await trpcServer.call("mutation", "graph.create", JSON.parse(`{"workspaceId":"${workspaceId}","name":"Proto","spec":{"__proto__":{"isAdmin":true}}}`), { cookie });
    expect([polluting.status, polluting.error?.code]).toEqual([400, "BAD_REQUEST"]);
    expect(polluting.error?.message).toContain("__proto__");
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();

    expect((await db().graph.findMany({ where: { workspaceId }, select: { name: true } })).map((row) => row.name)).toEqual(["Kept"]);
  });

  it("refuses a query whose input makes the URL longer than the server reads, with 431", async () => {
    const { workspaceId, cookie } = await signedInEditor();
    const response = await fetch(`${trpcServer.base}/graph.list?input=${encodeURIComponent(JSON.stringify({ workspaceId, pad: "p".repeat(100_000) }))}`, { headers: { cookie } });
    expect(response.status).toBe(431);
  });
});
