// The HTTP Request node's idempotency key and templates, against a local server that records what it receives.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { egressFetch } from "../../egress";
import { buildSpec } from "../../runtime/testing/build-spec";
import { createRuntimeHarness, runToIdle } from "../../runtime/testing/runtime-harness";
import { agentNode } from "../agent/agent-node";
import { scriptedModelNode } from "../providers/scripted-model";
import { createHttpRequestNode } from "./http-request-node";

type TReceived = { url: string; headers: http.IncomingHttpHeaders; body: string };
let server: http.Server;
let baseUrl = "";
const received: TReceived[] = [];
/** Status codes to answer with per path, in order; 200 once they run out. */
let answers: Record<string, number[]> = {};

beforeAll(async () => {
  server = http.createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      received.push({ url: request.url ?? "", headers: request.headers, body });
      response.statusCode = answers[request.url ?? ""]?.shift() ?? 200;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ ok: true }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  received.length = 0;
  answers = {};
});

function harness() {
  const httpNode = createHttpRequestNode({ fetch: (request) => egressFetch(request, { allowedHosts: [new URL(baseUrl).host] }) });
  return createRuntimeHarness([agentNode, scriptedModelNode, httpNode]);
}

/** The HTTP node starts the run: nothing arrives on its `in`. */
function callSpec(config: Record<string, unknown>, retry?: { attempts: number; backoffMs: number; maxBackoffMs: number }) {
  return buildSpec([{ id: "call", type: "core/http-request", config: { method: "POST", ...config }, retry }, { id: "out", type: "core/output" }], ["call.out->out.in"]);
}

describe("HTTP Request: idempotency key", () => {
  it("sends Idempotency-Key with the step's key, and fills {{run.id}} and {{step.idempotencyKey}} in URL, headers and body", async () => {
    const { memory, runtime, start } = harness();
    const config = { url: `${baseUrl}/orders/{{run.id}}`, headers: { "x-request": "req-{{step.idempotencyKey}}" }, body: '{"key":"{{step.idempotencyKey}}"}' };
    const id = start(callSpec(config), {});
    await runToIdle(runtime);
    expect(memory.runs.get(id)?.status).toBe("succeeded");
    const key = `${id}:call:top:0`;
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ url: `/orders/${id}`, headers: { "idempotency-key": key, "x-request": `req-${key}` }, body: `{"key":"${key}"}` });
  });

  it("uses the configured header name, sends none when it is empty, and keeps a header the graph sets itself", async () => {
    const { runtime, start } = harness();
    const renamed = start(callSpec({ url: `${baseUrl}/a`, idempotencyHeader: "X-Dedupe-Key" }), {});
    start(callSpec({ url: `${baseUrl}/b`, idempotencyHeader: "" }), {});
    const own = start(callSpec({ url: `${baseUrl}/c`, headers: { "idempotency-key": "mine-{{run.id}}" } }), {});
    await runToIdle(runtime);
    const byPath = (path: string) => received.find((request) => request.url === path)!.headers;
    expect(byPath("/a")["x-dedupe-key"]).toBe(`${renamed}:call:top:0`);
    expect(byPath("/a")["idempotency-key"]).toBeUndefined();
    expect(Object.keys(byPath("/b")).filter((name) => name.includes("idempotency") || name.includes("dedupe"))).toEqual([]);
    expect(byPath("/c")["idempotency-key"]).toBe(`mine-${own}`);
  });

  it("keeps the key across retries of one step; another step gets another key", async () => {
    answers = { "/retried": [503, 503] };
    const { memory, runtime, start } = harness();
    const first = start(callSpec({ url: `${baseUrl}/retried` }, { attempts: 3, backoffMs: 1, maxBackoffMs: 1 }), {});
    const second = start(callSpec({ url: `${baseUrl}/other` }), {});
    await runToIdle(runtime);
    expect(memory.runs.get(first)?.status).toBe("succeeded");
    const keys = received.map((request) => request.headers["idempotency-key"]);
    expect(keys.filter((key) => key === `${first}:call:top:0`)).toHaveLength(3);
    expect(keys.filter((key) => key === `${second}:call:top:0`)).toHaveLength(1);
    expect(memory.steps.find((step) => step.runId === first)?.attempt).toBe(3);
  });

  it("never falls back to the run input: an HTTP node with nothing on `in` renders {{input.*}} empty", async () => {
    const { runtime, start } = harness();
    start(callSpec({ url: `${baseUrl}/q?item={{input.item}}` }), { item: "lamp" });
    await runToIdle(runtime);
    expect(received.map((request) => request.url)).toEqual(["/q?item="]);
  });

  it("as an Agent's tool, every call gets its own key: the agent step's key plus the call's index", async () => {
    const { memory, runtime, start } = harness();
    const turns = [{ toolCalls: [{ name: "lookup", arguments: { item: "lamp" } }, { name: "lookup", arguments: { item: "desk" } }] }, { content: "done" }];
    const id = start(
      buildSpec(
        [
          { id: "in", type: "core/input" },
          { id: "agent", type: "core/agent" },
          { id: "model", type: "core/scripted-model", config: { turns } },
          { id: "lookup", type: "core/http-request", config: { url: `${baseUrl}/stock?item={{input.item}}`, toolName: "lookup" } },
          { id: "out", type: "core/output" },
        ],
        ["in.out->agent.in", "model.model->agent.model", "lookup.asTool->agent.tools", "agent.out->out.in"],
      ),
      "stock?",
    );
    await runToIdle(runtime);
    expect(memory.runs.get(id)?.status).toBe("succeeded");
    const calls = memory.steps.find((step) => step.nodeId === "agent")!.effects.calls!;
    const toolCallIndex = (item: string) => calls.findIndex((call) => call.kind === "tool" && (call.input as { item: string }).item === item);
    const keyOf = (item: string) => received.find((request) => request.url.endsWith(`item=${item}`))!.headers["idempotency-key"];
    expect(keyOf("lamp")).toBe(`${id}:agent:top:0:call-${toolCallIndex("lamp")}`);
    expect(keyOf("desk")).toBe(`${id}:agent:top:0:call-${toolCallIndex("desk")}`);
    expect(keyOf("lamp")).not.toBe(keyOf("desk"));
  });
});
