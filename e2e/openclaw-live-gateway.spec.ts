import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startRecordedGateway, type TRecordedGateway, type TRecording } from "../server/openclaw-gateway/testing/recorded-gateway";
import { ADMIN, apiSignIn, demoWorkspaceId } from "./support/auth";
import { trpcMutation, trpcQuery } from "./support/runs";

// A local gateway that speaks OpenClaw's protocol v4 from frames recorded off a real `openclaw gateway`.
const RECORDING = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../server/openclaw-gateway/testing/fixtures/gateway-recording.json"), "utf8")) as TRecording;
const TOKEN = "e2e-gateway-token";
const TEAM_CONFIG = '{ agents: { entries: { main: { subagents: { allowAgents: ["helper"] } }, helper: {} } } }';

let gateway: TRecordedGateway;

test.beforeAll(async () => {
  gateway = await startRecordedGateway({ recording: RECORDING, token: TOKEN, runFor: (message) => (message.includes("helper") ? "delegation" : "chat"), frameDelayMs: 120 });
});

test.afterAll(async () => {
  await gateway.close();
});

test("connects the Live gateway panel of an imported openclaw.json to a gateway and animates its agents and delegation edge", async ({ page }) => {
  await apiSignIn(page.request, ADMIN);
  const workspaceId = await demoWorkspaceId(page.request);
  const suffix = String(gateway.port);
  const imported = await trpcMutation<{ graphId: string }>(page.request, "openClaw.importConfig", { workspaceId, name: `Live team ${suffix}`, entry: "openclaw.json", files: [{ path: "openclaw.json", content: TEAM_CONFIG }] });
  const secretName = `GATEWAY_${suffix}`;
  await trpcMutation(page.request, "secret.create", { workspaceId, name: secretName, value: JSON.stringify({ url: gateway.url, token: TOKEN }) });
  await trpcMutation(page.request, "egress.add", { workspaceId, host: `127.0.0.1:${gateway.port}` });
  const graph = await trpcQuery<{ draft: { nodes: { id: string; config: { agentId?: string } }[]; edges: { id: string; source: { port: string } }[] } }>(page.request, "graph.get", { workspaceId, graphId: imported.graphId });
  const nodeOf = (agentId: string) => graph.draft.nodes.find((node) => node.config.agentId === agentId)!.id;
  const delegationEdge = graph.draft.edges.find((edge) => edge.source.port === "subagents")!.id;

  await page.goto(`/w/demo/graphs/${imported.graphId}`);
  const panel = page.getByTestId("live-gateway-panel");
  await panel.getByText("Live gateway").click();
  await expect(panel.getByTestId("gateway-status")).toHaveText("Not connected to an OpenClaw gateway.");
  await panel.getByLabel("Gateway secret").selectOption(secretName);
  await panel.getByRole("button", { name: "Connect" }).click();
  await expect(panel.getByTestId("gateway-status")).toHaveText(`Connected to 127.0.0.1:${gateway.port} (OpenClaw 2026.9.6)`);
  await expect(panel.getByTestId("gateway-agents")).toContainText("main (default)");

  const main = page.locator(`.react-flow__node[data-id="${nodeOf("main")}"]`);
  await panel.getByLabel("Message to the agent").fill("Say hello");
  await panel.getByRole("button", { name: "Send" }).click();
  await expect(page).toHaveURL(/[?&]run=/);
  await expect(main.getByTestId("node-run")).toHaveAttribute("data-status", "running");
  await expect(main.getByTestId("node-run-text")).toHaveText("Hello from the studio test model, streaming word by word.");
  await expect(main.getByTestId("node-run")).toHaveAttribute("data-status", "succeeded");

  await panel.getByLabel("Message to the agent").fill("Ask the helper to say hi");
  await panel.getByRole("button", { name: "Send" }).click();
  const helper = page.locator(`.react-flow__node[data-id="${nodeOf("helper")}"]`);
  await expect(helper.getByTestId("node-run-text")).toHaveText("Hi from the helper agent.");
  await expect(page.getByTestId(`edge-run-${delegationEdge}`)).toHaveText("1");
  await expect(main.getByTestId("node-run")).toHaveAttribute("data-status", "succeeded");

  const runId = new URL(page.url()).searchParams.get("run")!;
  await page.goto(`/w/demo/runs/${runId}`);
  await expect(page.getByTestId("run-meta")).toContainText("openclaw-gateway");
  await expect(page.getByText("Recorded from an OpenClaw gateway: read-only.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Replay" })).toHaveCount(0);
  await trpcMutation(page.request, "openClawGateway.disconnect", { workspaceId });
});
