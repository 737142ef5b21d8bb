import { gatewayGraphTargets, listGraphAgentIds } from "@/lib/openclaw-config";
import type { TGraphSpec } from "@/lib/graph";
import { AppError } from "../../app-error";
import type { TDb } from "../../db/client";
import { EgressError } from "../../egress";
import { deriveDeviceIdentity } from "../../openclaw-gateway/device-identity";
import { createGatewayConnection, GatewayRequestError } from "../../openclaw-gateway/gateway-connection";
import { ZAgentEvent, ZChatEvent } from "../../openclaw-gateway/gateway-protocol";
import { createGatewayRunRecorder } from "../../openclaw-gateway/gateway-run-recorder";
import { parseGatewaySecret } from "../../openclaw-gateway/gateway-secret";
import { closeLiveGateway, GATEWAY_RECORDER_OWNER, gatewayRunPublisher, setLiveGateway, type TLiveGateway } from "../../openclaw-gateway/live-gateways";
import { openGatewaySocket } from "../../openclaw-gateway/open-gateway-socket";
import { getMasterKey } from "../../secrets/master-key";
import { logger } from "../../telemetry/logger";
import { getWorkspaceAllowlist } from "../egress/get-workspace-allowlist";
import { findGraphOrThrow } from "../graph/find-graph";
import { resolveSecretValue } from "../secret/resolve-secret";
import { describeLiveGateway } from "./describe-live-gateway";

const HEARTBEAT_MS = 10_000;
const STUDIO_VERSION = "0.1.0";

/**
 * Connects the workspace to the OpenClaw gateway its secret names, as an operator (read/write, tool events), to
 * animate `graphId` (an imported openclaw.json). A workspace has one live connection: connecting again replaces it.
 * The first handshake's failure is the caller's to read (wrong URL, token, pairing); later drops reconnect.
 */
export async function connectGateway(db: TDb, options: { workspaceId: string; graphId: string; secretName: string; actorId: string; reconnect?: { initialMs: number; maxMs: number } }) {
  const { workspaceId, graphId, secretName } = options;
  const graph = await findGraphOrThrow(db, { workspaceId, graphId }, { name: true, draft: true });
  const spec = graph.draft as TGraphSpec;
  if (listGraphAgentIds(spec).length === 0) throw new AppError("BAD_REQUEST", `Graph "${graph.name}" has no OpenClaw agents: import an openclaw.json to watch its gateway`);
  const secret = parseGatewaySecret(secretName, await resolveSecretValue(db, { workspaceId, name: secretName, masterKey: getMasterKey() }));
  const allowedHosts = await getWorkspaceAllowlist(db, { workspaceId });
  closeLiveGateway(workspaceId, "Replaced by a new connection to the gateway");
  const log = logger.child({ component: "openclaw-gateway", workspaceId });
  // The connection's callbacks need the gateway record, which needs the connection: filled in right after both exist.
  const holder: { gateway?: TLiveGateway } = {};
  const connection = createGatewayConnection({
    url: secret.url,
    token: secret.token,
    identity: deriveDeviceIdentity(getMasterKey(), workspaceId),
    studioVersion: STUDIO_VERSION,
    openSocket: () => openGatewaySocket(secret.url, allowedHosts),
    reconnect: options.reconnect,
    onState: (state, detail) => {
      const { gateway } = holder;
      if (!gateway) return;
      gateway.state = state;
      gateway.detail = detail;
      if (state === "closed" && detail !== "closed by the studio") closeLiveGateway(workspaceId, `The connection to the gateway ended: ${detail ?? "closed"}`);
    },
    onEvent: (name, payload) => {
      const { gateway } = holder;
      if (!gateway) return;
      const { recorder } = gateway;
      gateway.events = gateway.events
        .then(() => recorder.onEvent(name, payload, { agent: (value) => ZAgentEvent.safeParse(value).data, chat: (value) => ZChatEvent.safeParse(value).data }))
        .catch((error: unknown) => log.error({ err: error, event: name }, "gateway event not recorded"));
    },
    onGap: (expected, received) => {
      const { gateway } = holder;
      if (!gateway) return;
      const { recorder } = gateway;
      gateway.events = gateway.events.then(() => recorder.onGap(expected, received)).catch((error: unknown) => log.error({ err: error }, "gateway gap reload failed"));
    },
    onReconnected: () => {
      const { gateway } = holder;
      if (!gateway) return;
      const { recorder } = gateway;
      gateway.events = gateway.events.then(() => recorder.resync()).catch((error: unknown) => log.error({ err: error }, "gateway resync failed"));
    },
  });
  const recorder = createGatewayRunRecorder({
    db,
    workspaceId,
    graphId,
    spec,
    targets: gatewayGraphTargets(spec),
    actorId: options.actorId,
    leaseOwner: GATEWAY_RECORDER_OWNER,
    publish: gatewayRunPublisher(),
    request: (method, params) => connection.request(method, params),
    onError: (error, context) => log.error({ err: error, context }, "gateway recording failed"),
  });
  const host = new URL(secret.url.replace(/^ws/i, "http")).host;
  const gateway: TLiveGateway = {
    workspaceId, graphId, secretName, host, connection, recorder,
    state: "connecting", detail: undefined, connectedAt: new Date(), serverVersion: undefined, mainKey: undefined,
    heartbeat: setInterval(() => void recorder.heartbeat().catch((error: unknown) => log.warn({ err: error }, "gateway recording heartbeat failed")), HEARTBEAT_MS),
    events: Promise.resolve(),
  };
  holder.gateway = gateway;
  gateway.heartbeat.unref();
  try {
    const hello = await connection.start();
    gateway.serverVersion = hello.server.version;
  } catch (error) {
    clearInterval(gateway.heartbeat);
    throw toConnectError(error, host);
  }
  setLiveGateway(gateway);
  return describeLiveGateway(gateway);
}

function toConnectError(error: unknown, host: string): AppError {
  if (error instanceof EgressError) return new AppError("BAD_REQUEST", `The egress guard refused ${host}: ${error.message}`);
  if (error instanceof GatewayRequestError) {
    const requestId = typeof error.details?.requestId === "string" ? error.details.requestId : undefined;
    const pairing = requestId ? ` Approve this studio on the gateway host: openclaw devices approve ${requestId}` : "";
    return new AppError("BAD_REQUEST", `The gateway at ${host} refused the connection: ${error.message}.${pairing}`);
  }
  return new AppError("BAD_REQUEST", `Could not connect to the gateway at ${host}: ${(error as Error).message}`);
}
