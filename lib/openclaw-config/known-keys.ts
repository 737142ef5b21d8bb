// The keys OpenClaw's configuration reference documents (openclaw 2026.9.6, docs/gateway/config-*.md), at the levels
// the import takes apart. Anything else is kept exactly as written and listed as unknown, never dropped.

export const KNOWN_TOP_LEVEL_KEYS = new Set([
  "$schema", "acp", "agents", "approvals", "audit", "auth", "bindings", "broadcast", "browser", "canvasHost", "channels", "cloudWorkers",
  "commands", "cron", "desktop", "diagnostics", "discovery", "env", "gateway", "hooks", "imessage", "logging", "manualCompaction",
  "mcp", "memory", "messages", "meta", "models", "multiAgent", "nodeHost", "plugins", "providerUpserts", "secrets", "session", "signal",
  "skills", "talk", "telemetry", "tools", "tts", "ui", "update", "web", "wizard", "worktreeAcceleration", "worktreeRoot",
]);

export const KNOWN_AGENTS_KEYS = new Set(["defaults", "entries", "list", "ownership"]);

export const KNOWN_AGENT_KEYS = new Set([
  "id", "name", "default", "workspace", "agentDir", "cwd", "model", "utilityModel", "imageModel", "models", "thinkingDefault",
  "reasoningDefault", "fastModeDefault", "verboseDefault", "elevatedDefault", "params", "tts", "skills", "identity", "groupChat",
  "sandbox", "runtime", "subagents", "tools", "heartbeat", "humanDelay", "timeoutSeconds", "userTimezone", "memory", "blockStreamingDefault",
]);

export const KNOWN_BINDING_KEYS = new Set(["type", "agentId", "match", "session", "acp", "comment"]);

export const KNOWN_HOOK_MAPPING_KEYS = new Set([
  "id", "match", "action", "agentId", "wakeMode", "name", "forEach", "sessionKey", "messageTemplate", "textTemplate", "deliver",
  "channel", "to", "model", "thinking", "timeoutSeconds", "transform", "allowUnsafeExternalContent", "retry",
]);

export const KNOWN_MCP_SERVER_KEYS = new Set([
  "command", "args", "env", "cwd", "url", "transport", "enabled", "connectionTimeoutMs", "requestTimeoutMs", "supportsParallelToolCalls",
  "headers", "auth", "oauth", "sslVerify", "clientCert", "clientKey", "toolFilter", "description",
]);
