// A secret whose value is a random canary, used the way graphs use secrets: an HTTP Request node sends it to a host
// that echoes it back in every form, a Code node decodes and reverses what came back, and a model server refuses the
// key quoting it (as OpenAI's 401 does). Everything the studio said while that happened is captured where it leaves
// the process: every tRPC response body (writing the secret, starting and reading the runs, the audit log), every
// socket frame a subscribed client received, every log line at trace level. No spelling of the canary the redactor
// knows, nor its reverse, may appear in any of them. (runtime/secret-echo.int.test.ts checks the stored records and
// what the next nodes and the model receive.)
import { randomBytes, randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOpenAiTestServer } from "../../agents/testing/openai-test-server";
import type { TTestServer } from "../../agents/testing/scripted-model-server";
import { createRunEventHub } from "../../realtime/run-stream/run-event-hub";
import { TEST_ORIGIN, useRealtimeTestServer } from "../../realtime/testing/realtime-test-server";
import { buildSpec } from "../../runtime/testing/build-spec";
import { SECRET_RECOVERY_CODE, startSecretEchoHost } from "../../runtime/testing/secret-echo-host";
import { db } from "../../db/client";
import { setMasterKey } from "../../secrets/master-key";
import { listSecretSpellings } from "../../secrets/secret-spellings";
import { startRuntime } from "../../start-runtime";
import { captureLogLines } from "../../telemetry/testing/capture-log-lines";
import { createWorkspaceWithMembers } from "../../testing/factories";
import { sessionCookieFor } from "../../testing/session-cookie";
import { useTrpcHttpServer, type TTrpcReply } from "../../testing/trpc-http-server";
import { waitForRunEnd } from "../../testing/wait-for-run-end";

const CANARY = `sk-live-CANARY-${randomUUID()}`;
const reverse = (text: string) => text.split("").reverse().join("");
const FORBIDDEN = [...new Set([...listSecretSpellings(CANARY), ...listSecretSpellings(reverse(CANARY))])];

const runEvents = createRunEventHub();
const realtimeServer = useRealtimeTestServer({ runEvents });
const trpcServer = useTrpcHttpServer();

let logs: ReturnType<typeof captureLogLines>;
let echo: Awaited<ReturnType<typeof startSecretEchoHost>>;
let model: TTestServer;
let studio: Awaited<ReturnType<typeof startRuntime>>;

beforeAll(async () => {
  logs = captureLogLines();
  setMasterKey(randomBytes(32));
  echo = await startSecretEchoHost();
  // Like OpenAI's 401: the refusal quotes the key it was sent.
  model = await startOpenAiTestServer((request) => ({ failure: { status: 401, message: `Incorrect API key provided: ${String(request.headers.authorization).replace("Bearer ", "")}.` } }));
  // As main.ts wires it: the runtime publishes to the hub the socket server streams from.
  studio = await startRuntime(db(), { onEvent: runEvents.publish });
});

afterAll(async () => {
  await studio.stop();
  await Promise.all([echo.close(), model.close()]);
  logs.stop();
});

/** Every frame the client's connection received, as text, from the handshake on. */
function recordFrames(socket: Socket): string[] {
  const frames: string[] = [];
  socket.io.on("open", () => socket.io.engine.on("data", (data: unknown) => frames.push(typeof data === "string" ? data : Buffer.from(data as ArrayBuffer).toString("utf8"))));
  return frames;
}

function runEnded(socket: Socket, runId: string): Promise<void> {
  return new Promise((resolve) => {
    socket.on("run:events", (frame: { runId?: string; events: { runId?: string; type: string }[] }) => {
      if (frame.events.some((event) => (event.runId ?? frame.runId) === runId && ["run.completed", "run.failed"].includes(event.type))) resolve();
    });
  });
}

function spellingsIn(channel: string[]): string[] {
  return FORBIDDEN.filter((spelling) => channel.some((text) => text.includes(spelling)));
}

