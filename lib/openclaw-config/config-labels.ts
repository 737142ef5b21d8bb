// Labels imported nodes get: what an OpenClaw user calls the thing (an agent's identity, a binding's match).
import { GRAPH_LIMITS } from "@/lib/graph/limits";
import { isPlainObject } from "./merge-deep";

const text = (value: unknown) => (typeof value === "string" || typeof value === "number" ? String(value) : undefined);

export function clipLabel(label: string): string {
  return label.length > GRAPH_LIMITS.maxLabelLength ? `${label.slice(0, GRAPH_LIMITS.maxLabelLength - 1)}…` : label;
}

/** `🦥 Samantha (main)`: the identity's emoji and name, else the entry's name, and the agent id. */
export function labelAgent(agentId: string, entry: Record<string, unknown>): string {
  const identity = isPlainObject(entry.identity) ? entry.identity : {};
  const name = text(identity.name) ?? text(entry.name);
  const emoji = text(identity.emoji);
  const shown = [emoji, name].filter(Boolean).join(" ");
  return clipLabel(shown && name !== agentId ? `${shown} (${agentId})` : shown || agentId);
}

/** `whatsapp · account biz · peer direct:+1555`: the binding's match, most specific parts last. */
export function labelBinding(binding: Record<string, unknown>, index: number): string {
  const match = isPlainObject(binding.match) ? binding.match : {};
  const peer = isPlainObject(match.peer) ? `peer ${[text(match.peer.kind), text(match.peer.id)].filter(Boolean).join(":")}` : undefined;
  const parts = [
    text(match.channel) ?? "any channel",
    text(match.accountId) && `account ${text(match.accountId)}`,
    text(match.guildId) && `guild ${text(match.guildId)}`,
    text(match.teamId) && `team ${text(match.teamId)}`,
    peer,
    binding.type === "acp" ? "acp" : undefined,
  ].filter(Boolean);
  return clipLabel(parts.length > 0 ? parts.join(" · ") : `binding ${index + 1}`);
}

export function labelHook(mapping: Record<string, unknown>, index: number): string {
  const match = isPlainObject(mapping.match) ? text(mapping.match.path) : undefined;
  return clipLabel(text(mapping.name) ?? text(mapping.id) ?? (match ? `/${match}` : `webhook ${index + 1}`));
}
