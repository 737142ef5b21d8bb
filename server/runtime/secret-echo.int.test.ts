// Secrets are handles end to end: an allowlisted host that echoes the request's headers hands the HTTP node the
// secret it sent, and nothing downstream may get it back. A Code node (in the real sandbox) tries to undo every
// encoding and reverses the text, an Agent's model (a local OpenAI-compatible server) receives what the Code node
// made; the model server's ledger and every stored record must hold no spelling of the secret.
import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startOpenAiTestServer } from "../agents/testing/openai-test-server";
import type { TTestServer } from "../agents/testing/scripted-model-server";
import { db } from "../db/client";
import { getMasterKey, setMasterKey } from "../secrets/master-key";
import { listSecretSpellings } from "../secrets/secret-spellings";
import { addEgressRule } from "../services/egress/add-egress-rule";
import { createGraph } from "../services/graph/create-graph";
import { startRun } from "../services/run/start-run";
import { createSecret } from "../services/secret/create-secret";
import { createWorkspaceWithMembers } from "../testing/factories";
import { startWorkspaceRuntime } from "../testing/start-workspace-runtime";
import { waitForRunEnd } from "../testing/wait-for-run-end";
import { buildSpec } from "./testing/build-spec";
import { SECRET_RECOVERY_CODE, startSecretEchoHost } from "./testing/secret-echo-host";

const CANARY = `sk-live-CANARY-${randomUUID()}`;
let studio: ReturnType<typeof startWorkspaceRuntime>;
let echo: Awaited<ReturnType<typeof startSecretEchoHost>>;
let model: TTestServer;

beforeAll(async () => {
  setMasterKey(randomBytes(32));
  echo = await startSecretEchoHost();
  model = await startOpenAiTestServer([{ content: "Noted." }]);
  studio = startWorkspaceRuntime();
});

afterAll(async () => {
  await studio.stop();
  await model.close();
  await echo.close();
});

describe("a secret echoed back by an allowlisted host", () => {
  it("reaches the next nodes, the model and every record only as a handle", async () => {
    const { workspace, members } = await createWorkspaceWithMembers(["owner"]);
    const scope = { workspaceId: workspace.id, actorId: members.owner.id };
    await addEgressRule(db(), { ...scope, host: echo.host });
    await addEgressRule(db(), { ...scope, host: new URL(model.url).host });
    await createSecret(db(), { ...scope, name: "API_TOKEN", value: CANARY, masterKey: getMasterKey() });
    const spec = buildSpec(
      [
        { id: "in", type: "core/input" },
        { id: "call", type: "core/http-request", config: { url: `${echo.url}/whoami`, headers: { Authorization: "Bearer {{secret:API_TOKEN}}" } } },
        { id: "recover", type: "core/code", config: { code: SECRET_RECOVERY_CODE } },
        { id: "agent", type: "core/agent", config: { systemPrompt: "Summarise." } },
        { id: "model", type: "core/openai-model", config: { baseUrl: model.url, model: "gpt-4o-mini" } },
        { id: "out", type: "core/output", config: { name: "answer" } },
      ],
      ["in.out->call.in", "call.out->recover.in", "recover.out->agent.in", "model.model->agent.model", "agent.out->out.in"],
    );
    const graph = await createGraph(db(), { ...scope, name: "Echo", spec });
    const started = await startRun(db(), { ...scope, graphId: graph.id, source: { kind: "draft" }, input: {} });
    const run = await waitForRunEnd(started.id);

    expect(run.error).toBeNull();
    // The host did get the real secret: the handle is what comes back, not what goes out.
    expect(echo.receivedAuthorization).toEqual([`Bearer ${CANARY}`]);
    const recovered = run.steps.find((step) => step.nodeId === "recover")!.output as { out: { decoded: string[]; reversed: string[] } };
    // As sent, URL-decoded and from the echoed header: the handle. Base64 and hex decode to the handle's own bytes
    // mangled (and base64 keeps the characters that also encode a neighbour): noise, never the secret.
    const [asSent, fromBase64, fromUrl, fromHex, fromHeader] = recovered.out.decoded;
    expect([asSent, fromUrl, fromHeader]).toEqual(Array(3).fill("Bearer [secret:API_TOKEN]"));
    for (const noise of [fromBase64, fromHex]) expect(noise).not.toContain(CANARY.slice(4, 14));
    expect(recovered.out.reversed[0]).toBe("]NEKOT_IPA:terces[ reraeB");

    const forbidden = [...listSecretSpellings(CANARY), CANARY.split("").reverse().join("")];
    const modelSaw = JSON.stringify(model.requests);
    expect(modelSaw).toContain("[secret:API_TOKEN]");
    const stored = JSON.stringify([run, run.steps, run.events]);
    for (const spelling of forbidden) {
      expect(modelSaw).not.toContain(spelling);
      expect(stored).not.toContain(spelling);
    }
  });
});
