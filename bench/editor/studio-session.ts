// Signs the bench's browser context in and stores the benchmark graph through the studio's own HTTP API.
import type { APIRequestContext } from "@playwright/test";
import type { TGraphSpec } from "@/lib/graph";

async function readData<T>(response: Awaited<ReturnType<APIRequestContext["get"]>>, what: string): Promise<T> {
  if (!response.ok()) throw new Error(`${what} failed: HTTP ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

/** Signs in the way next-auth's client does; the context (and its pages) keep the session cookie. */
export async function signIn(request: APIRequestContext, email: string, password: string): Promise<void> {
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true" } });
  if (!response.ok()) throw new Error(`sign-in failed: HTTP ${response.status()}`);
}

/** Creates the graph in the seeded demo workspace and returns the editor's path for it. */
export async function createBenchGraph(request: APIRequestContext, name: string, spec: TGraphSpec): Promise<string> {
  const workspaces = await readData<{ id: string; slug: string }[]>(await request.get("/api/trpc/workspace.list"), "workspace.list");
  const demo = workspaces.find((workspace) => workspace.slug === "demo");
  if (!demo) throw new Error("the seeded demo workspace is missing");
  const graph = await readData<{ id: string }>(await request.post("/api/trpc/graph.create", { data: { workspaceId: demo.id, name, spec } }), "graph.create");
  return `/w/${demo.slug}/graphs/${graph.id}`;
}