describe("a run that echoes a secret", () => {
  it("leaves no spelling of it in any response, socket frame or log line", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner", "viewer"]);
    const workspaceId = workspace.id;
    const responses: TTrpcReply[] = [];
    const send = async (member: "owner" | "viewer", kind: "query" | "mutation", path: string, input: unknown) => {
      const reply = await trpcServer.call(kind, path, input, { Cookie: await sessionCookieFor(members[member]) });
      responses.push(reply);
      return reply;
    };
    const as = (member: "owner" | "viewer") => async (kind: "query" | "mutation", path: string, input: unknown) => {
      const reply = await send(member, kind, path, input);
      expect(reply.status, `${path}: ${reply.body.slice(0, 200)}`).toBe(200);
      return reply.data as Record<string, unknown>;
    };
    const owner = as("owner");
    const viewer = as("viewer");

    await owner("mutation", "secret.create", { workspaceId, name: "API_TOKEN", value: CANARY });
    for (const host of [echo.host, new URL(model.url).host]) await owner("mutation", "egress.add", { workspaceId, host });
    const echoSpec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "call", type: "core/http-request", config: { url: `${echo.url}/whoami`, headers: { Authorization: "Bearer {{secret:API_TOKEN}}" } } }, { id: "recover", type: "core/code", config: { code: SECRET_RECOVERY_CODE } }, { id: "out", type: "core/output" }],
      ["in.out->call.in", "call.out->recover.in", "recover.out->out.in"],
    );
    const refusedSpec = buildSpec(
      [{ id: "in", type: "core/input" }, { id: "agent", type: "core/agent", config: { systemPrompt: "Answer." } }, { id: "model", type: "core/openai-model", config: { baseUrl: model.url, model: "gpt-4o-mini", apiKeySecret: "API_TOKEN" } }, { id: "out", type: "core/output" }],
      ["in.out->agent.in", "model.model->agent.model", "agent.out->out.in"],
    );
    const graphIds: string[] = [];
    for (const [name, spec] of [["Echo", echoSpec], ["Refused key", refusedSpec]] as const) graphIds.push(String((await owner("mutation", "graph.create", { workspaceId, name, spec })).id));

    const socket = realtimeServer.open({ Origin: TEST_ORIGIN, Cookie: await sessionCookieFor(members.viewer) });
    const frames = recordFrames(socket);
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    const runIds: string[] = [];
    for (const graphId of graphIds) runIds.push(String((await owner("mutation", "run.start", { workspaceId, graphId, input: { question: "hi" } })).id));
    const ended = runIds.map((runId) => runEnded(socket, runId));
    for (const runId of runIds) expect(await new Promise((resolve) => socket.emit("run:subscribe", { runId, afterSeq: 0 }, resolve))).toMatchObject({ ok: true });
    await Promise.all(ended);
    const [echoRun, refusedRun] = await Promise.all(runIds.map((runId) => waitForRunEnd(runId)));
    expect([echoRun!.status, refusedRun!.status]).toEqual(["succeeded", "failed"]);
    // The canary really went out, to both hosts.
    expect(echo.receivedAuthorization).toEqual([`Bearer ${CANARY}`]);
    expect(model.requests.map((request) => request.headers.authorization)).toContain(`Bearer ${CANARY}`);

    for (const [index, runId] of runIds.entries()) {
      await viewer("query", "run.get", { workspaceId, runId });
      await viewer("query", "graph.get", { workspaceId, graphId: graphIds[index] });
      const steps = (await viewer("query", "run.steps", { workspaceId, runId })) as unknown as { seq: number }[];
      for (const { seq } of steps) {
        // Every recorded value in full; a field the step does not have answers NOT_FOUND, and that answer counts too.
        for (const field of ["input", "output", "error", "result"]) await send("viewer", "query", "run.stepValue", { workspaceId, runId, stepSeq: seq, field });
      }
      await viewer("query", "run.events", { workspaceId, runId });
    }
    await viewer("query", "run.list", { workspaceId });
    await viewer("query", "run.stats", { workspaceId });
    await owner("query", "secret.list", { workspaceId });
    await owner("query", "audit.list", { workspaceId });
    await owner("query", "audit.export", { workspaceId });

    // Each channel carried the run: the handle where the secret was, so an empty grep means redaction, not silence.
    const bodies = responses.map((reply) => reply.body);
    expect(bodies.some((body) => body.includes("[secret:API_TOKEN]"))).toBe(true);
    expect(frames.some((frame) => frame.includes("[secret:API_TOKEN]"))).toBe(true);
    expect(logs.lines.some((line) => line.includes('"runtime started"'))).toBe(true);
    expect({ responses: spellingsIn(bodies), frames: spellingsIn(frames), logs: spellingsIn(logs.lines) }).toEqual({ responses: [], frames: [], logs: [] });
  });
});
